import { execFile } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  constants,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { openDatabase } from '@seguimiento/persistence';
import { DEFAULT_TEMPORAL_DATABASES } from '../temporal-cluster/schema';
import { type DatabaseDump, dumpDatabase, loadDatabase } from './table-dump';

/** Where Temporal keeps its state: the dev server's SQLite file, or the full server's PostgreSQL databases. */
export type TemporalStore = { kind: 'dev'; dbFile: string } | { kind: 'postgres'; urls: string[] };

export interface BackupManifest {
  format: 1;
  takenAt: string;
  /** The event log's last position and size in the copy: what a restore brings back. */
  lastPosition: string;
  events: number;
  app: DatabaseDump;
  temporal: { kind: 'dev'; file: string } | { kind: 'postgres'; databases: DatabaseDump[] };
}

/** The full Temporal server's two databases (its state, visibility) on the server of `url` (its database part replaced). */
export function temporalDatabaseUrls(url: string): string[] {
  return [DEFAULT_TEMPORAL_DATABASES.temporal, DEFAULT_TEMPORAL_DATABASES.visibility].map((db) => {
    const u = new URL(url);
    u.pathname = `/${db}`;
    return u.toString();
  });
}

const MANIFEST = 'manifest.json';
const TEMPORAL_FILE = 'temporal.db';

/**
 * A backup of the whole system, taken while it runs: the application's database and Temporal's
 * state, consistent with each other. For a moment (the time to open the snapshots; with the dev
 * server, to copy its SQLite file) the event log takes no appends (`LOCK TABLE events IN SHARE
 * MODE`): the application's snapshot and Temporal's are then of the same instant as far as the
 * events are concerned — an append in flight is either in both or, its activity not yet completed
 * in Temporal's copy, retried by the restored system (appends are idempotent). The rows are then
 * written from the snapshots (REPEATABLE READ) while the system goes on.
 */
export async function takeBackup(options: {
  databaseUrl: string;
  temporal: TemporalStore;
  to: string;
}): Promise<BackupManifest> {
  if (existsSync(options.to) && readdirSync(options.to).length > 0)
    throw new Error(`${options.to} no está vacía: la copia se escribe en una carpeta nueva`);
  mkdirSync(options.to, { recursive: true, mode: 0o700 });
  const lock = new Client({ connectionString: options.databaseUrl, application_name: 'seguimiento-backup-lock' });
  const app = new Client({ connectionString: options.databaseUrl, application_name: 'seguimiento-backup' });
  const temporalDbs =
    options.temporal.kind === 'postgres'
      ? options.temporal.urls.map(
          (url) => new Client({ connectionString: url, application_name: 'seguimiento-backup' }),
        )
      : [];
  const all = [lock, app, ...temporalDbs];
  try {
    for (const c of all) await c.connect();
    const takenAt = new Date().toISOString();
    await lock.query('BEGIN');
    await lock.query(`SET LOCAL lock_timeout = '30s'`);
    await lock.query('LOCK TABLE events IN SHARE MODE');
    await app.query('BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    const [head] = (
      await app.query('SELECT coalesce(max(position), 0)::text AS last, count(*)::int AS events FROM events')
    ).rows;
    for (const c of temporalDbs) {
      await c.query('BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY');
      await c.query('SELECT count(*) FROM information_schema.tables'); // takes the snapshot
    }
    if (options.temporal.kind === 'dev') await copySqlite(options.temporal.dbFile, join(options.to, TEMPORAL_FILE));
    await lock.query('COMMIT');

    const appDump = await dumpDatabase(app, options.to, 'app');
    await app.query('COMMIT');
    const databases: DatabaseDump[] = [];
    for (const [i, c] of temporalDbs.entries()) {
      databases.push(await dumpDatabase(c, options.to, `temporal${i}`));
      await c.query('COMMIT');
    }
    const manifest: BackupManifest = {
      format: 1,
      takenAt,
      lastPosition: head.last,
      events: head.events,
      app: appDump,
      temporal:
        options.temporal.kind === 'dev' ? { kind: 'dev', file: TEMPORAL_FILE } : { kind: 'postgres', databases },
    };
    writeFileSync(join(options.to, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
    return manifest;
  } finally {
    for (const c of all) await c.end().catch(() => undefined);
  }
}

/**
 * Restores a backup into a fresh system that is not running yet: the application's schema is
 * created (migrations) in `databaseUrl` and the copy's rows loaded into it; Temporal's state is put
 * where the server will read it (the dev server's SQLite file, which must not exist yet, or, for
 * the full server, the databases its schema tool has just created). Refuses a database that
 * already holds events. Then start the system: workflows resume from where the copy left them,
 * and timers that fell due meanwhile fire.
 */
export async function restoreBackup(options: {
  from: string;
  databaseUrl: string;
  temporal: TemporalStore;
}): Promise<BackupManifest> {
  const file = join(options.from, MANIFEST);
  if (!existsSync(file)) throw new Error(`${file} no existe: --desde debe ser la carpeta de una copia`);
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as BackupManifest;
  if (manifest.format !== 1) throw new Error(`${file}: formato ${String(manifest.format)} desconocido`);
  if (manifest.temporal.kind !== options.temporal.kind)
    throw new Error(
      `la copia es de un Temporal ${manifest.temporal.kind === 'dev' ? 'de desarrollo' : 'completo'}; el destino no`,
    );
  const db = await openDatabase(options.databaseUrl, { applicationName: 'seguimiento-restore' }); // the schema
  await db.destroy();
  const client = new Client({ connectionString: options.databaseUrl, application_name: 'seguimiento-restore' });
  await client.connect();
  try {
    const [{ n }] = (await client.query('SELECT count(*)::int AS n FROM events')).rows;
    if (n > 0) throw new Error(`la base de destino ya tiene ${n} eventos: restaure en un sistema nuevo`);
    await loadDatabase(client, options.from, manifest.app, { skip: ['migrations'] });
  } finally {
    await client.end();
  }
  if (manifest.temporal.kind === 'dev' && options.temporal.kind === 'dev') {
    copyFileSync(join(options.from, manifest.temporal.file), options.temporal.dbFile, constants.COPYFILE_EXCL);
    chmodSync(options.temporal.dbFile, 0o600);
  } else if (manifest.temporal.kind === 'postgres' && options.temporal.kind === 'postgres') {
    const { databases } = manifest.temporal;
    if (databases.length !== options.temporal.urls.length)
      throw new Error(
        `la copia tiene ${databases.length} bases de Temporal; el destino ${options.temporal.urls.length}`,
      );
    for (const [i, url] of options.temporal.urls.entries()) {
      const c = new Client({ connectionString: url, application_name: 'seguimiento-restore' });
      await c.connect();
      try {
        // The schema's own bookkeeping is the new schema's; who is in the cluster is the new server's.
        await loadDatabase(c, options.from, databases[i], {
          skip: ['schema_version', 'schema_update_history', 'cluster_membership'],
        });
      } finally {
        await c.end();
      }
    }
  }
  return manifest;
}

/** A consistent copy of a live SQLite file (its online backup API), readable by its owner only. */
async function copySqlite(source: string, target: string): Promise<void> {
  if (!existsSync(source)) throw new Error(`${source} no existe: ¿dónde guarda Temporal su estado?`);
  try {
    await promisify(execFile)('sqlite3', [source, `.backup '${target.replace(/'/g, "''")}'`], { timeout: 120_000 });
  } catch (error) {
    throw new Error(`sqlite3 no pudo copiar ${source}: ${(error as Error).message} (¿está instalado sqlite3?)`);
  }
  chmodSync(target, 0o600);
}
