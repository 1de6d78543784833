import { randomUUID } from 'node:crypto';
import { WithStartWorkflowOperation, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import type { NativeConnection, Worker } from '@temporalio/worker';
import type { DataSource } from 'typeorm';
import {
  DOCUMENT_WORKFLOW_TYPE,
  type DocumentUpdateResult,
  REQUEST_WORKFLOW_TYPE,
  type EscalationNotice,
  documentStateQuery,
  expectDocumentUpdate,
  extendDeadlineUpdate,
  fulfillRequestUpdate,
  openRequestUpdate,
  recordIneAnswerUpdate,
  requestStateQuery,
  requestWorkflowId,
  submitDocumentUpdate,
} from '@seguimiento/contracts';
import { DEFAULT_POLICY, addCountedDays, localDateOf } from '@seguimiento/domain';
import { ensureTemporalTestServer } from '@seguimiento/infra/temporal-test-server';
import { EventStore, openDatabase } from '@seguimiento/persistence';
import { createWorker } from '../../apps/worker/src/worker';
import { quietTemporalLogs } from '../support/quiet-logs';
import { startTestPostgres } from '../support/test-postgres';
import { waitFor } from '../support/wait-for';

/**
 * The document workflow on Temporal's time-skipping test server (weeks pass in seconds) with a
 * real PostgreSQL event store: the escalation ladder, re-planning on answers and extensions, and
 * a worker restarted in the middle of a round.
 */
describe('document and request workflows (time skipping)', () => {
  let env: TestWorkflowEnvironment;
  let pg: { url: string; stop(): Promise<void> };
  let db: DataSource;
  const notices: EscalationNotice[] = [];
  const taskQueue = `documents-${randomUUID()}`;
  let current: { worker: Worker; running: Promise<void> } | null = null;

  async function startWorker(eventStore?: EventStore): Promise<void> {
    const { worker } = await createWorker({
      connection: env.nativeConnection as NativeConnection,
      namespace: env.namespace ?? 'default',
      dataSource: db,
      eventStore,
      notifier: { notify: async (n) => void notices.push(n) },
      taskQueue,
      // No sticky cache: the Java test server does not hand a stopped worker's sticky tasks back
      // to the shared queue, which would stall time skipping after a restart. Every workflow task
      // is then a full replay from history — the strictest way to run the restart scenario.
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

  const today = async () => localDateOf(new Date(await env.currentTimeMs()));
  const handleOf = (documentId: string) => env.client.workflow.getHandle(documentId);
  const eventsOf = (
    documentId: string,
  ): Promise<Array<{ stream_version: number; type: string; data: Record<string, unknown> }>> =>
    db.query('SELECT stream_version, type, data FROM events WHERE stream_id = $1 ORDER BY stream_version', [
      documentId,
    ]);

  function startDocument(
    documentId: string,
    first: (op: WithStartWorkflowOperation<never>) => Promise<DocumentUpdateResult>,
  ) {
    const op = new WithStartWorkflowOperation(DOCUMENT_WORKFLOW_TYPE, {
      workflowId: documentId,
      taskQueue,
      args: [{ documentId, ople: 'GRO' }],
      workflowIdConflictPolicy: 'FAIL',
    }) as WithStartWorkflowOperation<never>;
    return first(op);
  }
  const expectDocument = (documentId: string, deliverable: number, dueDate: string) =>
    startDocument(documentId, (startWorkflowOperation) =>
      env.client.workflow.executeUpdateWithStart(expectDocumentUpdate, {
        args: [
          { documentId, ople: 'GRO', deliverable, versionKind: 'FINAL', dueDate, sourceOficio: 'INE/UTSI/1654/2024' },
        ],
        startWorkflowOperation,
      }),
    );

  it('climbs the whole 30-day escalation ladder of an overdue deliverable, each step once and none early', async () => {
    const id = 'document:GRO:e16-final';
    const dueDate = addCountedDays(await today(), 5, DEFAULT_POLICY);
    await expectDocument(id, 16, dueDate);

    await env.sleep('30 days');

    const view = await handleOf(id).query(documentStateQuery);
    expect(view.overdue).toBe(true);
    expect(view.escalationLevel).toBe(3);
    expect(view.state.escalations.map((e) => e.step)).toEqual(['REMINDER', 'OVERDUE', 'LEVEL_1', 'LEVEL_2', 'LEVEL_3']);
    for (const e of view.state.escalations) {
      const lateness = Date.parse(e.firedAt) - Date.parse(e.dueToFireAt);
      // Never early (how late, on a loaded machine, is a figure of the bench).
      expect(lateness).toBeGreaterThanOrEqual(0);
    }
    expect(view.state.escalations[1].dueToFireAt).toBe(view.state.deadline!.dueAt);
    const mine = notices.filter((n) => n.streamId === id);
    expect(mine.map((n) => n.step)).toEqual(['REMINDER', 'OVERDUE', 'LEVEL_1', 'LEVEL_2', 'LEVEL_3']);
    expect(mine.map((n) => n.recipient)).toEqual([
      'Parte responsable del plazo',
      'Parte responsable del plazo',
      'Área responsable',
      'Secretaría Técnica de la Comisión',
      'Comisión',
    ]);
    // Every step is an event in the store, once, in a contiguous stream.
    const events = await eventsOf(id);
    expect(events.map((e) => e.stream_version)).toEqual(events.map((_, i) => i + 1));
    expect(events.filter((e) => e.type === 'EscalationRaised')).toHaveLength(5);
  });

  it('a submission cancels the delivery ladder and starts INE’s review clock', async () => {
    const id = 'document:GRO:e17-final';
    const start = await today();
    await expectDocument(id, 17, addCountedDays(start, 5, DEFAULT_POLICY));
    await env.sleep('4 days'); // the reminder (2 days before) has gone out
    const submittedOn = await today();
    const result = await handleOf(id).executeUpdate(submitDocumentUpdate, {
      args: [
        {
          documentId: id,
          ople: 'GRO',
          deliverable: 17,
          versionKind: 'FINAL',
          oficioNumber: 'IEPC/GRO/SE/0200/2024',
          submittedOn,
        },
      ],
    });
    expect(result.state.deadline).toMatchObject({
      party: 'INE',
      kind: 'REVIEW',
      dueDate: addCountedDays(submittedOn, 10, DEFAULT_POLICY),
    });
    await env.sleep('5 days'); // past the old delivery date, before INE's
    const view = await handleOf(id).query(documentStateQuery);
    expect(view.state.escalations.map((e) => `${e.deadline.kind}:${e.step}`)).toEqual(['DELIVERY:REMINDER']);
    expect(view.overdue).toBe(false);
  });

  it('a new run lets the latest round speak for the earlier ones: resolved, ended, its patch marked (issue 15, rule 1)', async () => {
    const id = 'document:GRO:e11-proyecto';
    const on = await today();
    const identity = { documentId: id, ople: 'GRO', deliverable: 11, versionKind: 'PROYECTO' as const };
    await startDocument(id, (startWorkflowOperation) =>
      env.client.workflow.executeUpdateWithStart(submitDocumentUpdate, {
        args: [{ ...identity, oficioNumber: 'IEPC/GRO/SE/0088/2024', submittedOn: on }],
        startWorkflowOperation,
      }),
    );
    const answer = (
      oficioNumber: string,
      outcome: 'OBSERVATIONS' | 'PARTIALLY_ADDRESSED' | 'ADDRESSED',
      additionalObservations: boolean,
      references: string[],
    ) =>
      handleOf(id).executeUpdate(recordIneAnswerUpdate, {
        args: [{ oficioNumber, date: on, outcome, additionalObservations, references }],
      });
    const submit = (oficioNumber: string, references: string[]) =>
      handleOf(id).executeUpdate(submitDocumentUpdate, {
        args: [{ ...identity, oficioNumber, submittedOn: on, references }],
      });
    await answer('INE/UTSI/0451/2024', 'OBSERVATIONS', false, []);
    await submit('IEPC/GRO/SE/0120/2024', ['INE/UTSI/0451/2024']);
    await answer('INE/UTSI/1121/2024', 'PARTIALLY_ADDRESSED', true, ['INE/UTSI/0451/2024']);
    await submit('IEPC/GRO/SE/0150/2024', ['INE/UTSI/1121/2024']);
    const resolved = await answer('INE/UTSI/1300/2024', 'ADDRESSED', false, ['INE/UTSI/1121/2024']);
    expect(resolved.state).toMatchObject({ status: 'RESOLVED', resolution: 'ADDRESSED', deadline: null });
    expect((await handleOf(id).result()).status).toBe('RESOLVED');
    const history = await handleOf(id).fetchHistory();
    expect(history.events!.some((e) => e.markerRecordedEventAttributes?.markerName === 'core_patch')).toBe(true);
  });

  it('an extension on a running workflow re-plans its ladder', async () => {
    const id = 'document:GRO:e18-final';
    const start = await today();
    await expectDocument(id, 18, addCountedDays(start, 3, DEFAULT_POLICY));
    const extendedTo = addCountedDays(start, 20, DEFAULT_POLICY);
    await handleOf(id).executeUpdate(extendDeadlineUpdate, {
      args: [{ dueDate: extendedTo, reason: 'Prórroga concedida' }],
    });
    await env.sleep('10 days');
    expect((await handleOf(id).query(documentStateQuery)).state.escalations).toEqual([]);
    await env.sleep('12 days');
    // The last timer may fire within the last hour of the skipped time: its workflow task and the
    // activity that records it can still be running when the sleep returns, so wait for them.
    const stepsOf = async () =>
      (await handleOf(id).query(documentStateQuery)).state.escalations.map((e) => [e.step, e.deadline.dueDate]);
    await waitFor(async () => (await stepsOf()).length >= 3);
    expect(await stepsOf()).toEqual([
      ['REMINDER', extendedTo],
      ['OVERDUE', extendedTo],
      ['LEVEL_1', extendedTo],
    ]);
  });

  it('survives a worker restart in the middle of a round: no step fires twice, the next fires on the new worker', async () => {
    const id = 'document:GRO:e14-proyecto';
    const day0 = await today();
    await startDocument(id, (startWorkflowOperation) =>
      env.client.workflow.executeUpdateWithStart(submitDocumentUpdate, {
        args: [
          {
            documentId: id,
            ople: 'GRO',
            deliverable: 14,
            versionKind: 'PROYECTO',
            oficioNumber: 'IEPC/GRO/SE/0300/2024',
            submittedOn: day0,
          },
        ],
        startWorkflowOperation,
      }),
    );
    const observed = await handleOf(id).executeUpdate(recordIneAnswerUpdate, {
      args: [
        {
          oficioNumber: 'INE/UTSI/0797/2024',
          date: day0,
          outcome: 'OBSERVATIONS',
          additionalObservations: false,
          references: [],
        },
      ],
    });
    expect(observed.state).toMatchObject({ status: 'OBSERVED', ballInCourt: 'OPLE' });

    await env.sleep('4 days'); // the reminder (2 days before the OPLE's 5 days end) fires on the first worker
    expect((await handleOf(id).query(documentStateQuery)).state.escalations.map((e) => e.step)).toEqual(['REMINDER']);

    // A new worker, with nothing cached: it rebuilds the workflow from its history, then waits on its timer.
    await stopWorker();
    await startWorker();
    await env.sleep('2 days'); // past the end of the 5th day, before level 1 (a day later)
    // OVERDUE may fire within the last hours of the skipped time: wait for its task to be recorded.
    await waitFor(async () => (await handleOf(id).query(documentStateQuery)).state.escalations.length >= 2);

    const view = await handleOf(id).query(documentStateQuery);
    expect(view.state.escalations.map((e) => e.step)).toEqual(['REMINDER', 'OVERDUE']);
    const escalationEvents = (await eventsOf(id)).filter((e) => e.type === 'EscalationRaised');
    expect(escalationEvents.map((e) => e.data.step)).toEqual(['REMINDER', 'OVERDUE']);

    // The round goes on on the new worker: the OPLE answers with a new version, INE accepts it.
    await handleOf(id).executeUpdate(submitDocumentUpdate, {
      args: [
        {
          documentId: id,
          ople: 'GRO',
          deliverable: 14,
          versionKind: 'PROYECTO',
          oficioNumber: 'IEPC/GRO/SE/0310/2024',
          submittedOn: await today(),
        },
      ],
    });
    await handleOf(id).executeUpdate(recordIneAnswerUpdate, {
      args: [
        {
          oficioNumber: 'INE/UTSI/1123/2024',
          date: await today(),
          outcome: 'ADDRESSED',
          additionalObservations: false,
          references: ['INE/UTSI/0797/2024'],
        },
      ],
    });
    const final = await handleOf(id).result();
    expect(final).toMatchObject({ status: 'RESOLVED', resolution: 'ADDRESSED', submissions: 2 });
    expect(notices.filter((n) => n.streamId === id).map((n) => n.step)).toEqual(['REMINDER', 'OVERDUE']);
  });

  it('keeps following a case whose first events could only be stored after the empty-case grace (PostgreSQL down)', async () => {
    // An event store that is down until told otherwise: every append fails as if PostgreSQL were stopped.
    class DownStore extends EventStore {
      down = true;
      override async append(...args: Parameters<EventStore['append']>) {
        if (this.down) throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
        return super.append(...args);
      }
    }
    const store = new DownStore(db);
    await stopWorker();
    await startWorker(store);
    const id = 'document:GRO:e9-proyecto';
    const submittedOn = await today();
    const submitted = startDocument(id, (startWorkflowOperation) =>
      env.client.workflow.executeUpdateWithStart(submitDocumentUpdate, {
        args: [
          {
            documentId: id,
            ople: 'GRO',
            deliverable: 9,
            versionKind: 'PROYECTO',
            oficioNumber: 'IEPC/GRO/SE/0400/2024',
            submittedOn,
          },
        ],
        startWorkflowOperation,
      }),
    );
    // The append has failed at least once…
    await waitFor(
      async () =>
        Number(
          (
            await handleOf(id)
              .describe()
              .catch(() => null)
          )?.raw.pendingActivities?.[0]?.attempt ?? 0,
        ) > 1,
      30_000,
    );
    await env.sleep('3 minutes'); // …and goes on failing past the 60 s grace of a case that never opened
    expect(await eventsOf(id)).toEqual([]);
    store.down = false;
    await env.sleep('2 minutes'); // the next retry stores the events
    expect((await submitted).state).toMatchObject({ status: 'UNDER_REVIEW', ballInCourt: 'INE' });
    // The case is open and followed: its workflow still runs, waiting on INE's review.
    expect((await handleOf(id).describe()).status.name).toBe('RUNNING');
    expect((await handleOf(id).query(documentStateQuery)).state.version).toBe((await eventsOf(id)).length);
    await stopWorker();
    await startWorker();
  });

  it('continues as new before the history grows large, carrying the state over', async () => {
    const id = 'document:GRO:e20-final';
    const op = new WithStartWorkflowOperation(DOCUMENT_WORKFLOW_TYPE, {
      workflowId: id,
      taskQueue,
      args: [{ documentId: id, ople: 'GRO', historyLimit: 40 }],
      workflowIdConflictPolicy: 'FAIL',
    });
    const start = await today();
    await env.client.workflow.executeUpdateWithStart(expectDocumentUpdate, {
      args: [
        {
          documentId: id,
          ople: 'GRO',
          deliverable: 20,
          versionKind: 'FINAL',
          dueDate: addCountedDays(start, 30, DEFAULT_POLICY),
        },
      ],
      startWorkflowOperation: op,
    });
    const firstRun = (await handleOf(id).describe()).runId;
    for (let day = 31; day <= 42; day++) {
      await handleOf(id).executeUpdate(extendDeadlineUpdate, {
        args: [{ dueDate: addCountedDays(start, day, DEFAULT_POLICY), reason: `prórroga ${day}` }],
      });
    }
    const description = await handleOf(id).describe();
    expect(description.runId).not.toBe(firstRun);
    const view = await handleOf(id).query(documentStateQuery);
    expect(view.state).toMatchObject({
      status: 'EXPECTED',
      version: 14,
      deadline: { dueDate: addCountedDays(start, 42, DEFAULT_POLICY) },
    });
    const events = await eventsOf(id);
    expect(events.map((e) => e.stream_version)).toEqual(Array.from({ length: 14 }, (_, i) => i + 1));
  });

  it('follows a request "a más tardar" like a document: overdue, escalated, then closed by the OPLE’s answer', async () => {
    const id = requestWorkflowId('GRO', 'INE/UTSI/1221/2024');
    const day0 = await today();
    await env.client.workflow.executeUpdateWithStart(openRequestUpdate, {
      args: [
        {
          ople: 'GRO',
          oficioNumber: 'INE/UTSI/1221/2024',
          date: day0,
          subject: 'Estatus de la contratación del servicio de soporte',
          dueDate: addCountedDays(day0, 3, DEFAULT_POLICY),
        },
      ],
      startWorkflowOperation: new WithStartWorkflowOperation(REQUEST_WORKFLOW_TYPE, {
        workflowId: id,
        taskQueue,
        args: [{ requestId: id, ople: 'GRO' }],
        workflowIdConflictPolicy: 'FAIL',
      }),
    });
    await env.sleep('4 days');
    // OVERDUE fires within the last hours of the skipped time: wait for its task to be recorded.
    await waitFor(async () => (await handleOf(id).query(requestStateQuery)).state.escalations.length >= 2);
    const view = await handleOf(id).query(requestStateQuery);
    expect(view.overdue).toBe(true);
    expect(view.state.escalations.map((e) => e.step)).toEqual(['REMINDER', 'OVERDUE']);
    await handleOf(id).executeUpdate(fulfillRequestUpdate, {
      args: [{ oficioNumber: 'IEPC/GRO/SE/0600/2024', date: await today(), by: 'OPLE' }],
    });
    expect(await handleOf(id).result()).toMatchObject({
      status: 'FULFILLED',
      deadline: null,
      fulfilledBy: { by: 'OPLE' },
    });
    expect(notices.filter((n) => n.streamId === id).map((n) => n.step)).toEqual(['REMINDER', 'OVERDUE']);
    expect((await eventsOf(id)).map((e) => e.type)).toEqual([
      'RequestOpened',
      'DeadlineSet',
      'EscalationRaised',
      'EscalationRaised',
      'RequestFulfilled',
      'DeadlineSet',
    ]);
  });

  it('refuses bad input synchronously, with the reason, and writes nothing', async () => {
    const id = 'document:GRO:e21-proyecto';
    const day = await today();
    await startDocument(id, (startWorkflowOperation) =>
      env.client.workflow.executeUpdateWithStart(submitDocumentUpdate, {
        args: [
          {
            documentId: id,
            ople: 'GRO',
            deliverable: 21,
            versionKind: 'PROYECTO',
            oficioNumber: 'IEPC/GRO/SE/0400/2024',
            submittedOn: day,
          },
        ],
        startWorkflowOperation,
      }),
    );
    const refused = await handleOf(id)
      .executeUpdate(recordIneAnswerUpdate, {
        args: [
          {
            oficioNumber: 'INE/UTSI/2000/2024',
            date: '2024-04-31',
            outcome: 'OBSERVATIONS',
            additionalObservations: false,
            references: [],
          },
        ],
      })
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(WorkflowUpdateFailedError);
    const cause = (refused as WorkflowUpdateFailedError).cause as ApplicationFailure;
    expect(cause.type).toBe('INVALID_INPUT');
    expect(cause.message).toMatch(/^date: /);
    expect(cause.details).toEqual([{ field: 'date' }]);
    expect((await eventsOf(id)).map((e) => e.type)).toEqual(['DocumentOpened', 'DocumentSubmitted', 'DeadlineSet']);
  });
});
