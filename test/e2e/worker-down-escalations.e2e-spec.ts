import { randomUUID } from 'node:crypto';
import { WithStartWorkflowOperation } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import type { NativeConnection, Worker } from '@temporalio/worker';
import type { DataSource } from 'typeorm';
import {
  DOCUMENT_WORKFLOW_TYPE,
  type EscalationNotice,
  documentStateQuery,
  recordIneAnswerUpdate,
  submitDocumentUpdate,
} from '@seguimiento/contracts';
import { localDateOf } from '@seguimiento/domain';
import { ensureTemporalTestServer } from '@seguimiento/infra/temporal-test-server';
import { openDatabase } from '@seguimiento/persistence';
import { createWorker } from '../../apps/worker/src/worker';
import { quietTemporalLogs } from '../support/quiet-logs';
import { startTestPostgres } from '../support/test-postgres';
import { waitFor } from '../support/wait-for';

/**
 * Issue 20: the worker is down while the escalation timers of open documents fall due (days
 * pass on Temporal's time-skipping server with no worker polling); once it is back, each fires,
 * once — and none fired while it was down.
 */
describe('escalation timers that fall due while the worker is down (time skipping)', () => {
  let env: TestWorkflowEnvironment;
  let pg: { url: string; stop(): Promise<void> };
  let db: DataSource;
  const notices: EscalationNotice[] = [];
  const taskQueue = `documents-${randomUUID()}`;
  let current: { worker: Worker; running: Promise<void> } | null = null;

  async function startWorker(): Promise<void> {
    const { worker } = await createWorker({
      connection: env.nativeConnection as NativeConnection,
      namespace: env.namespace ?? 'default',
      dataSource: db,
      notifier: { notify: async (n) => void notices.push(n) },
      taskQueue,
      // No sticky cache: the Java test server does not hand a stopped worker's sticky tasks back.
      options: { maxCachedWorkflows: 0 },
    });
    current = { worker, running: worker.run() };
  }
  async function stopWorker(): Promise<void> {
    if (!current) return;
    current.worker.shutdown();
    await current.running;
    current = null;
  }

  beforeAll(async () => {
    quietTemporalLogs();
    const [server, postgres] = await Promise.all([ensureTemporalTestServer(), startTestPostgres()]);
    pg = postgres;
    env = await TestWorkflowEnvironment.createTimeSkipping({
      server: { executable: { type: 'existing-path', path: server } },
    });
    db = await openDatabase(pg.url);
    await startWorker();
  });
  afterAll(async () => {
    await stopWorker();
    await env?.teardown();
    await db?.destroy();
    await pg?.stop();
  });

  const escalationsOf = async (ids: string[]): Promise<Array<{ stream_id: string; step: string }>> =>
    db.query(
      `SELECT stream_id, data->>'step' AS step FROM events WHERE type = 'EscalationRaised' AND stream_id = ANY($1) ORDER BY position`,
      [ids],
    );

  it('fires each step that fell due during the outage once the worker is back, and only once', async () => {
    const day0 = localDateOf(new Date(await env.currentTimeMs()));
    const ids = [1, 2, 3].map((n) => `document:GRO:caida-${n}`);
    // Three documents observed today: the OPLE has 5 days; the reminder falls due 2 days before.
    for (const [n, id] of ids.entries()) {
      const op = new WithStartWorkflowOperation(DOCUMENT_WORKFLOW_TYPE, {
        workflowId: id,
        taskQueue,
        args: [{ documentId: id, ople: 'GRO' }],
        workflowIdConflictPolicy: 'FAIL',
      });
      await env.client.workflow.executeUpdateWithStart(submitDocumentUpdate, {
        args: [
          {
            documentId: id,
            ople: 'GRO',
            deliverable: 14,
            versionKind: 'PROYECTO',
            oficioNumber: `IEPC/GRO/SE/09${n}0/2024`,
            submittedOn: day0,
          },
        ],
        startWorkflowOperation: op,
      });
      const observed = await env.client.workflow.getHandle(id).executeUpdate(recordIneAnswerUpdate, {
        args: [
          {
            oficioNumber: `INE/UTSI/09${n}1/2024`,
            date: day0,
            outcome: 'OBSERVATIONS',
            additionalObservations: false,
            references: [],
          },
        ],
      });
      expect(observed.state).toMatchObject({ status: 'OBSERVED', ballInCourt: 'OPLE' });
    }
    await env.sleep('1 day'); // nothing due yet
    expect(await escalationsOf(ids)).toEqual([]);

    // The worker goes down; three days pass: the reminders' timers fire while nobody polls. (The
    // test server stops skipping time once a fired timer's workflow task waits for a worker, so
    // the sleep ends only after the worker is back.)
    const timersFired = async (id: string) =>
      ((await env.client.workflow.getHandle(id).fetchHistory()).events ?? []).filter((e) => e.timerFiredEventAttributes)
        .length;
    const before = await Promise.all(ids.map(timersFired));
    await stopWorker();
    const threeDays = env.sleep('3 days');
    const firedSince = async () => (await Promise.all(ids.map(timersFired))).filter((n, i) => n > before[i]).length;
    await waitFor(async () => (await firedSince()) > 0, 60_000);
    expect(await firedSince()).toBeGreaterThan(0);
    expect(await escalationsOf(ids)).toEqual([]);
    expect(notices).toEqual([]);

    await startWorker();
    await threeDays;
    await waitFor(async () => (await escalationsOf(ids)).length >= ids.length, 60_000);
    // Past the end of the 5th day (OVERDUE) with the worker up: the reminders do not fire again.
    await env.sleep('2 days');
    await waitFor(async () => (await escalationsOf(ids)).length >= 2 * ids.length, 60_000);

    const fired = await escalationsOf(ids);
    for (const id of ids) {
      expect(fired.filter((e) => e.stream_id === id).map((e) => e.step)).toEqual(['REMINDER', 'OVERDUE']);
      expect(
        (await env.client.workflow.getHandle(id).query(documentStateQuery)).state.escalations.map((e) => e.step),
      ).toEqual(['REMINDER', 'OVERDUE']);
    }
    expect(notices.map((n) => `${n.streamId}:${n.step}`).sort()).toEqual(
      ids.flatMap((id) => [`${id}:OVERDUE`, `${id}:REMINDER`]).sort(),
    );
  });
});
