import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@seguimiento/infra/ports';
import { startEmbeddedPostgres } from '@seguimiento/infra/postgres';

/** A real, throw-away PostgreSQL for one test file: its own folder, its own free port. */
export async function startTestPostgres(): Promise<{ url: string; stop(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'seguimiento-pg-'));
  // As root, PostgreSQL runs as the `postgres` user, which must be able to reach the folder.
  chmodSync(dir, 0o755);
  try {
    const pg = await startEmbeddedPostgres({ dataDir: join(dir, 'data'), port: await freePort() });
    return {
      url: pg.url,
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
