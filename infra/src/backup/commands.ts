import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { repoRoot } from '@seguimiento/runtime';
import { freePort } from '../ports';
import { defaultDatabaseUrl, redact, startEmbeddedPostgres } from '../postgres';
import { setupTemporalSchema } from '../temporal-cluster/schema';
import { type TemporalStore, restoreBackup, takeBackup, temporalDatabaseUrls } from './backup';

const USAGE = {
  backup: 'uso: npm run backup -- <carpeta nueva> [--temporal-postgres <postgres://…>]',
  restore: 'uso: npm run restore -- <carpeta de la copia> [--temporal-postgres <postgres://…>]',
};

interface Args {
  folder: string;
  /** The full Temporal server's PostgreSQL (a role that owns its databases); absent: the dev server's SQLite. */
  temporalPostgres: string | null;
}

function parse(argv: string[], command: 'backup' | 'restore'): Args | null {
  let folder: string | null = null;
  let temporalPostgres = process.env.TEMPORAL_POSTGRES_URL || null;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--temporal-postgres') temporalPostgres = argv[++i] ?? null;
    else if (argv[i].startsWith('-') || folder) return null;
    else folder = resolve(argv[i]);
  }
  if (!folder) {
    console.error(`error: falta la carpeta\n${USAGE[command]}`);
    return null;
  }
  return { folder, temporalPostgres };
}

const dataDir = () => process.env.SEGUIMIENTO_DATA_DIR || join(repoRoot(), '.data');

/**
 * `npm run backup -- <carpeta>`: a backup of the running system (DATABASE_URL or `npm start`'s
 * embedded PostgreSQL; Temporal's dev server SQLite in SEGUIMIENTO_DATA_DIR, or with
 * --temporal-postgres the full server's databases).
 */
export async function backupMain(argv: string[]): Promise<number> {
  const args = parse(argv, 'backup');
  if (!args) return 2;
  const temporal: TemporalStore = args.temporalPostgres
    ? { kind: 'postgres', urls: temporalDatabaseUrls(args.temporalPostgres) }
    : { kind: 'dev', dbFile: join(dataDir(), 'temporal.db') };
  const databaseUrl = defaultDatabaseUrl();
  const started = Date.now();
  const manifest = await takeBackup({ databaseUrl, temporal, to: args.folder });
  const rows = manifest.app.tables.reduce((n, t) => n + t.rows, 0);
  console.log(
    `copia en ${args.folder} (${((Date.now() - started) / 1000).toFixed(1)} s): ${manifest.events} eventos (hasta la posición ${manifest.lastPosition}), ${rows} filas de ${redact(databaseUrl)}, ${
      manifest.temporal.kind === 'dev'
        ? 'el estado de Temporal (SQLite)'
        : `${manifest.temporal.databases.reduce((n, d) => n + d.tables.reduce((m, t) => m + t.rows, 0), 0)} filas de Temporal`
    }`,
  );
  return 0;
}

/**
 * `npm run restore -- <carpeta>`: restores a backup into a fresh system that is not running —
 * with DATABASE_URL into that (empty) database, otherwise into a new embedded PostgreSQL in
 * SEGUIMIENTO_DATA_DIR (or .data/), started for the restore and stopped after; Temporal's state into
 * the dev server's SQLite file there, or with --temporal-postgres into the full server's databases
 * (created with its schema first). Then `npm start` (or the cluster) resumes from the copy.
 */
export async function restoreMain(argv: string[]): Promise<number> {
  const args = parse(argv, 'restore');
  if (!args) return 2;
  const dir = dataDir();
  const dbFile = join(dir, 'temporal.db');
  if (!args.temporalPostgres && existsSync(dbFile)) {
    console.error(`error: ${dbFile} ya existe: restaure en un SEGUIMIENTO_DATA_DIR nuevo (o mueva .data/ a otro lado)`);
    return 2;
  }
  let stop = async () => undefined as void;
  /** What this restore created, removed again if it fails, so that it can be run again as it was. */
  let created: string | null = null;
  let databaseUrl = process.env.DATABASE_URL || '';
  const temporalPostgres = args.temporalPostgres;
  if (!databaseUrl) {
    const pgDir = join(dir, 'postgres');
    if (existsSync(pgDir)) {
      console.error(`error: ${pgDir} ya existe: restaure en un SEGUIMIENTO_DATA_DIR nuevo`);
      return 2;
    }
    mkdirSync(dir, { recursive: true, mode: 0o755 });
    const port = await freePort();
    created = pgDir;
    const pg = await startEmbeddedPostgres({ dataDir: pgDir, port });
    stop = () => pg.stop();
    databaseUrl = pg.url;
  }
  try {
    if (temporalPostgres) await setupTemporalSchema({ postgres: temporalPostgres });
    const manifest = await restoreBackup({
      from: args.folder,
      databaseUrl,
      temporal: temporalPostgres
        ? { kind: 'postgres', urls: temporalDatabaseUrls(temporalPostgres) }
        : { kind: 'dev', dbFile },
    });
    console.log(
      `restaurada la copia del ${manifest.takenAt}: ${manifest.events} eventos en ${redact(databaseUrl)}; lo registrado después de esa hora no está en la copia`,
    );
  } catch (error) {
    await stop();
    stop = async () => undefined;
    // Nothing half-restored is left behind: the PostgreSQL and the SQLite file this run made go.
    if (created) rmSync(created, { recursive: true, force: true });
    if (!temporalPostgres) rmSync(dbFile, { force: true });
    throw error;
  } finally {
    await stop();
  }
  return 0;
}
