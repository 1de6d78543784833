import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { PgListener, ProjectedPositionWatcher, openDatabase } from '@seguimiento/persistence';
import { freePort } from '@seguimiento/infra/ports';
import { type RunningPostgres, startEmbeddedPostgres } from '@seguimiento/infra/postgres';
import { startTestPostgres } from '../support/test-postgres';
import { waitFor } from '../support/wait-for';

/** The projector's, the live feed's and read-your-writes' LISTEN connection, across a restart of PostgreSQL. */
describe('PgListener', () => {
  const dir = mkdtempSync(join(tmpdir(), 'seguimiento-listener-'));
  let port: number;
  let pg: RunningPostgres;
  const start = async () => (pg = await startEmbeddedPostgres({ dataDir: join(dir, 'data'), port }));
  const notify = async () => {
    const client = new Client({ connectionString: pg.url });
    await client.connect();
    await client.query("SELECT pg_notify('prueba_canal', 'x')");
    await client.end();
  };

  beforeAll(async () => {
    chmodSync(dir, 0o755);
    port = await freePort();
    await start();
  });
  afterAll(async () => {
    await pg?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('hears notifications, listens again after PostgreSQL comes back, and looks again for what it missed', async () => {
    let heard = 0;
    const errors: unknown[] = [];
    const listener = new PgListener({
      url: pg.url,
      channel: 'prueba_canal',
      applicationName: 'prueba',
      onNotify: () => heard++,
      onError: (e) => errors.push(e),
      retryMs: 200,
    });
    await listener.start();
    await notify();
    await waitFor(() => heard === 1, 5000);

    await pg.stop();
    await waitFor(() => !listener.listening, 5000);
    expect(errors.length).toBeGreaterThan(0);
    await start();
    // Reconnected: one call for what may have been sent while it was away…
    await waitFor(() => listener.listening && heard === 2, 20_000);
    // …and it hears the next notification.
    await notify();
    await waitFor(() => heard === 3, 5000);
    await listener.stop();
    await notify();
    await new Promise((r) => setTimeout(r, 300));
    expect(heard).toBe(3);
  });

  it('refuses a channel that is not an identifier, naming it', () => {
    expect(
      () =>
        new PgListener({
          url: 'postgres://x',
          channel: 'a; DROP TABLE events',
          applicationName: 'x',
          onNotify: () => undefined,
        }),
    ).toThrow(/channel: "a; DROP TABLE events"/);
  });
});

/** Read-your-writes without polling per request: the projector's notification carries the position. */
describe('ProjectedPositionWatcher', () => {
  let pg: { url: string; stop(): Promise<void> };
  let db: DataSource;
  let watcher: ProjectedPositionWatcher;
  const checkpoint = async (position: number, notify: boolean) => {
    await db.query(
      `INSERT INTO projection_checkpoints (name, position) VALUES ('read-models', $1) ON CONFLICT (name) DO UPDATE SET position = EXCLUDED.position`,
      [position],
    );
    if (notify) await db.query("SELECT pg_notify('seguimiento_projected', $1)", [String(position)]);
  };

  beforeAll(async () => {
    pg = await startTestPostgres();
    db = await openDatabase(pg.url);
    watcher = new ProjectedPositionWatcher(db, pg.url);
    await watcher.start();
  });
  afterAll(async () => {
    await watcher?.stop();
    await db?.destroy();
    await pg?.stop();
  });

  it('answers at once for a position already projected, and when the notification for a later one arrives', async () => {
    await checkpoint(10, false);
    expect(await watcher.waitFor('10', 1000)).toBe(true);
    const waiting = watcher.waitFor('12', 5000);
    // The notification alone, the checkpoint left at 10: the fallback read cannot see 12, so only
    // hearing the NOTIFY (whose payload is the position) can answer true.
    const later = new Promise((resolve) => setTimeout(resolve, 100)).then(() =>
      db.query("SELECT pg_notify('seguimiento_projected', '12')"),
    );
    expect(await waiting).toBe(true);
    await later; // its failure fails the test rather than going unhandled
    const [{ position }] = await db.query(
      `SELECT position::text FROM projection_checkpoints WHERE name = 'read-models'`,
    );
    expect(position).toBe('10');
  });

  it('finds a position whose notification was missed by reading the checkpoint, and times out on one never reached', async () => {
    const waiting = watcher.waitFor('20', 5000);
    await checkpoint(20, false); // no NOTIFY: only the fallback read can see it
    expect(await waiting).toBe(true);
    expect(await watcher.waitFor('99', 600)).toBe(false);
  });
});
