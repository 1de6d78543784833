import type { FaultStack } from './fault-stack';
import { type InvariantReport, checkInvariants } from './invariants';
import { lifeLength, openCasesOf, playLives, playOpenCases, progressLine, resolvedOf } from './lifecycles';
import { OficioClient } from './oficio-client';
import { milestone, recordScenario, waitForRunning } from './scenario';

export interface LoadPlan {
  /** Oficio numbers and document keys of this scenario start with it. */
  tag: string;
  documents: number;
  concurrency: number;
  /** Which steps of each document's life to play (default: the whole life, 0…3). */
  steps?: { from: number; to: number };
  /** Requests and reminders recorded beside the load, left open (default: openCasesFor(documents)). */
  openCases?: number;
}

/** How many requests and reminders (openCaseSteps) a scenario of `documents` records beside its load. */
export const openCasesFor = (documents: number) => Math.max(2, Math.ceil(documents / 20));

/** The stream ids of a scenario's cases: its documents, its expected deliverables and its requests. */
export const casePatterns = (tag: string) => [
  `document:%:${tag.toLowerCase()}-%`,
  `request:%:ine-utsi-${tag.toLowerCase()}q-%`,
];

/**
 * Plays the documents' lives and, a third of the way in, injects the fault (`inject` also waits
 * for the system to come back); the load goes on through it. Resolves when every oficio is answered.
 */
export async function underLoad(
  stack: FaultStack,
  client: OficioClient,
  plan: LoadPlan,
  fault: string,
  inject: () => Promise<void>,
): Promise<void> {
  const third = milestone(1 / 3, progressLine(plan.tag.toLowerCase()));
  const load = Promise.all([
    playLives(client, plan.tag, plan.documents, plan.steps ?? { from: 0, to: 3 }, plan.concurrency, third.onProgress),
    playOpenCases(client, plan.tag, plan.openCases ?? openCasesFor(plan.documents)),
  ]);
  await Promise.race([third.reached, load]);
  await stack.log.fault(fault, inject);
  await load;
}

/** A client of the stack's gateways with the administrator's token, its errors in the fault log. */
export const operator = (stack: FaultStack) => new OficioClient(stack.graphqlUrls, stack.adminToken, stack.log);

export interface SettledReport extends InvariantReport {
  /** The scenario's cases whose workflows still run once the resolved ones have closed. */
  stillRunning: number;
  resolved: number;
  /** What the plan leaves: resolved documents, and open cases (documents, requests, expected deliverables). */
  expected: { resolved: number; open: number; cases: number };
}

/** What a scenario of `documents` (and `openCases` requests and reminders) leaves resolved and open. */
export function expectedCases(documents: number, openCases = openCasesFor(documents)) {
  const resolved = resolvedOf(documents);
  const openDocuments = Array.from({ length: documents }, (_, i) => lifeLength(i)).filter((n) => n < 4).length;
  const open = openDocuments + openCasesOf(openCases);
  return { resolved, open, cases: resolved + open };
}

/**
 * After the load: the scenario's resolved documents have closed their workflows and its open
 * cases (a third of them at least: documents waiting on INE and on the OPLE, requests, expected
 * deliverables, each with escalation timers pending) still run; then the invariants, which
 * inspect every running workflow. Records the scenario's figures (with `extra`) and returns the report.
 */
export async function settleAndCheck(
  stack: FaultStack,
  client: OficioClient,
  scenario: {
    name: string;
    tag: string;
    documents: number;
    openCases?: number;
    started: number;
    extra?: Record<string, unknown>;
  },
): Promise<SettledReport> {
  const temporal = await stack.temporalClient();
  const db = await stack.db();
  const expected = expectedCases(scenario.documents, scenario.openCases);
  const stillRunning = await waitForRunning(db, temporal, casePatterns(scenario.tag), expected.open);
  const [{ resolved }] = await db.query(
    `SELECT count(*)::int AS resolved FROM rm_documents WHERE status = 'RESOLVED' AND id LIKE $1`,
    [casePatterns(scenario.tag)[0]],
  );
  const report = await checkInvariants(db, temporal, client.ledger, stack.log);
  recordScenario({
    scenario: scenario.name,
    faultsInjected: stack.log.faults.length,
    seconds: (Date.now() - scenario.started) / 1000,
    documents: scenario.documents,
    casesOpen: stillRunning,
    ...report,
    retried: client.ledger.retried,
    alreadyRecordedOnRetry: client.ledger.alreadyRecordedOnRetry,
    ...scenario.extra,
  });
  return { ...report, stillRunning, resolved, expected };
}

/**
 * The settled scenario's shape: every resolved document's workflow closed, every open case's
 * running, at least a third of the cases open, and invariant 4 having inspected each of them.
 */
export function expectSettled(report: SettledReport): void {
  expect({ stillRunning: report.stillRunning, resolved: report.resolved }).toEqual({
    stillRunning: report.expected.open,
    resolved: report.expected.resolved,
  });
  expect(report.expected.open * 3).toBeGreaterThanOrEqual(report.expected.cases);
  expect(report.runningWorkflowsChecked).toBeGreaterThanOrEqual(report.expected.open);
}
