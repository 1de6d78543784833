import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { repoRoot } from '@seguimiento/runtime';
import { ManagedProcess } from './managed-process';
import { StartupError } from './ports';

export interface RunningPostgres {
  /** The application's URL: role `seguimiento`, not a superuser, owner of its database. */
  url: string;
  /**
   * For the full Temporal server's schema tool: role `temporal`, allowed to create databases (and
   * owner of those it creates), nothing more. The same as `url` for an external server.
   */
  temporalUrl: string;
  /** null when the server is external (DATABASE_URL): we neither started nor stop it. */
  process: ManagedProcess | null;
  stop(): Promise<void>;
}

/** The embedded server's roles and passwords, generated once per data folder by infra/scripts/embedded-postgres.mjs. */
export interface EmbeddedPostgresCredentials {
  /** The superuser (`postgres`): administration by hand only. */
  admin: { user: string; password: string };
  /** The application (`seguimiento`). */
  app: { user: string; password: string };
  /** The full Temporal server (`temporal`, CREATEDB). */
  temporal: { user: string; password: string };
}

/** Where the credentials of the embedded server whose data is in `dataDir` are kept (mode 0600). */
export function credentialsFileOf(dataDir: string): string {
  return `${resolve(dataDir)}.credentials.json`;
}

function readEmbeddedCredentials(dataDir: string): EmbeddedPostgresCredentials {
  const file = credentialsFileOf(dataDir);
  if (!existsSync(file)) {
    throw new StartupError(`${file} is missing (the embedded PostgreSQL writes it at its first start)`);
  }
  return JSON.parse(readFileSync(file, 'utf8')) as EmbeddedPostgresCredentials;
}

/** The three roles' URLs for the embedded server of `dataDir` on 127.0.0.1:`port`. */
export function embeddedPostgresUrls(
  dataDir: string,
  port: number,
  database = 'seguimiento',
): { app: string; temporal: string; admin: string } {
  const credentials = readEmbeddedCredentials(dataDir);
  const url = (who: { user: string; password: string }, db: string) =>
    `postgres://${encodeURIComponent(who.user)}:${encodeURIComponent(who.password)}@127.0.0.1:${port}/${encodeURIComponent(db)}`;
  return {
    app: url(credentials.app, database),
    temporal: url(credentials.temporal, 'postgres'),
    admin: url(credentials.admin, 'postgres'),
  };
}

/**
 * DATABASE_URL, or the application's URL on the embedded server of a running `npm start`
 * (SEGUIMIENTO_DATA_DIR or .data/, POSTGRES_PORT or 5433): for the command-line tools.
 */
export function defaultDatabaseUrl(env: NodeJS.ProcessEnv = globalThis.process.env): string {
  if (env.DATABASE_URL) return env.DATABASE_URL;
  const dataDir = join(env.SEGUIMIENTO_DATA_DIR || join(repoRoot(), '.data'), 'postgres');
  return embeddedPostgresUrls(dataDir, Number(env.POSTGRES_PORT || 5433)).app;
}

/**
 * Starts a real PostgreSQL from the embedded-postgres package, keeping its data in `dataDir` and
 * its roles' passwords in `credentialsFileOf(dataDir)`. `log` gets what the server has to say
 * (e.g. that it upgraded an old data folder).
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  database?: string;
  log?: (line: string) => void;
}): Promise<RunningPostgres> {
  const script = join(repoRoot(), 'infra', 'scripts', 'embedded-postgres.mjs');
  const database = options.database ?? 'seguimiento';
  const args = [script, '--dir', options.dataDir, '--port', String(options.port), '--database', database];
  const onLine = (line: string) => {
    const note = /^NOTE (.*)$/.exec(line);
    if (note) options.log?.(note[1]);
  };
  const process = new ManagedProcess({
    name: 'postgres',
    command: globalThis.process.execPath,
    args,
    tether: 'node',
    onLine,
  });
  await process.waitForLine(/^READY (\S+)$/, 120_000);
  const urls = embeddedPostgresUrls(options.dataDir, options.port, database);
  return { url: urls.app, temporalUrl: urls.temporal, process, stop: () => process.stop() };
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
  return { url, temporalUrl: url, process: null, stop: async () => undefined };
}

export function redact(url: string): string {
  return url.replace(/\/\/([^:/@]+):([^@]+)@/, '//$1:***@');
}
