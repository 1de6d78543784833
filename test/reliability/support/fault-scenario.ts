import type { FaultStack } from './fault-stack';
import { type InvariantReport, checkInvariants } from './invariants';
import { playLives, progressLine } from './lifecycles';
import { OficioClient } from './oficio-client';
import { allClosed, milestone, recordScenario } from './scenario';

export interface LoadPlan {
  /** Oficio numbers and document keys of this scenario start with it. */
  tag: string;
  documents: number;
  concurrency: number;
  /** Which steps of each document's life to play (default: the whole life, 0…3). */
  steps?: { from: number; to: number };
}

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
  const load = playLives(
    client,
    plan.tag,
    plan.documents,
    plan.steps ?? { from: 0, to: 3 },
    plan.concurrency,
    third.onProgress,
  );
  await Promise.race([third.reached, load]);
  await stack.log.fault(fault, inject);
  await load;
}

/** A client of the stack's gateways with the administrator's token, its errors in the fault log. */
export const operator = (stack: FaultStack) => new OficioClient(stack.graphqlUrls, stack.adminToken, stack.log);

/**
 * After the load: every document of the scenario resolved and its workflow closed, then the
 * invariants; records the scenario's figures (with `extra`) and returns the report.
 */
export async function settleAndCheck(
  stack: FaultStack,
  client: OficioClient,
  scenario: { name: string; tag: string; documents: number; started: number; extra?: Record<string, unknown> },
): Promise<InvariantReport & { stillRunning: number; resolved: number }> {
  const temporal = await stack.temporalClient();
  const db = await stack.db();
  const ours = `document:%:${scenario.tag.toLowerCase()}-%`;
  const stillRunning = await allClosed(db, temporal, ours);
  const [{ resolved }] = await db.query(
    `SELECT count(*)::int AS resolved FROM rm_documents WHERE status = 'RESOLVED' AND id LIKE $1`,
    [ours],
  );
  const report = await checkInvariants(db, temporal, client.ledger, stack.log);
  recordScenario({
    scenario: scenario.name,
    faultsInjected: stack.log.faults.length,
    seconds: (Date.now() - scenario.started) / 1000,
    documents: scenario.documents,
    ...report,
    retried: client.ledger.retried,
    alreadyRecordedOnRetry: client.ledger.alreadyRecordedOnRetry,
    ...scenario.extra,
  });
  return { ...report, stillRunning, resolved };
}
