import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { WithStartWorkflowOperation } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { NativeConnection } from '@temporalio/worker';
import { Client, Connection } from '@temporalio/client';
import { Worker } from '@temporalio/worker';
import { DeterminismViolationError } from '@temporalio/workflow';
import {
  BENCH_SIGNAL_NAME,
  BENCH_SIGNAL_WORKFLOW_TYPE,
  DIGEST_WORKFLOW_TYPE,
  type DigestActivities,
  DOCUMENT_WORKFLOW_TYPE,
  type FollowUpActivities,
  REQUEST_WORKFLOW_TYPE,
  TIMER_PROBE_WORKFLOW_TYPE,
  expectDocumentUpdate,
  documentStateQuery,
  finishImportUpdate,
  fulfillRequestUpdate,
  openRequestUpdate,
  recordIneAnswerUpdate,
  requestStateQuery,
  requestWorkflowId,
  submitDocumentUpdate,
} from '@seguimiento/contracts';
import { localDateOf } from '@seguimiento/domain';
import type { RunningTemporal } from '@seguimiento/infra/temporal-server';
import { startTemporalOnFreePort } from '../support/temporal-on-free-port';
import { repoRoot } from '@seguimiento/runtime';
import { withWorkspaceAliases, workflowsPath } from '../../apps/worker/src/workflow-bundling';
import { quietTemporalLogs } from '../support/quiet-logs';
import { waitFor } from '../support/wait-for';

/**
 * Determinism guard. The histories committed in workflows/histories/ (one or more per workflow
 * type, recorded from the released code) must replay against the current workflow code; a change
 * that would break running workflows fails here, and has to go through `patched()`.
 * `UPDATE_HISTORIES=1 npm run test:e2e -- test/e2e/replay` records them afresh — only when the
 * change is meant to be incompatible (no workflow of the old shape is running anywhere);
 * `UPDATE_HISTORIES=missing` records only a new workflow type's first history.
 */
const HISTORIES = join(repoRoot(), 'workflows', 'histories');
const bundlerOptions = { webpackConfigHook: withWorkspaceAliases };

/** Each file: `{ workflowType, workflowId, history }` — replay needs the workflow's real id. */
interface RecordedHistory {
  workflowType: string;
  workflowId: string;
  history: unknown;
  /** The file it is kept in, when not `<workflowType>.json` (a second shape of the same type). */
  file?: string;
}

function committedHistories(): RecordedHistory[] {
  return readdirSync(HISTORIES)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const recorded = JSON.parse(readFileSync(join(HISTORIES, f), 'utf8')) as RecordedHistory;
      return { ...recorded, history: temporal.api.history.v1.History.fromObject(recorded.history as object) };
    });
}

describe('workflow determinism: committed histories replay against the current code', () => {
  // Recorded on the real (dev) server: the Java time-skipping server orders update events in a
  // way the SDK's replayer does not accept, so its histories are no reference.
  let server: RunningTemporal;
  let connection: NativeConnection;
  let client: Client;

  beforeAll(async () => {
    quietTemporalLogs();
    server = await startTemporalOnFreePort();
    connection = await NativeConnection.connect({ address: server.address });
    client = new Client({ connection: await Connection.connect({ address: server.address }) });
  });
  afterAll(async () => {
    await client?.connection.close();
    await connection?.close();
    await server?.stop();
  });

  it('records a history of every workflow type and replays it', async () => {
    const taskQueue = `record-${randomUUID()}`;
    let position = 0;
    const activities: FollowUpActivities & DigestActivities = {
      appendEvents: async (input) => ({
        nextVersion: input.expectedVersion + input.events.length,
        lastPosition: String((position += input.events.length)),
      }),
      notifyEscalation: async () => undefined,
      composeDailyDigest: async ({ date }) => ({ date: date ?? '2024-03-07', written: 2, withNews: 2, skipped: 1 }),
    };
    const worker = await Worker.create({
      connection,
      taskQueue,
      workflowsPath: workflowsPath(),
      bundlerOptions,
      activities,
    });
    const recorded = await worker.runUntil(async () => {
      const today = localDateOf(new Date());
      const requestId = requestWorkflowId('GRO', 'INE/UTSI/1221/2024');
      const start = (type: string, workflowId: string, args: unknown[]) =>
        new WithStartWorkflowOperation(type, { workflowId, taskQueue, args, workflowIdConflictPolicy: 'FAIL' });

      // A document's whole life: expected (already overdue: it escalates at once), submitted,
      // observed, answered, resolved — with timers set and cancelled along the way.
      const documentId = 'document:GRO:e16-proyecto';
      await client.workflow.executeUpdateWithStart(expectDocumentUpdate, {
        args: [
          {
            documentId,
            ople: 'GRO',
            deliverable: 16,
            versionKind: 'PROYECTO',
            dueDate: '2024-04-07',
            sourceOficio: 'INE/UTSI/1654/2024',
          },
        ],
        startWorkflowOperation: start(DOCUMENT_WORKFLOW_TYPE, documentId, [{ documentId, ople: 'GRO' }]),
      });
      const doc = client.workflow.getHandle(documentId);
      await waitFor(async () => (await doc.query(documentStateQuery)).state.escalations.length === 1);
      await doc.executeUpdate(submitDocumentUpdate, {
        args: [
          {
            documentId,
            ople: 'GRO',
            deliverable: 16,
            versionKind: 'PROYECTO',
            oficioNumber: 'IEPC/GRO/SE/0700/2024',
            submittedOn: today,
          },
        ],
      });
      await doc.executeUpdate(recordIneAnswerUpdate, {
        args: [
          {
            oficioNumber: 'INE/UTSI/1489/2024',
            date: today,
            outcome: 'OBSERVATIONS',
            additionalObservations: false,
            references: [],
            observations: [{ text: 'Detallar el plan de continuidad' }],
          },
        ],
      });
      await doc.executeUpdate(submitDocumentUpdate, {
        args: [
          {
            documentId,
            ople: 'GRO',
            deliverable: 16,
            versionKind: 'PROYECTO',
            oficioNumber: 'IEPC/GRO/SE/0750/2024',
            submittedOn: today,
          },
        ],
      });
      await doc.executeUpdate(recordIneAnswerUpdate, {
        args: [
          {
            oficioNumber: 'INE/UTSI/1700/2024',
            date: today,
            outcome: 'ADDRESSED',
            additionalObservations: false,
            references: ['INE/UTSI/1489/2024'],
          },
        ],
      });
      await doc.result();

      // Issue 15, rule 7: a document touched by an import holds its ladder (its deadline long past)
      // until the import says it finished, then raises one escalation, found at import.
      const heldId = 'document:GRO:e14-proyecto';
      const importId = 'import:replay';
      await client.workflow.executeUpdateWithStart(recordIneAnswerUpdate, {
        args: [
          {
            oficioNumber: 'INE/UTSI/1123/2024',
            date: '2024-02-23',
            outcome: 'PARTIALLY_ADDRESSED',
            additionalObservations: false,
            references: ['INE/UTSI/0797/2024'],
            identity: { documentId: heldId, ople: 'GRO', deliverable: 14, versionKind: 'PROYECTO' },
            importId,
          },
        ],
        startWorkflowOperation: start(DOCUMENT_WORKFLOW_TYPE, heldId, [{ documentId: heldId, ople: 'GRO' }]),
      });
      const held = client.workflow.getHandle(heldId);
      expect(await held.executeUpdate(finishImportUpdate, { args: [{ importId }] })).toEqual({
        foundAtImport: 'LEVEL_3',
      });
      await held.executeUpdate(recordIneAnswerUpdate, {
        args: [
          {
            oficioNumber: 'INE/UTSI/1690/2024',
            date: '2024-03-27',
            outcome: 'ADDRESSED',
            additionalObservations: false,
            references: ['INE/UTSI/1123/2024'],
          },
        ],
      });
      await held.result();

      // A request "a más tardar" a date already past: escalated at once, then answered.
      await client.workflow.executeUpdateWithStart(openRequestUpdate, {
        args: [
          {
            ople: 'GRO',
            oficioNumber: 'INE/UTSI/1221/2024',
            date: '2024-02-29',
            subject: 'Estatus de la contratación del servicio de soporte',
            dueDate: '2024-03-04',
          },
        ],
        startWorkflowOperation: start(REQUEST_WORKFLOW_TYPE, requestId, [{ requestId, ople: 'GRO' }]),
      });
      const request = client.workflow.getHandle(requestId);
      await waitFor(async () => (await request.query(requestStateQuery)).state.escalations.length === 1);
      await request.executeUpdate(fulfillRequestUpdate, {
        args: [{ oficioNumber: 'IEPC/GRO/SE/0800/2024', date: today, by: 'OPLE' }],
      });
      await request.result();
      // The benchmark's timer probe: one durable timer, then its lateness.
      const probe = await client.workflow.start(TIMER_PROBE_WORKFLOW_TYPE, {
        workflowId: 'probe-replay',
        taskQueue,
        args: [{ fireAt: new Date(Date.now() + 1000).toISOString() }],
      });
      await probe.result();
      // The benchmark's throughput baseline: an empty workflow, started with its signal.
      const empty = await client.workflow.signalWithStart(BENCH_SIGNAL_WORKFLOW_TYPE, {
        workflowId: 'bench-signal-replay',
        taskQueue,
        signal: BENCH_SIGNAL_NAME,
        signalArgs: [],
      });
      await empty.result();
      // The daily digest (what the schedule starts), for a given day.
      const digest = await client.workflow.start(DIGEST_WORKFLOW_TYPE, {
        workflowId: 'digest-replay',
        taskQueue,
        args: [{ date: '2024-03-07' }],
      });
      await digest.result();
      const recordedHistories: RecordedHistory[] = [
        { workflowType: DOCUMENT_WORKFLOW_TYPE, workflowId: documentId, history: await doc.fetchHistory() },
        {
          workflowType: DOCUMENT_WORKFLOW_TYPE,
          workflowId: heldId,
          history: await held.fetchHistory(),
          file: `${DOCUMENT_WORKFLOW_TYPE}.import-hold.json`,
        },
        { workflowType: REQUEST_WORKFLOW_TYPE, workflowId: requestId, history: await request.fetchHistory() },
        { workflowType: TIMER_PROBE_WORKFLOW_TYPE, workflowId: 'probe-replay', history: await probe.fetchHistory() },
        {
          workflowType: BENCH_SIGNAL_WORKFLOW_TYPE,
          workflowId: 'bench-signal-replay',
          history: await empty.fetchHistory(),
        },
        { workflowType: DIGEST_WORKFLOW_TYPE, workflowId: 'digest-replay', history: await digest.fetchHistory() },
      ];
      return recordedHistories;
    });

    for await (const result of Worker.runReplayHistories(
      { workflowsPath: workflowsPath(), bundlerOptions },
      recorded,
    )) {
      expect(result.error).toBeUndefined();
    }
    // UPDATE_HISTORIES=1 records every type afresh; =missing only the types with no committed history yet.
    for (const recordedHistory of recorded) {
      const { file: name, ...kept } = recordedHistory;
      const file = join(HISTORIES, name ?? `${recordedHistory.workflowType}.json`);
      if (process.env.UPDATE_HISTORIES === '1' || (process.env.UPDATE_HISTORIES === 'missing' && !existsSync(file))) {
        writeFileSync(file, `${JSON.stringify(kept, null, 1)}\n`);
      }
    }
  });

  it('replays every committed history with the current workflow code', async () => {
    const committed = committedHistories();
    expect([...new Set(committed.map((h) => h.workflowType))].sort()).toEqual(
      [
        DOCUMENT_WORKFLOW_TYPE,
        REQUEST_WORKFLOW_TYPE,
        TIMER_PROBE_WORKFLOW_TYPE,
        BENCH_SIGNAL_WORKFLOW_TYPE,
        DIGEST_WORKFLOW_TYPE,
      ].sort(),
    );
    for await (const result of Worker.runReplayHistories(
      { workflowsPath: workflowsPath(), bundlerOptions },
      committed,
    )) {
      expect({ workflowId: result.workflowId, error: result.error?.message }).toEqual({
        workflowId: result.workflowId,
        error: undefined,
      });
    }
  });

  it('catches a deliberately non-deterministic change', async () => {
    const [document] = committedHistories().filter((h) => h.workflowType === DOCUMENT_WORKFLOW_TYPE);
    expect(existsSync(join(repoRoot(), 'test', 'fixtures', 'nondeterministic', 'index.ts'))).toBe(true);
    const results = [];
    for await (const result of Worker.runReplayHistories(
      { workflowsPath: join(repoRoot(), 'test', 'fixtures', 'nondeterministic', 'index.ts'), bundlerOptions },
      [document],
    )) {
      results.push(result);
    }
    expect(results).toHaveLength(1);
    expect(results[0].error).toBeInstanceOf(DeterminismViolationError);
  });
});
