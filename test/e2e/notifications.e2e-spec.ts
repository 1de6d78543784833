import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { PgListener } from '@seguimiento/persistence';
import { freePort } from '@seguimiento/infra/ports';
import { type RunningPostgres, startEmbeddedPostgres } from '@seguimiento/infra/postgres';
import { waitFor } from '../support/wait-for';

/** The projector's and the live feed's LISTEN connection, across a restart of PostgreSQL. */
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
    const listener = new PgListener({ url: pg.url, channel: 'prueba_canal', applicationName: 'prueba', onNotify: () => heard++, onError: (e) => errors.push(e), retryMs: 200 });
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
    expect(() => new PgListener({ url: 'postgres://x', channel: 'a; DROP TABLE events', applicationName: 'x', onNotify: () => undefined })).toThrow(/channel: "a; DROP TABLE events"/);
  });
});
