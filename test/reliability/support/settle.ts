import type { FaultStack } from './fault-stack';
import { type InvariantReport, checkInvariants } from './invariants';
import { lifeLength, openCasesOf, resolvedOf } from './lifecycles';
import { OficioClient } from './oficio-client';
import { recordScenario, waitForRunning } from './scenario';

/*
 * The end of every scenario — settle, then the invariants — without Jest, so that the soak
 * command (infra/src/soak, compiled into dist/) runs the very same checks as the specs.
 */

/** How many requests and reminders (openCaseSteps) a scenario of `documents` records beside its load. */
export const openCasesFor = (documents: number) => Math.max(2, Math.ceil(documents / 20));

/** The stream ids of a scenario's cases: its documents, its expected deliverables and its requests. */
export const casePatterns = (tag: string) => [
  `document:%:${tag.toLowerCase()}-%`,
  `request:%:ine-utsi-${tag.toLowerCase()}q-%`,
];

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
 * The settled shape as violations, in words (for the soak command, which has no Jest): the same
 * rules expectSettled asserts.
 */
export function settledViolations(report: SettledReport): string[] {
  const violations: string[] = [];
  if (report.stillRunning !== report.expected.open)
    violations.push(`${report.stillRunning} open cases have a running workflow, expected ${report.expected.open}`);
  if (report.resolved !== report.expected.resolved)
    violations.push(`${report.resolved} documents are resolved, expected ${report.expected.resolved}`);
  if (report.runningWorkflowsChecked < report.expected.open)
    violations.push(
      `only ${report.runningWorkflowsChecked} running workflows inspected, expected at least ${report.expected.open}`,
    );
  return violations;
}
