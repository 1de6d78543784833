import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { EventContentDiverged, EventStore, MIGRATIONS, type NewEvent, openDatabase } from '@seguimiento/persistence';
import { startTestPostgres } from '../support/test-postgres';

const event = (type = 'DocumentSubmitted'): NewEvent => ({
  eventId: randomUUID(),
  type,
  data: { n: 1 },
  metadata: { actor: 'test' },
  occurredAt: new Date('2024-02-09T17:00:00Z'),
});

describe('the PostgreSQL event store', () => {
  let pg: { url: string; stop(): Promise<void> };
  let db: DataSource;
  let store: EventStore;

  beforeAll(async () => {
    pg = await startTestPostgres();
    db = await openDatabase(pg.url);
    store = new EventStore(db);
  });
  afterAll(async () => {
    await db?.destroy();
    await pg?.stop();
  });

  it('appends at the expected version and numbers the stream contiguously', async () => {
    const first = await store.append('s-1', 0, [event(), event()]);
    expect(first).toMatchObject({ status: 'Appended', nextVersion: 2 });
    const second = await store.append('s-1', 2, [event()]);
    expect(second).toMatchObject({ status: 'Appended', nextVersion: 3 });
    expect((await store.readStream('s-1')).map((e) => e.streamVersion)).toEqual([1, 2, 3]);
  });

  it('treats a retried append (same event ids) as already done and stores nothing twice', async () => {
    const batch = [event(), event()];
    const first = await store.append('s-2', 0, batch);
    const retry = await store.append('s-2', 0, batch);
    expect(retry).toEqual({
      status: 'AlreadyAppended',
      nextVersion: 2,
      lastPosition: (first as { lastPosition: string }).lastPosition,
    });
    expect(await store.readStream('s-2')).toHaveLength(2);
  });

  it('refuses the same event ids at the same place with another content, writing nothing (issue 19)', async () => {
    const batch = [event(), event()];
    await store.append('s-2b', 0, batch);
    // The same ids, the second event's data changed: a retried decision that came out different.
    const diverged = [batch[0], { ...batch[1], data: { n: 2 } }];
    await expect(store.append('s-2b', 0, diverged)).rejects.toThrow(EventContentDiverged);
    await expect(store.append('s-2b', 0, [{ ...batch[0], type: 'DocumentExpected' }, batch[1]])).rejects.toThrow(
      /ya está registrado con otro contenido/,
    );
    // jsonb hands the keys back in its own order: the same content in another order is the same.
    const keyed = { ...event(), data: { b: 1, a: { y: 2, x: 1 } } };
    await store.append('s-2c', 0, [keyed]);
    expect(await store.append('s-2c', 0, [{ ...keyed, data: { a: { x: 1, y: 2 }, b: 1 } }])).toMatchObject({
      status: 'AlreadyAppended',
    });
    expect((await store.readStream('s-2b')).map((e) => e.data)).toEqual([{ n: 1 }, { n: 1 }]);
  });

  it('returns a version conflict as a value when the expected version is stale', async () => {
    await store.append('s-3', 0, [event()]);
    expect(await store.append('s-3', 0, [event()])).toEqual({
      status: 'VersionConflict',
      expectedVersion: 0,
      actualVersion: 1,
    });
  });

  it('lets exactly one of two concurrent appends at the same version win', async () => {
    const results = await Promise.all([store.append('s-4', 0, [event()]), store.append('s-4', 0, [event()])]);
    expect(results.map((r) => r.status).sort()).toEqual(['Appended', 'VersionConflict']);
    expect(await store.readStream('s-4')).toHaveLength(1);
  });

  it('refuses UPDATE, DELETE and TRUNCATE in the database itself', async () => {
    await store.append('s-5', 0, [event()]);
    // A plain client, as an intruder with the application's credentials would use.
    const client = new Client({ connectionString: pg.url });
    await client.connect();
    try {
      await expect(client.query("UPDATE events SET type = 'Tampered' WHERE stream_id = 's-5'")).rejects.toThrow(
        /append-only/,
      );
      await expect(client.query("DELETE FROM events WHERE stream_id = 's-5'")).rejects.toThrow(/append-only/);
      await expect(client.query('TRUNCATE events')).rejects.toThrow(/append-only/);
    } finally {
      await client.end();
    }
    expect((await store.readStream('s-5'))[0].type).toBe('DocumentSubmitted');
  });

  it('applies migrations once even when several processes open the database together', async () => {
    const others = await Promise.all([openDatabase(pg.url), openDatabase(pg.url), openDatabase(pg.url)]);
    await Promise.all(others.map((o) => o.destroy()));
    const [{ count }] = await db.query('SELECT count(*)::int AS count FROM migrations');
    expect(count).toBe(MIGRATIONS.length);
  });
});
