import { Worker } from '@temporalio/worker';
import { DOCUMENTS_TASK_QUEUE, TIMER_PROBE_WORKFLOW_TYPE } from '@seguimiento/contracts';
import { OPLES, localDateOf } from '@seguimiento/domain';
import { MIGRATIONS } from '@seguimiento/persistence';
import { repoRoot } from '@seguimiento/runtime';
import { withWorkspaceAliases, workflowsPath } from '../../apps/worker/src/workflow-bundling';
import type { TimerProbeResult } from '../../workflows/src/timer-probe.workflow';
import { quietTemporalLogs } from '../support/quiet-logs';
import {
  type DatabaseSnapshot,
  plainConnection,
  snapshotDatabase,
  snapshotDifferences,
} from './support/database-snapshot';
import { casePatterns, expectedCases, openCasesFor, operator } from './support/fault-scenario';
import { FaultStack } from './support/fault-stack';
import { checkInvariants } from './support/invariants';
import {
  type Step,
  documentLife,
  lifeLength,
  playLives,
  playOpenCases,
  progressLine,
  runDay,
} from './support/lifecycles';
import type { OficioClient } from './support/oficio-client';
import { type BuiltRelease, buildRelease, releaseToUpgradeFrom } from './support/release-build';
import {
  type Queryable,
  caseStatuses,
  recordScenario,
  size,
  sleep,
  timersFiredIn,
  waitForQuiet,
  waitForRunning,
  waitForTimersSet,
} from './support/scenario';

/**
 * The upgrade drill (issue 20): the previous release (infra/releases.json) records a history with
 * open cases on a fresh PostgreSQL and a Temporal dev server with its state in a file; it is
 * stopped, and the current code's worker and gateway start on the same data. The migrations the
 * release lacked apply (and only they), every row the release wrote is still there, every workflow
 * history it recorded replays with the current workflow code without nondeterminism, its open
 * cases take their next oficio, a durable timer it set fires once after the upgrade, a deadline of
 * its cases found overdue after the upgrade escalates once, and the standard invariants hold.
 */
const TAG = 'UP';
/** Documents whose proyecto came 60 days ago: INE's review long overdue (the release escalates it). */
const LATE = 2;
const say = (line: string) => process.stderr.write(`  upgrade drill: ${line}\n`);

describe('upgrade drill: the previous release’s data and workflows, taken over by the current code', () => {
  const documents = size('RELIABILITY_UPGRADE_DOCUMENTS', 36);
  let release: BuiltRelease;
  let stack: FaultStack | null = null;

  beforeAll(async () => {
    quietTemporalLogs();
    const repo = repoRoot();
    release = buildRelease(repo, releaseToUpgradeFrom(repo));
    say(`starting release ${release.version}’s worker and gateway on a fresh PostgreSQL and Temporal…`);
    stack = await FaultStack.start({ appRoot: release.root });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('applies the new migrations, keeps every row, replays every history, and the open cases go on', async () => {
    const started = Date.now();
    const s = stack!;
    const client = operator(s);
    const temporal = await s.temporalClient();
    // Until the current code runs, the test reads the database without migrating it.
    const plain = await plainConnection(s.databaseUrl);
    try {
      // 1. The release records a history: resolved documents, documents waiting on the OPLE and on
      // INE, requests and expected deliverables, and late documents it escalates.
      say(`recording a history through release ${release.version}’s gateway…`);
      await Promise.all([
        playLives(client, TAG, documents, { from: 0, to: 3 }, 4, progressLine(`${TAG.toLowerCase()} (release)`)),
        playOpenCases(client, TAG, openCasesFor(documents)),
        playSteps(client, lateSteps(0)),
      ]);
      const openBefore = expectedCases(documents).open + LATE;
      expect(await waitForRunning(plain, temporal, casePatterns(TAG), openBefore)).toBe(openBefore);
      await waitForQuiet(plain, temporal, casePatterns(TAG), 'workflows of the release');
      await waitForProjector(plain);
      const lateIds = Array.from({ length: LATE }, (_, k) => lateDocumentId(k));
      const escalatedByRelease = await escalationsOf(plain, lateIds);
      expect(escalatedByRelease.map((e) => e.streamId).sort()).toEqual(lateIds.sort());

      // Durable timers the release sets, due once it is stopped: the current worker fires them.
      const now = Date.now();
      const probeIds = await Promise.all(
        [25_000, 26_000, 27_000].map(
          async (ms, i) =>
            (
              await temporal.workflow.start(TIMER_PROBE_WORKFLOW_TYPE, {
                workflowId: `${TAG.toLowerCase()}-probe-${now}-${i}`,
                taskQueue: DOCUMENTS_TASK_QUEUE,
                args: [{ fireAt: new Date(now + ms).toISOString() }],
              })
            ).workflowId,
        ),
      );
      await waitForTimersSet(temporal, probeIds);

      // 2. The release stops. What it leaves: every table, and every workflow's history.
      say(`stopping release ${release.version}…`);
      await s.stopApps();
      const releaseStoppedAt = Date.now();
      if (releaseStoppedAt >= now + 25_000)
        throw new Error('the release took longer to stop than the probes’ timers: they fired under it, not after');
      const before = await snapshotDatabase(plain);
      const migrationsBefore = migrationRows(before);
      const [{ lastPosition }] = await plain.query<Array<{ lastPosition: string }>>(
        'SELECT max(position)::text AS "lastPosition" FROM events',
      );
      const workflowIds = [
        ...[...(await caseStatuses(plain, temporal, 'document:%', 'request:%')).keys()],
        ...probeIds,
      ];
      const histories = await Promise.all(
        workflowIds.map(async (workflowId) => ({
          workflowId,
          history: await temporal.workflow.getHandle(workflowId).fetchHistory(),
        })),
      );

      // 3. The current code starts on the same PostgreSQL and Temporal.
      say('starting the current worker and gateway on the same data…');
      await s.switchApps(repoRoot());
      const after = await snapshotDatabase(plain, before);
      const migrationsAfter = migrationRows(await snapshotDatabase(plain, { migrations: before.migrations }));

      // The migrations the release lacked applied, after its own, which are untouched.
      const current = MIGRATIONS.map((m) => new m().name);
      const known = new Set(migrationsBefore.map((m) => m.name));
      expect(migrationsBefore.length).toBeGreaterThan(0);
      expect(migrationsAfter.slice(0, migrationsBefore.length)).toEqual(migrationsBefore);
      expect(migrationsAfter.slice(migrationsBefore.length).map((m) => m.name)).toEqual(
        current.filter((name) => !known.has(name)),
      );
      expect(migrationsAfter.map((m) => m.name)).toEqual(current);
      // Every row the release wrote, in every table (events, read models, outbox, users…), as it was.
      expect(snapshotDifferences(before, after, ['migrations'])).toEqual([]);
      expect(before.events.rows.length).toBeGreaterThan(0);

      // Every history the release recorded replays with the current workflow code.
      say(`replaying the release’s ${histories.length} workflow histories with the current workflow code…`);
      const replayed: Array<{ workflowId: string; error?: string }> = [];
      for await (const result of Worker.runReplayHistories(
        { workflowsPath: workflowsPath(), bundlerOptions: { webpackConfigHook: withWorkspaceAliases } },
        histories,
      ))
        replayed.push({ workflowId: result.workflowId, error: result.error?.message });
      expect(replayed.filter((r) => r.error)).toEqual([]);
      expect(replayed.map((r) => r.workflowId).sort()).toEqual(workflowIds.sort());

      // 4. The open cases take their next oficio: the OPLE answers the observed documents, INE
      // resolves the documents it was reviewing, INE observes the late documents (dated 20 days
      // ago: the OPLE's deadline is long past, and its highest rung fires once, under the current code).
      say('recording the next oficio of the release’s open cases…');
      const observed = indices(documents, (i) => lifeLength(i) === 2);
      const reviewed = indices(documents, (i) => lifeLength(i) === 3);
      expect(observed.length).toBeGreaterThan(0);
      expect(reviewed.length).toBeGreaterThan(0);
      await playSteps(client, [
        ...observed.map((i) => documentLife(TAG, i, undefined, 3)[2]),
        ...reviewed.map((i) => documentLife(TAG, i, undefined, 4)[3]),
        ...lateSteps(1),
      ]);
      const openAfter = openBefore - reviewed.length;
      expect(await waitForRunning(plain, temporal, casePatterns(TAG), openAfter)).toBe(openAfter);
      await waitForQuiet(plain, temporal, casePatterns(TAG), 'workflows after the upgrade');
      const escalatedAfter = (await escalationsOf(plain, lateIds)).filter(
        (e) => BigInt(e.position) > BigInt(lastPosition),
      );
      expect(escalatedAfter.map((e) => `${e.streamId} ${e.party} ${e.step}`).sort()).toEqual(
        lateIds.map((id) => `${id} OPLE LEVEL_3`).sort(),
      );

      // The release's timers, due after it stopped, fired once each, under the current code.
      const probes: TimerProbeResult[] = await Promise.all(
        probeIds.map((id) => temporal.workflow.getHandle(id).result()),
      );
      expect(probes.filter((p) => Date.parse(p.firedAt) < releaseStoppedAt)).toEqual([]);
      expect(await Promise.all(probeIds.map((id) => timersFiredIn(temporal, id)))).toEqual(probeIds.map(() => 1));

      // 5. The standard invariants, over everything both versions recorded.
      const report = await checkInvariants(await s.db(), temporal, client.ledger, s.log);
      recordScenario({
        scenario: `upgrade from release ${release.version} (${release.commit.slice(0, 7)}) to the current code`,
        faultsInjected: 0,
        seconds: (Date.now() - started) / 1000,
        documents,
        casesOpenAtUpgrade: openBefore,
        migrationsApplied: migrationsAfter.length - migrationsBefore.length,
        historiesReplayed: replayed.length,
        rowsKept: Object.values(before).reduce((n, t) => n + t.rows.length, 0),
        timersFiredAfterUpgrade: probes.length,
        releaseDependencies: release.dependencies,
        releaseBuildReused: release.reused,
        ...report,
      });
      expect(report.violations).toEqual([]);
      expect(report.losses).toBe(0);
      expect(report.duplicates).toBe(0);
      expect(report.runningWorkflowsChecked).toBeGreaterThanOrEqual(openAfter);
      expect(report.oficiosChecked).toBe(client.ledger.accepted.size);
    } finally {
      await plain.close();
    }
  });
});

/** The late document `k`'s first oficio (step 0: the proyecto, 60 days ago) or second (step 1: INE's observations, 20 days ago). */
function lateSteps(step: 0 | 1): Step[] {
  const today = localDateOf(new Date());
  const year = today.slice(0, 4);
  return Array.from({ length: LATE }, (_, k) => {
    const ople = OPLES[k].id;
    const opleOficio = `IEPC/${ople}/${TAG}L/${k + 1}/${year}`;
    const steps: Step[] = [
      {
        door: 'OPLE',
        input: {
          ople,
          oficioNumber: opleOficio,
          date: runDay(-60, today),
          deliverable: 6,
          versionKind: 'PROYECTO',
          documentKey: `${TAG.toLowerCase()}-late-${k}`,
        },
        expect: 'UNDER_REVIEW',
      },
      {
        door: 'INE',
        input: {
          ople,
          kind: 'REVIEW',
          oficioNumber: `INE/UTSI/${TAG}L/${k + 1}/${year}`,
          date: runDay(-20, today),
          outcome: 'OBSERVATIONS',
          references: [opleOficio],
          observations: [{ text: 'Actualizar el plan de continuidad.' }],
        },
        expect: 'OBSERVED',
      },
    ];
    return steps[step];
  });
}

const lateDocumentId = (k: number) => `document:${OPLES[k].id}:${TAG.toLowerCase()}-late-${k}`;

/** Records each step in turn and checks the status it leaves. */
async function playSteps(client: OficioClient, steps: Step[]): Promise<void> {
  for (const step of steps) {
    const answer = await client.record(step.door, step.input);
    const status = answer.document?.status ?? answer.request?.status;
    if (status !== step.expect)
      throw new Error(`${String(step.input.oficioNumber)}: ${status ?? '—'}, expected ${step.expect}`);
  }
}

const indices = (count: number, keep: (i: number) => boolean) =>
  Array.from({ length: count }, (_, i) => i).filter(keep);

async function escalationsOf(
  db: Queryable,
  streamIds: string[],
): Promise<Array<{ streamId: string; position: string; step: string; party: string }>> {
  return db.query(
    `SELECT stream_id AS "streamId", position::text AS position, data->>'step' AS step, data->'deadline'->>'party' AS party
       FROM events WHERE type = 'EscalationRaised' AND stream_id = ANY($1) ORDER BY position`,
    [streamIds],
  );
}

/** Waits until the release's projector has written every event into the read models. */
async function waitForProjector(db: Queryable, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [{ behind }] = await db.query<Array<{ behind: number }>>(
      `SELECT (SELECT coalesce(max(position), 0) FROM events) - coalesce(max(position), 0) AS behind FROM projection_checkpoints WHERE name = 'read-models'`,
    );
    if (Number(behind) === 0) return;
    if (Date.now() > deadline)
      throw new Error(`the release's projector is ${behind} events behind after ${timeoutMs} ms`);
    await sleep(200);
  }
}

/** The migrations table's rows, in the order they were applied. */
function migrationRows(snapshot: DatabaseSnapshot): Array<{ id: number; timestamp: string; name: string }> {
  const { columns, rows } = snapshot.migrations;
  return rows
    .map((r) => {
      const values = JSON.parse(r) as unknown[];
      const field = (c: string) => values[columns.indexOf(c)];
      return { id: Number(field('id')), timestamp: String(field('timestamp')), name: String(field('name')) };
    })
    .sort((a, b) => a.id - b.id);
}
