import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@seguimiento/infra/ports';
import { embeddedPostgresUrls, startEmbeddedPostgres } from '@seguimiento/infra/postgres';

export interface TestPostgres {
  /** The application's role (`seguimiento`, not a superuser). */
  url: string;
  /** Temporal's role (`temporal`, CREATEDB). */
  temporalUrl: string;
  /** The superuser (`postgres`), for tests that inspect the server itself. */
  adminUrl: string;
  /** The data folder; its credentials file is beside it. */
  dataDir: string;
  stop(): Promise<void>;
}

/** A real, throw-away PostgreSQL for one test file: its own folder, its own free port. */
export async function startTestPostgres(): Promise<TestPostgres> {
  const dir = mkdtempSync(join(tmpdir(), 'seguimiento-pg-'));
  // As root, PostgreSQL runs as the `postgres` user, which must be able to reach the folder.
  chmodSync(dir, 0o755);
  try {
    const dataDir = join(dir, 'data');
    const port = await freePort();
    const pg = await startEmbeddedPostgres({ dataDir, port });
    return {
      url: pg.url,
      temporalUrl: pg.temporalUrl,
      adminUrl: embeddedPostgresUrls(dataDir, port).admin,
      dataDir,
      stop: async () => {
        await pg.stop();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
