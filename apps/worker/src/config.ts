import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findOple } from '@seguimiento/domain';
import { type QuietSettings, parseQuietSettings } from '@seguimiento/mail';
import { type TemporalTls, repoRoot, temporalTlsFromEnv } from '@seguimiento/runtime';

export interface WorkerConfig {
  temporalAddress: string;
  /** TLS (mTLS with a client certificate) towards the frontend: TEMPORAL_TLS_CA, _CERT, _KEY, _SERVER_NAME; undefined: plain gRPC. */
  temporalTls: TemporalTls | undefined;
  namespace: string;
  databaseUrl: string;
  /** Escalations are POSTed here when set; otherwise logged as JSON lines. */
  webhookUrl: string | null;
  /**
   * Workflows kept in memory between tasks. Documents wait for days between oficios, so a small
   * cache bounds the worker's memory whatever the number of open documents; an evicted workflow
   * is rebuilt from its history at its next task (WORKER_MAX_CACHED_WORKFLOWS, default 250).
   * Each cached workflow is a V8 context in the workflow thread, ≈0.3–0.7 MiB: with 10,000 open
   * documents the worker held 626 MiB with 250 cached and 860–1,175 MiB with 1,000, while its
   * main-thread heap was 82 MiB (README, Benchmarks).
   */
  maxCachedWorkflows: number;
  /** Seeds the directory of who receives mail (SEGUIMIENTO_DIRECTORY_FILE, default config/directory.json). */
  directoryFile: string;
  /** Where mail is sent (SMTP_URL, e.g. smtp://user:pass@host:587); null: the outbox waits. npm start sets its catcher's. */
  smtpUrl: string | null;
  /** The console's base URL for the links in mail (CONSOLE_URL). */
  consoleUrl: string;
  /** The From: of the mail (MAIL_FROM). */
  mailFrom: string;
  /** The envelope sender, where bounces go (MAIL_BOUNCE_ADDRESS); null: MAIL_FROM's address. */
  bounceAddress: string | null;
}

export function workerConfig(env: NodeJS.ProcessEnv = process.env): WorkerConfig {
  if (!env.DATABASE_URL)
    throw new Error('DATABASE_URL is not set: point it at the PostgreSQL server (npm start sets it for you)');
  return {
    temporalAddress: env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233',
    temporalTls: temporalTlsFromEnv(env),
    namespace: env.TEMPORAL_NAMESPACE ?? 'default',
    databaseUrl: env.DATABASE_URL,
    webhookUrl: env.NOTIFY_WEBHOOK_URL || null,
    maxCachedWorkflows: cacheSize(env.WORKER_MAX_CACHED_WORKFLOWS),
    directoryFile: env.SEGUIMIENTO_DIRECTORY_FILE || join(repoRoot(), 'config', 'directory.json'),
    smtpUrl: env.SMTP_URL || null,
    consoleUrl: env.CONSOLE_URL || `http://127.0.0.1:${env.PORT || 4000}`,
    mailFrom: env.MAIL_FROM || 'Seguimiento PREP <seguimiento@localhost>',
    bounceAddress: env.MAIL_BOUNCE_ADDRESS || null,
  };
}

function cacheSize(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 250;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0)
    throw new Error(`WORKER_MAX_CACHED_WORKFLOWS: "${raw}" must be a whole number (0 or more)`);
  return n;
}

/** The quiet hours and weekends of each institution: the directory file's `institutions` object. */
export function quietSettingsFromFile(path: string): QuietSettings {
  let parsed: { institutions?: unknown };
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8')) as { institutions?: unknown };
  } catch (error) {
    throw new Error(`${path}: no se pudo leer el directorio (${(error as Error).message})`);
  }
  try {
    return parseQuietSettings(parsed.institutions, (key) => key === 'INE' || findOple(key) !== undefined);
  } catch (error) {
    throw new Error(`${path}: ${(error as Error).message}`);
  }
}
