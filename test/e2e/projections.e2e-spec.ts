import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import {
  type DocumentCommand,
  type DocumentState,
  type RequestCommand,
  type RequestState,
  decideDocument,
  decideRequest,
  foldDocument,
  foldRequest,
  initialDocumentState,
  initialRequestState,
} from '@seguimiento/domain';
// The module itself (not the library's index), so the test can make a batch fail.
import * as readModels from '../../libs/persistence/src/projections/read-models';
import { dumpReadModels } from '../support/read-model-dump';
import {
  EventStore,
  Projector,
  openDatabase,
  projectedPosition,
  rebuildReadModels,
  waitForPosition,
} from '@seguimiento/persistence';
import { generateDataset } from '@seguimiento/infra/datasets/generate';
import { startTestPostgres } from '../support/test-postgres';

/** Appends what the domain decides for each command, as a workflow would. */
async function playDocument(store: EventStore, id: string, commands: DocumentCommand[]): Promise<DocumentState> {
  let state = initialDocumentState;
  for (const command of commands) {
    const events = decideDocument(command, state);
    if (events.length === 0) continue;
    const r = await store.append(
      id,
      state.version,
      events.map((e) => ({ eventId: randomUUID(), type: e.type, data: e.data as never, occurredAt: new Date() })),
    );
    if (r.status === 'VersionConflict') throw new Error('conflict');
    state = foldDocument(events, state);
  }
  return state;
}
async function playRequest(store: EventStore, id: string, commands: RequestCommand[]): Promise<RequestState> {
  let state = initialRequestState;
  for (const command of commands) {
    const events = decideRequest(command, state);
    await store.append(
      id,
      state.version,
      events.map((e) => ({ eventId: randomUUID(), type: e.type, data: e.data as never, occurredAt: new Date() })),
    );
    state = foldRequest(events, state);
  }
  return state;
}

const d15 = { documentId: 'document:GRO:e15-proyecto', ople: 'GRO', deliverable: 15, versionKind: 'PROYECTO' as const };
const d11 = { documentId: 'document:GRO:e11-proyecto', ople: 'GRO', deliverable: 11, versionKind: 'PROYECTO' as const };

describe('read models projected from the log', () => {
  let pg: { url: string; stop(): Promise<void> };
  let db: DataSource;
  let store: EventStore;

  beforeAll(async () => {
    pg = await startTestPostgres();
    db = await openDatabase(pg.url);
    store = new EventStore(db);
    // The seed's chains: 15 resolved, 11 open with the OPLE, the request 1221 and a reminder item.
    await playDocument(store, d15.documentId, [
      { type: 'SubmitDocument', data: { ...d15, oficioNumber: 'IEPC/GRO/SE/0101/2024', submittedOn: '2024-02-09' } },
      {
        type: 'RecordIneAnswer',
        data: {
          oficioNumber: 'INE/UTSI/1147/2024',
          date: '2024-02-24',
          outcome: 'ADDRESSED',
          additionalObservations: true,
          references: ['INE/UTSI/0801/2024'],
        },
      },
      {
        type: 'RaiseEscalation',
        data: { step: 'OVERDUE', dueToFireAt: '2024-03-01T06:00:00.000Z', now: '2024-03-01T06:00:00.000Z' },
      },
      {
        type: 'RecordIneAnswer',
        data: {
          oficioNumber: 'INE/UTSI/1240/2024',
          date: '2024-03-06',
          outcome: 'ADDRESSED',
          additionalObservations: false,
          references: ['INE/UTSI/0801/2024', 'INE/UTSI/1147/2024'],
        },
      },
    ]);
    await playDocument(store, d11.documentId, [
      {
        type: 'RecordIneAnswer',
        data: {
          oficioNumber: 'INE/UTSI/1121/2024',
          date: '2024-02-22',
          outcome: 'PARTIALLY_ADDRESSED',
          additionalObservations: true,
          references: ['INE/UTSI/0451/2024'],
          identity: d11,
        },
      },
    ]);
    await playRequest(store, 'request:GRO:ine-utsi-1221-2024', [
      {
        type: 'OpenRequest',
        data: {
          requestId: 'request:GRO:ine-utsi-1221-2024',
          ople: 'GRO',
          oficioNumber: 'INE/UTSI/1221/2024',
          date: '2024-02-29',
          subject: 'Estatus de la contratación',
          dueDate: '2024-03-04',
        },
      },
    ]);
    await playDocument(store, 'document:GRO:e16-final', [
      {
        type: 'ExpectDocument',
        data: {
          documentId: 'document:GRO:e16-final',
          ople: 'GRO',
          deliverable: 16,
          versionKind: 'FINAL',
          dueDate: '2024-04-07',
          sourceOficio: 'INE/UTSI/1654/2024',
        },
      },
    ]);
  });
  afterAll(async () => {
    await db?.destroy();
    await pg?.stop();
  });

  it('projects documents, rounds, observations, obligations, escalations and the correspondence register', async () => {
    const projector = new Projector(db, { batchSize: 4 });
    expect(await projector.catchUp()).toBeGreaterThan(10);
    const docs = await db.query(
      'SELECT id, status, ball_in_court, current_round, open_observations, due_date, deadline_party, escalation_level FROM rm_documents ORDER BY id',
    );
    expect(docs).toEqual([
      {
        id: 'document:GRO:e11-proyecto',
        status: 'OBSERVED',
        ball_in_court: 'OPLE',
        current_round: 1,
        open_observations: 2,
        due_date: '2024-02-27',
        deadline_party: 'OPLE',
        escalation_level: 0,
      },
      {
        id: 'document:GRO:e15-proyecto',
        status: 'RESOLVED',
        ball_in_court: 'NONE',
        current_round: 2,
        open_observations: 0,
        due_date: null,
        deadline_party: null,
        escalation_level: 0,
      },
      {
        id: 'document:GRO:e16-final',
        status: 'EXPECTED',
        ball_in_court: 'OPLE',
        current_round: 0,
        open_observations: 0,
        due_date: '2024-04-07',
        deadline_party: 'OPLE',
        escalation_level: 0,
      },
    ]);
    expect(
      await db.query(
        "SELECT id, status FROM rm_observations WHERE document_id = 'document:GRO:e11-proyecto' ORDER BY id",
      ),
    ).toEqual([
      { id: 'INE/UTSI/0451/2024#1', status: 'PARTIALLY_ADDRESSED' },
      { id: 'INE/UTSI/1121/2024#1', status: 'OPEN' },
    ]);
    expect(await db.query('SELECT id, kind, status, due_date FROM rm_obligations ORDER BY id')).toEqual([
      { id: 'document:GRO:e16-final', kind: 'EXPECTED_DELIVERABLE', status: 'OPEN', due_date: '2024-04-07' },
      { id: 'request:GRO:ine-utsi-1221-2024', kind: 'REQUEST', status: 'OPEN', due_date: '2024-03-04' },
    ]);
    expect(await db.query('SELECT stream_id, step FROM rm_escalations')).toEqual([
      { stream_id: 'document:GRO:e15-proyecto', step: 'OVERDUE' },
    ]);
    // The index from oficio numbers to the streams they touch, with what each answer cites.
    expect(
      await db.query(
        "SELECT oficio_number, stream_id, role, cites FROM rm_correspondence WHERE oficio_number IN ('INE/UTSI/0801/2024', 'INE/UTSI/1240/2024', 'INE/UTSI/1654/2024') ORDER BY oficio_number",
      ),
    ).toEqual([
      { oficio_number: 'INE/UTSI/0801/2024', stream_id: 'document:GRO:e15-proyecto', role: 'INFERRED', cites: [] },
      {
        oficio_number: 'INE/UTSI/1240/2024',
        stream_id: 'document:GRO:e15-proyecto',
        role: 'ANSWER',
        cites: ['INE/UTSI/0801/2024', 'INE/UTSI/1147/2024'],
      },
      { oficio_number: 'INE/UTSI/1654/2024', stream_id: 'document:GRO:e16-final', role: 'SOURCE', cites: [] },
    ]);
    const [{ max }] = await db.query('SELECT max(position)::text AS max FROM events');
    expect(await projectedPosition(db)).toBe(max);
  });

  it('a projector killed in the middle of a batch leaves nothing half-done and resumes where it was', async () => {
    const before = await dumpReadModels(db);
    const checkpoint = await projectedPosition(db);
    await playDocument(store, 'document:GRO:e14-proyecto', [
      {
        type: 'SubmitDocument',
        data: {
          ...d15,
          documentId: 'document:GRO:e14-proyecto',
          deliverable: 14,
          oficioNumber: 'IEPC/GRO/SE/0300/2024',
          submittedOn: '2024-01-30',
        },
      },
      {
        type: 'RecordIneAnswer',
        data: {
          oficioNumber: 'INE/UTSI/0797/2024',
          date: '2024-02-05',
          outcome: 'OBSERVATIONS',
          additionalObservations: false,
          references: [],
        },
      },
    ]);
    // The process dies after the batch wrote its rows, before the checkpoint moved.
    const real = readModels.projectBatch;
    const spy = jest.spyOn(readModels, 'projectBatch').mockImplementation(async (tx, events) => {
      await real(tx, events);
      throw new Error('killed');
    });
    const crashing = new Projector(db, { batchSize: 10 });
    await expect(crashing.runBatch()).rejects.toThrow('killed');
    spy.mockRestore();
    expect(await projectedPosition(db)).toBe(checkpoint);
    expect(await dumpReadModels(db)).toEqual(before);

    const restarted = new Projector(db, { batchSize: 10 });
    expect(await restarted.catchUp()).toBe(5);
    expect(
      await db.query("SELECT status, ball_in_court FROM rm_documents WHERE id = 'document:GRO:e14-proyecto'"),
    ).toEqual([{ status: 'OBSERVED', ball_in_court: 'OPLE' }]);
  });

  it('a rebuild from the log equals the incrementally built read models, row for row', async () => {
    await new Projector(db).catchUp();
    const incremental = await dumpReadModels(db);
    const progress: Array<[number, number]> = [];
    const result = await rebuildReadModels(db, {
      batchSize: 3,
      onProgress: (done, total) => progress.push([done, total]),
    });
    const [{ count }] = await db.query('SELECT count(*)::int AS count FROM events');
    expect(result.events).toBe(count);
    expect(progress[progress.length - 1]).toEqual([count, count]);
    expect(await dumpReadModels(db)).toEqual(incremental);
  });

  it('follows new events as they are appended, and lets a writer wait for its own position', async () => {
    const projector = new Projector(db, { databaseUrl: pg.url });
    projector.start();
    try {
      await playRequest(store, 'request:GRO:ine-utsi-1376-2024', [
        {
          type: 'OpenRequest',
          data: {
            requestId: 'request:GRO:ine-utsi-1376-2024',
            ople: 'GRO',
            oficioNumber: 'INE/UTSI/1376/2024',
            date: '2024-03-07',
            subject: 'Remitir el instrumento jurídico',
          },
        },
        { type: 'FulfillRequest', data: { oficioNumber: 'INE/UTSI/1581/2024', date: '2024-03-15', by: 'INE' } },
      ]);
      const [{ max }] = await db.query('SELECT max(position)::text AS max FROM events');
      expect(await waitForPosition(db, max, 5000)).toBe(true);
      expect(
        await db.query("SELECT status, closed_by FROM rm_obligations WHERE id = 'request:GRO:ine-utsi-1376-2024'"),
      ).toEqual([{ status: 'FULFILLED', closed_by: 'INE/UTSI/1581/2024' }]);
    } finally {
      await projector.stop();
    }
  });
});

describe('a generated dataset', () => {
  it('is deterministic, contiguous, and rebuilds into the same read models the projector builds', async () => {
    const pg = await startTestPostgres();
    const db = await openDatabase(pg.url);
    try {
      const first = await generateDataset(db, { oples: 2, documentsPerOple: 10, rounds: 3, seed: 7 });
      const [{ gaps }] = await db.query(
        'SELECT count(*)::int AS gaps FROM (SELECT stream_id, max(stream_version) AS v, count(*) AS n FROM events GROUP BY stream_id) s WHERE v <> n',
      );
      expect(gaps).toBe(0);
      expect((await db.query('SELECT count(*)::int AS n FROM events'))[0].n).toBe(first.events);
      await new Projector(db).catchUp();
      const incremental = await dumpReadModels(db);
      await rebuildReadModels(db);
      expect(await dumpReadModels(db)).toEqual(incremental);
      // The same seed on an empty database gives the same stories.
      const pg2 = await startTestPostgres();
      const db2 = await openDatabase(pg2.url);
      try {
        expect(await generateDataset(db2, { oples: 2, documentsPerOple: 10, rounds: 3, seed: 7 })).toEqual(first);
        const types = (d: DataSource) =>
          d.query('SELECT stream_id, stream_version, type, data FROM events ORDER BY stream_id, stream_version');
        expect(await types(db2)).toEqual(await types(db));
      } finally {
        await db2.destroy();
        await pg2.stop();
      }
    } finally {
      await db.destroy();
      await pg.stop();
    }
  });
});
