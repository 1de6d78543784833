// Temporal's two PostgreSQL databases, created and brought to the latest schema by temporal-sql-tool.
import { execFileSync } from 'node:child_process';
import { StartupError } from '../ports';
import { redact } from '../postgres';
import { ensureTemporalServerBinaries } from './binaries';

export interface PostgresEndpoint {
  host: string;
  port: number;
  user: string;
  password: string;
}

/** Temporal's two databases: its state, and visibility (the lists and searches). */
export interface TemporalDatabases {
  temporal: string;
  visibility: string;
}

export const DEFAULT_TEMPORAL_DATABASES: TemporalDatabases = {
  temporal: 'temporal',
  visibility: 'temporal_visibility',
};

/** host, port, user and password of a `postgres://user:pass@host:port/db` URL (the database is ignored). */
export function postgresEndpoint(postgres: PostgresEndpoint | string): PostgresEndpoint {
  if (typeof postgres !== 'string') return postgres;
  const url = new URL(postgres);
  if (!/^postgres(ql)?:$/.test(url.protocol)) throw new StartupError(`${redact(postgres)} is not a postgres:// URL`);
  return {
    host: url.hostname,
    port: Number(url.port || 5432),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
  };
}

/** Schema directories embedded in the server module (go.temporal.io/server/schema). */
const SCHEMAS: Record<keyof TemporalDatabases, string> = {
  temporal: 'postgresql/v12/temporal',
  visibility: 'postgresql/v12/visibility',
};

export interface TemporalSchemaOptions {
  /** A `postgres://` URL or its parts; the user must be allowed to create databases. */
  postgres: PostgresEndpoint | string;
  databases?: TemporalDatabases;
  /** Defaults to the cached build (ensureTemporalServerBinaries). */
  sqlTool?: string;
  log?: (line: string) => void;
}

/**
 * Creates Temporal's databases and brings their schema to the latest version with
 * temporal-sql-tool: `create-database`, `setup-schema -v 0.0` (the version tables), then
 * `update-schema --schema-name postgresql/v12/…` (every versioned migration, from the SQL files
 * embedded in the tool). Idempotent: on an up-to-date schema every step is a no-op.
 */
export async function setupTemporalSchema(options: TemporalSchemaOptions): Promise<void> {
  const sqlTool = options.sqlTool ?? (await ensureTemporalServerBinaries(options.log)).sqlTool;
  const pg = postgresEndpoint(options.postgres);
  const databases = options.databases ?? DEFAULT_TEMPORAL_DATABASES;
  // The connection goes through the environment, so that the password stays out of `ps`.
  const env = {
    ...process.env,
    SQL_PLUGIN: 'postgres12',
    SQL_HOST: pg.host,
    SQL_PORT: String(pg.port),
    SQL_USER: pg.user,
    SQL_PASSWORD: pg.password,
  };
  for (const which of ['temporal', 'visibility'] as const) {
    for (const step of sqlToolSteps(SCHEMAS[which])) {
      try {
        execFileSync(sqlTool, ['--database', databases[which], ...step], { env, stdio: ['ignore', 'pipe', 'pipe'] });
      } catch (error) {
        const output = `${(error as { stdout?: Buffer }).stdout ?? ''}${(error as { stderr?: Buffer }).stderr ?? ''}`;
        throw new StartupError(
          `temporal-sql-tool ${step[0]} on database ${databases[which]} at ${pg.host}:${pg.port} (user ${pg.user}) failed: ${lastLines(output, 8)}`,
        );
      }
    }
  }
}

/** The three temporal-sql-tool commands that create one database and bring its schema up to date. */
export function sqlToolSteps(schemaName: string): string[][] {
  return [['create-database'], ['setup-schema', '--version', '0.0'], ['update-schema', '--schema-name', schemaName]];
}

function lastLines(text: string, n: number): string {
  return text.trim().split('\n').slice(-n).join('\n') || '(no output)';
}
