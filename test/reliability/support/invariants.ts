import type { Client } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import { documentStateQuery, requestStateQuery } from '@seguimiento/contracts';
import { rebuildReadModels, waitForPosition } from '@seguimiento/persistence';
import { dumpReadModels } from '../../support/read-model-dump';
import type { FaultLog } from './fault-log';
import type { Ledger } from './oficio-client';
import { type CaseSeen, type Recording, exactlyOnce, nothingStuck } from './invariant-rules';
import { caseStatuses } from './scenario';

/** The events that record an oficio; each accepted oficio must be in exactly one of them per kind (invariant-rules.ts). */
const RECORDING_EVENTS = [
  'DocumentSubmitted',
  'IneAnswerRecorded',
  'RequestOpened',
  'RequestFulfilled',
  'IneNoticeRecorded',
];

export interface InvariantReport {
  /** Every rule broken, in words; empty when the system kept them all. */
  violations: string[];
  oficiosChecked: number;
  losses: number;
  duplicates: number;
  events: number;
  streams: number;
  runningWorkflowsChecked: number;
  escalations: number;
  escalationsFiredTwice: number;
  /** Errors the fault windows explain (what the injected faults caused). */
  errorsFromFaults: number;
}

/**
 * The rules that hold after any fault, once the system has recovered:
 * 1. every oficio the API accepted is recorded in the event store exactly once;
 * 2. every stream's versions are 1…n with no gap;
 * 3. the read models equal a rebuild from the log, row for row;
 * 4. no workflow is stuck: each running one answers its state query, waits on a known party (INE or
 *    the OPLE), has no workflow task or activity failing over and over, and its state is the
 *    stream's; each open case in the read models has its running workflow;
 * 5. no escalation fired twice;
 * 6. no error in any process or client that a fault window does not explain.
 */
export async function checkInvariants(
  db: DataSource,
  temporal: Client,
  ledger: Ledger,
  log: FaultLog,
): Promise<InvariantReport> {
  const violations: string[] = [];

  // 1. Exactly once: every accepted oficio is in the store, once (in one stream, by one event).
  const accepted = [...ledger.accepted.keys()];
  const recordings: Recording[] = await db.query(
    `SELECT stream_id AS "streamId", type, data->>'oficioNumber' AS "oficioNumber" FROM events WHERE type = ANY($1) AND data->>'oficioNumber' IS NOT NULL`,
    [RECORDING_EVENTS],
  );
  // A reminder's oficio is recorded as the source of the deliverables it expects (one per item, so
  // in several streams by design): it counts as present, not as a recording.
  const expectedBy: Array<{ n: string }> = await db.query(
    `SELECT DISTINCT data->>'sourceOficio' AS n FROM events WHERE type = 'DocumentOpened' AND data->>'sourceOficio' = ANY($1)`,
    [accepted],
  );
  const once = exactlyOnce(
    accepted,
    recordings,
    expectedBy.map((r) => r.n),
  );
  violations.push(...once.violations);

  // 2. Contiguous streams (versions are unique per stream, so count = max means 1…n).
  const gaps: Array<{ stream_id: string; c: number; m: number }> = await db.query(
    'SELECT stream_id, count(*)::int AS c, max(stream_version) AS m FROM events GROUP BY stream_id HAVING count(*) <> max(stream_version) OR min(stream_version) <> 1',
  );
  if (gaps.length)
    violations.push(
      `${gaps.length} streams have gaps: ${gaps
        .slice(0, 5)
        .map((g) => `${g.stream_id} (${g.c} events, last version ${g.m})`)
        .join(', ')}`,
    );
  const [{ events, streams }] = await db.query(
    'SELECT count(*)::int AS events, count(DISTINCT stream_id)::int AS streams FROM events',
  );

  // 5. No escalation twice.
  const [{ escalations }] = await db.query(
    `SELECT count(*)::int AS escalations FROM events WHERE type = 'EscalationRaised'`,
  );
  const twice: Array<{ stream_id: string; k: string; c: number }> = await db.query(
    `SELECT stream_id, data->>'key' AS k, count(*)::int AS c FROM events WHERE type = 'EscalationRaised' GROUP BY 1, 2 HAVING count(*) > 1`,
  );
  if (twice.length)
    violations.push(
      `${twice.length} escalations fired more than once: ${twice
        .slice(0, 5)
        .map((t) => `${t.stream_id} ${t.k} ×${t.c}`)
        .join(', ')}`,
    );

  // 4. Nothing stuck (before the rebuild, which holds the projector back for a moment).
  const running = await checkRunningWorkflows(db, temporal, violations);

  // 3. Read models = rebuild, once the projector has caught up with the whole log.
  const [{ last }] = await db.query('SELECT coalesce(max(position), 0)::text AS last FROM events');
  if (!(await waitForPosition(db, last, 60_000)))
    violations.push(`the projector did not reach position ${last} within 60 s`);
  const incremental = await dumpReadModels(db);
  await rebuildReadModels(db);
  const rebuilt = await dumpReadModels(db);
  for (const table of Object.keys(rebuilt)) {
    const a = new Set(incremental[table]);
    const b = new Set(rebuilt[table]);
    const onlyLive = [...a].filter((r) => !b.has(r));
    const onlyRebuilt = [...b].filter((r) => !a.has(r));
    if (onlyLive.length || onlyRebuilt.length) {
      violations.push(
        `${table} differs from its rebuild: ${onlyLive.length} rows only in the live model (e.g. ${onlyLive[0]?.slice(0, 200)}), ${onlyRebuilt.length} only in the rebuild (e.g. ${onlyRebuilt[0]?.slice(0, 200)})`,
      );
    }
  }

  // 6. Errors only where a fault explains them.
  const unexplained = log.unexplained();
  if (unexplained.length)
    violations.push(
      `${unexplained.length} errors outside any injected fault:\n    ${unexplained.slice(0, 10).join('\n    ')}`,
    );

  return {
    violations,
    oficiosChecked: accepted.length,
    losses: once.lost.length,
    duplicates: once.duplicates,
    events,
    streams,
    runningWorkflowsChecked: running,
    escalations,
    escalationsFiredTwice: twice.length,
    errorsFromFaults: log.explainedCount(),
  };
}

async function checkRunningWorkflows(db: DataSource, temporal: Client, violations: string[]): Promise<number> {
  // Every case stream has its workflow (same id): documents and requests.
  const statuses = await caseStatuses(db, temporal, 'document:%', 'request:%');
  const versions = new Map<string, number>(
    (await db.query('SELECT stream_id, max(stream_version)::int AS v FROM events GROUP BY stream_id')).map(
      (r: { stream_id: string; v: number }) => [r.stream_id, r.v],
    ),
  );
  const cases: CaseSeen[] = [];
  for (const [id, status] of statuses) {
    const seen: CaseSeen = { id, status, streamVersion: versions.get(id) ?? 0 };
    cases.push(seen);
    if (status !== 'RUNNING') continue;
    const handle = temporal.workflow.getHandle(id);
    const { raw } = await handle.describe();
    const task = raw.pendingWorkflowTask;
    seen.workflowTaskAttempt = task ? Number(task.attempt) : undefined;
    seen.activities = (raw.pendingActivities ?? []).map((a) => ({
      type: a.activityType?.name ?? '?',
      attempt: Number(a.attempt),
      lastFailure: a.lastFailure?.message ?? undefined,
    }));
    try {
      const view = id.startsWith('request:')
        ? await handle.query(requestStateQuery)
        : await handle.query(documentStateQuery);
      const state = view.state as { version: number; ballInCourt?: string; deadline?: { party?: string } | null };
      seen.state = { version: state.version, waitsOn: state.ballInCourt ?? state.deadline?.party };
    } catch (error) {
      seen.state = { error: (error as Error).message };
    }
  }
  // Each open case of the read models has its workflow running.
  const open: Array<{ id: string }> = await db.query(
    `SELECT id FROM rm_documents WHERE status NOT IN ('RESOLVED', 'WITHDRAWN')`,
  );
  violations.push(
    ...nothingStuck(
      cases,
      open.map((d) => d.id),
    ),
  );
  return cases.filter((c) => c.status === 'RUNNING').length;
}
