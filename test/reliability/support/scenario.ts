import { appendFileSync } from 'node:fs';
import type { Client } from '@temporalio/client';
import type { InvariantReport } from './invariants';

/** A size from the environment (to shrink a scenario while working on it), or its default. */
export function size(variable: string, fallback: number): number {
  const raw = process.env[variable];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${variable}: "${raw}" must be a whole number of at least 1`);
  return n;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Progress that also resolves `reached` once `fraction` of the work is done. */
export function milestone(fraction: number, report: (done: number, total: number) => void) {
  let resolve: () => void = () => undefined;
  const reached = new Promise<void>((r) => (resolve = r));
  return {
    reached,
    onProgress: (done: number, total: number) => {
      report(done, total);
      if (done >= total * fraction) resolve();
    },
  };
}

/** Waits until no workflow of these types is running (closed cases complete their workflow). */
export async function allClosed(temporal: Client, types: string[], timeoutMs = 120_000): Promise<number> {
  const query = `ExecutionStatus = "Running" AND WorkflowType IN (${types.map((t) => `"${t}"`).join(', ')})`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { count } = await temporal.workflow.count(query);
    if (count === 0 || Date.now() > deadline) return count;
    await sleep(1000);
  }
}

export interface ScenarioFigures extends InvariantReport {
  scenario: string;
  faultsInjected: number;
  seconds: number;
  [extra: string]: unknown;
}

/**
 * Prints the scenario's figures and, when RELIABILITY_REPORT names a file (npm run
 * test:reliability sets it), appends them as one JSON line for the run's summary table.
 */
export function recordScenario(figures: ScenarioFigures): void {
  const { violations, ...rest } = figures;
  process.stderr.write(`  ${figures.scenario}: ${JSON.stringify({ ...rest, violations: violations.length })}\n`);
  if (process.env.RELIABILITY_REPORT) appendFileSync(process.env.RELIABILITY_REPORT, `${JSON.stringify(figures)}\n`);
}
