import { chmodSync, existsSync } from 'node:fs';
import { Connection } from '@temporalio/client';
import type { TemporalTls } from '@seguimiento/runtime';
import { ManagedProcess } from './managed-process';

export interface TemporalDevServerOptions {
  cli: string;
  port: number;
  uiPort?: number;
  /** SQLite file that keeps the server's state across restarts; omitted: in memory. */
  dbFile?: string;
  namespace?: string;
  onLine?: (line: string) => void;
}

export interface RunningTemporal {
  address: string;
  uiUrl: string | null;
  namespace: string;
  /** null when the cluster is external (TEMPORAL_ADDRESS): we neither started nor stop it. */
  process: ManagedProcess | null;
  stop(): Promise<void>;
}

/** The SQLite file and the two SQLite keeps beside it in WAL mode. */
export const sqliteFiles = (dbFile: string): string[] => [dbFile, `${dbFile}-wal`, `${dbFile}-shm`];

/**
 * Starts `temporal server start-dev` on loopback and waits until its frontend answers.
 *
 * Every listener — the frontend's gRPC and HTTP ports, the other services, metrics and the web
 * UI (which defaults to `--ip`) — is bound to 127.0.0.1 by `--ip`. The dev server has no
 * authentication, so any local user can still reach them (README, "What the dev server does not
 * protect"); what it keeps on disk is the owner's alone: the CLI runs with umask 077, so the
 * SQLite file is created 0600 (SQLite gives its -wal and -shm files the database file's mode),
 * and files left 0644 by an earlier version are made 0600 before it opens them.
 */
export async function startTemporalDevServer(options: TemporalDevServerOptions): Promise<RunningTemporal> {
  const namespace = options.namespace ?? 'default';
  const args = [
    'server',
    'start-dev',
    '--ip',
    '127.0.0.1',
    '--port',
    String(options.port),
    '--namespace',
    namespace,
    '--log-level',
    'warn',
  ];
  if (options.uiPort) args.push('--ui-port', String(options.uiPort));
  else args.push('--headless');
  // A file keeps the state across restarts. WAL with synchronous=NORMAL: a crash of the server
  // loses nothing, and each write no longer waits for its own fsync (SQLite's default made every
  // workflow task wait for the disk; see README, Benchmarks).
  if (options.dbFile) {
    args.push(
      '--db-filename',
      options.dbFile,
      '--sqlite-pragma',
      'journal_mode=wal',
      '--sqlite-pragma',
      'synchronous=normal',
    );
    // The CLI sets up the schema only when the file does not exist: the file cannot be made
    // beforehand, hence the umask below.
    for (const file of sqliteFiles(options.dbFile)) if (existsSync(file)) chmodSync(file, 0o600);
  }
  const process = new ManagedProcess({
    name: 'temporal',
    // `exec` keeps the CLI in the shell's place: same process, same signals.
    command: '/bin/sh',
    args: ['-c', 'umask 077 && exec "$0" "$@"', options.cli, ...args],
    tether: 'wrap',
    onLine: options.onLine ? (line) => options.onLine!(line) : undefined,
  });
  const address = `127.0.0.1:${options.port}`;
  await waitForTemporal(address, namespace, process, 60_000);
  return {
    address,
    uiUrl: options.uiPort ? `http://127.0.0.1:${options.uiPort}` : null,
    namespace,
    process,
    stop: () => process.stop(),
  };
}

/** Polls the frontend until the namespace is served (the dev server registers it at start). */
export async function waitForTemporal(
  address: string,
  namespace: string,
  process: ManagedProcess | null,
  timeoutMs: number,
  tls?: TemporalTls,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    if (process && !process.running) {
      throw new Error(
        `temporal server exited before it was ready\n${process.firstLines(6)}\n…\n${process.lastLines(8)}`,
      );
    }
    try {
      const connection = await Connection.connect({ address, connectTimeout: 1000, tls });
      try {
        await connection.workflowService.describeNamespace({ namespace });
        return;
      } finally {
        await connection.close();
      }
    } catch (error) {
      lastError = error;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  throw new Error(`Temporal at ${address} not ready after ${timeoutMs / 1000} s: ${(lastError as Error)?.message}`);
}
