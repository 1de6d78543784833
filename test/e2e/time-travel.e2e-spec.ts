import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import {
  type DocumentCommand,
  type DocumentIdentity,
  type RequestCommand,
  decideDocument,
  decideRequest,
  effectiveTimeOf,
  foldDocument,
  foldRequest,
  initialDocumentState,
  initialRequestState,
} from '@seguimiento/domain';
import { EventStore, openDatabase, openItems, snapshotAsOf } from '@seguimiento/persistence';
import { startTestPostgres } from '../support/test-postgres';

/**
 * The seed report (IEPC Guerrero, 18 Feb – 21 Mar 2024) recorded today, and the commission's
 * view of 22 Mar 2024 reproduced from the log as it stood that day.
 */
const ENTERED_TODAY = new Date();

async function append(
  store: EventStore,
  id: string,
  version: number,
  events: Array<{ type: string; data: unknown }>,
): Promise<void> {
  // What the worker's activity does: each command's events take effect on their oficio's date.
  const effectiveAt = effectiveTimeOf(events, ENTERED_TODAY.toISOString());
  const result = await store.append(
    id,
    version,
    events.map((e) => ({
      eventId: randomUUID(),
      type: e.type,
      data: e.data as never,
      metadata: { effectiveAt },
      occurredAt: ENTERED_TODAY,
    })),
  );
  if (result.status === 'VersionConflict') throw new Error(`conflict on ${id}`);
}

async function document(store: EventStore, identity: DocumentIdentity, commands: DocumentCommand[]): Promise<void> {
  let state = initialDocumentState;
  for (const command of commands) {
    const events = decideDocument(command, state);
    if (events.length) await append(store, identity.documentId, state.version, events);
    state = foldDocument(events, state);
  }
}

async function request(store: EventStore, commands: RequestCommand[]): Promise<void> {
  let state = initialRequestState;
  const id = (commands[0].data as { requestId: string }).requestId;
  for (const command of commands) {
    const events = decideRequest(command, state);
    if (events.length) await append(store, id, state.version, events);
    state = foldRequest(events, state);
  }
}

const doc = (deliverable: number, versionKind: 'PROYECTO' | 'FINAL', key?: string): DocumentIdentity => ({
  documentId: `document:GRO:${key ?? `e${deliverable}-${versionKind.toLowerCase()}`}`,
  ople: 'GRO',
  deliverable,
  versionKind,
});
const answer = (
  identity: DocumentIdentity,
  data: Omit<Extract<DocumentCommand, { type: 'RecordIneAnswer' }>['data'], 'identity'>,
): DocumentCommand => ({
  type: 'RecordIneAnswer',
  data: { ...data, identity },
});

describe('time travel over the seed', () => {
  let pg: { url: string; stop(): Promise<void> };
  let db: DataSource;

  beforeAll(async () => {
    pg = await startTestPostgres();
    db = await openDatabase(pg.url);
    const store = new EventStore(db);
    const d15 = doc(15, 'PROYECTO');
    await document(store, d15, [
      answer(d15, {
        oficioNumber: 'INE/UTSI/1147/2024',
        date: '2024-02-24',
        outcome: 'ADDRESSED',
        additionalObservations: true,
        references: ['INE/UTSI/0801/2024'],
      }),
      answer(d15, {
        oficioNumber: 'INE/UTSI/1240/2024',
        date: '2024-03-06',
        outcome: 'ADDRESSED',
        additionalObservations: false,
        references: ['INE/UTSI/0801/2024', 'INE/UTSI/1147/2024'],
      }),
    ]);
    const f15 = doc(15, 'FINAL');
    await document(store, f15, [
      answer(f15, {
        oficioNumber: 'INE/UTSI/1485/2024',
        date: '2024-03-13',
        outcome: 'ACCEPTED',
        additionalObservations: false,
        references: [],
      }),
    ]);
    const d11 = doc(11, 'PROYECTO');
    await document(store, d11, [
      answer(d11, {
        oficioNumber: 'INE/UTSI/1121/2024',
        date: '2024-02-22',
        outcome: 'PARTIALLY_ADDRESSED',
        additionalObservations: true,
        references: ['INE/UTSI/0451/2024'],
      }),
    ]);
    const d14 = doc(14, 'PROYECTO');
    await document(store, d14, [
      answer(d14, {
        oficioNumber: 'INE/UTSI/1123/2024',
        date: '2024-02-23',
        outcome: 'PARTIALLY_ADDRESSED',
        additionalObservations: false,
        references: ['INE/UTSI/0797/2024'],
      }),
    ]);
    const d16 = doc(16, 'PROYECTO');
    await document(store, d16, [
      answer(d16, {
        oficioNumber: 'INE/UTSI/1489/2024',
        date: '2024-03-14',
        outcome: 'OBSERVATIONS',
        additionalObservations: false,
        references: [],
      }),
    ]);
    const req = (n: string, date: string, subject: string, dueDate?: string) => ({
      type: 'OpenRequest' as const,
      data: {
        requestId: `request:GRO:ine-utsi-${n}-2024`,
        ople: 'GRO',
        oficioNumber: `INE/UTSI/${n}/2024`,
        date,
        subject,
        dueDate,
      },
    });
    await request(store, [
      req('1221', '2024-02-29', 'Estatus de la contratación del servicio de soporte', '2024-03-04'),
    ]);
    await request(store, [
      req('1376', '2024-03-07', 'Remitir el instrumento jurídico con el tercero'),
      { type: 'FulfillRequest', data: { oficioNumber: 'INE/UTSI/1581/2024', date: '2024-03-15', by: 'INE' } },
    ]);
    await request(store, [
      req('1377', '2024-03-07', 'Remitir el instrumento jurídico con el tercero'),
      { type: 'FulfillRequest', data: { oficioNumber: 'INE/UTSI/1583/2024', date: '2024-03-15', by: 'INE' } },
    ]);
    const reminded: Array<[number, string, string?]> = [
      [3, '2024-04-05', 'e3-2024-03'],
      [16, '2024-04-07'],
      [17, '2024-04-07'],
      [18, '2024-04-07'],
      [19, '2024-04-07'],
      [20, '2024-04-07'],
      [21, '2024-04-12'],
      [22, '2024-04-14'],
      [23, '2024-04-22'],
    ];
    for (const [deliverable, dueDate, key] of reminded) {
      const identity = doc(deliverable, 'FINAL', key);
      await document(store, identity, [
        {
          type: 'ExpectDocument',
          data: { ...identity, dueDate, sourceOficio: 'INE/UTSI/1654/2024', sourceDate: '2024-03-20' },
        },
      ]);
    }
  });
  afterAll(async () => {
    await db?.destroy();
    await pg?.stop();
  });

  it('reproduces what was open and overdue on 22 Mar 2024, the day of the commission’s report', async () => {
    const snapshot = await snapshotAsOf(db, '2024-03-22T23:59:59-06:00');
    const items = openItems(snapshot).map((i) => [i.id, i.status, i.ballInCourt, i.dueDate, i.overdue]);
    expect(items).toEqual([
      ['document:GRO:e11-proyecto', 'OBSERVED', 'OPLE', '2024-02-27', true],
      ['document:GRO:e14-proyecto', 'OBSERVED', 'OPLE', '2024-02-28', true],
      ['document:GRO:e16-final', 'EXPECTED', 'OPLE', '2024-04-07', false],
      ['document:GRO:e16-proyecto', 'OBSERVED', 'OPLE', '2024-03-19', true],
      ['document:GRO:e17-final', 'EXPECTED', 'OPLE', '2024-04-07', false],
      ['document:GRO:e18-final', 'EXPECTED', 'OPLE', '2024-04-07', false],
      ['document:GRO:e19-final', 'EXPECTED', 'OPLE', '2024-04-07', false],
      ['document:GRO:e20-final', 'EXPECTED', 'OPLE', '2024-04-07', false],
      ['document:GRO:e21-final', 'EXPECTED', 'OPLE', '2024-04-12', false],
      ['document:GRO:e22-final', 'EXPECTED', 'OPLE', '2024-04-14', false],
      ['document:GRO:e23-final', 'EXPECTED', 'OPLE', '2024-04-22', false],
      ['document:GRO:e3-2024-03', 'EXPECTED', 'OPLE', '2024-04-05', false],
      ['request:GRO:ine-utsi-1221-2024', 'OPEN', 'OPLE', '2024-03-04', true],
    ]);
    const resolved = snapshot.documents.filter((d) => d.status === 'RESOLVED').map((d) => [d.documentId, d.resolution]);
    expect(resolved.sort()).toEqual([
      ['document:GRO:e15-final', 'ACCEPTED'],
      ['document:GRO:e15-proyecto', 'ADDRESSED'],
    ]);
    expect(
      snapshot.requests
        .filter((r) => r.status === 'FULFILLED')
        .map((r) => r.fulfilledBy?.oficioNumber)
        .sort(),
    ).toEqual(['INE/UTSI/1581/2024', 'INE/UTSI/1583/2024']);
  });

  it('shows a document as it stood at any instant of its chain', async () => {
    const at = async (asOf: string) =>
      (await snapshotAsOf(db, asOf, { streamId: 'document:GRO:e15-proyecto' })).documents[0];
    expect(await at('2024-02-20T12:00:00-06:00')).toBeUndefined(); // nothing recorded yet
    expect(await at('2024-03-01T12:00:00-06:00')).toMatchObject({
      status: 'OBSERVED',
      ballInCourt: 'OPLE',
      deadline: { dueDate: '2024-02-29' },
    });
    expect(await at('2024-03-06T09:00:00-06:00')).toMatchObject({ status: 'RESOLVED', resolution: 'ADDRESSED' });
  });

  it('on 1 Mar 2024, request 1221 was open but not yet overdue, and the reminder of 20 Mar unknown', async () => {
    const items = openItems(await snapshotAsOf(db, '2024-03-01T12:00:00-06:00'));
    expect(items.find((i) => i.id === 'request:GRO:ine-utsi-1221-2024')).toMatchObject({
      overdue: false,
      dueDate: '2024-03-04',
    });
    expect(items.some((i) => i.id === 'document:GRO:e16-final')).toBe(false);
    expect(items.find((i) => i.id === 'document:GRO:e11-proyecto')).toMatchObject({ overdue: true });
  });

  it('names the bad instant', async () => {
    await expect(snapshotAsOf(db, 'ayer')).rejects.toThrow('asOf: "ayer" is not an ISO 8601 instant');
  });
});
