import type { FaultStack } from './fault-stack';
import { playLives, playOpenCases, progressLine } from './lifecycles';
import type { OficioClient } from './oficio-client';
import { milestone } from './scenario';
import { type SettledReport, openCasesFor } from './settle';

export {
  type SettledReport,
  casePatterns,
  expectedCases,
  openCasesFor,
  operator,
  settleAndCheck,
  settledViolations,
} from './settle';

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
