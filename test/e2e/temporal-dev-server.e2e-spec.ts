import { chmodSync, existsSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { freePort } from '@seguimiento/infra/ports';
import { ensureTemporalCli } from '@seguimiento/infra/temporal-cli';
import { type RunningTemporal, sqliteFiles, startTemporalDevServer } from '@seguimiento/infra/temporal-server';

/**
 * What `npm start` runs Temporal with: the dev server, with its state in a SQLite file. It has no
 * authentication, so it must listen on loopback only, and its file — every workflow's history,
 * actors included — must be readable by its owner only.
 */
describe('Temporal dev server (npm start)', () => {
  let dir: string;
  let dbFile: string;
  let cli: string;
  let port: number;
  let uiPort: number;
  let server: RunningTemporal | null = null;

  beforeAll(async () => {
    cli = await ensureTemporalCli((line) => console.log(line));
    dir = mkdtempSync(join(tmpdir(), 'seguimiento-dev-server-'));
    dbFile = join(dir, 'temporal.db');
    port = await freePort();
    uiPort = await freePort();
  }, 20 * 60_000);

  afterAll(async () => {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const start = async () => {
    server = await startTemporalDevServer({ cli, port, uiPort, dbFile });
    // A write, so that SQLite has its -wal and -shm files too.
    const connection = await Connection.connect({ address: server.address });
    try {
      const handle = await new Client({ connection }).workflow.start('DevServerProbe', {
        workflowId: `probe-${Date.now()}`,
        taskQueue: 'dev-server-probe',
      });
      await handle.terminate();
    } finally {
      await connection.close();
    }
  };
  const modes = () =>
    sqliteFiles(dbFile)
      .filter(existsSync)
      .map((file) => `${file.slice(dir.length + 1)} ${(statSync(file).mode & 0o777).toString(8)}`);

  it('creates its SQLite files 0600 and listens on 127.0.0.1 only (frontend, web UI and every other port)', async () => {
    await start();
    expect(modes()).toEqual(['temporal.db 600', 'temporal.db-wal 600', 'temporal.db-shm 600']);

    const sockets = listeningSockets(server!.process!.pid!);
    expect(sockets.map((s) => s.port)).toEqual(expect.arrayContaining([port, uiPort]));
    expect(sockets.length).toBeGreaterThanOrEqual(4); // the frontend's gRPC and HTTP, history, matching, worker, metrics, the UI
    expect(sockets.filter((s) => s.address !== '127.0.0.1')).toEqual([]);
  }, 120_000);

  it('makes files an earlier version left 0644 readable by their owner only, before opening them', async () => {
    await server!.stop();
    server = null;
    for (const file of sqliteFiles(dbFile).filter(existsSync)) chmodSync(file, 0o644);
    await start();
    expect(modes()).toEqual(['temporal.db 600', 'temporal.db-wal 600', 'temporal.db-shm 600']);
  }, 120_000);
});

/** The TCP sockets a process and its descendants listen on (Linux: /proc), with their local address. */
function listeningSockets(rootPid: number): Array<{ address: string; port: number }> {
  const pids = [rootPid];
  for (let i = 0; i < pids.length; i++) {
    for (const task of safe(() => readdirSync(`/proc/${pids[i]}/task`), [])) {
      const children = safe(() => readFileSync(`/proc/${pids[i]}/task/${task}/children`, 'utf8'), '');
      pids.push(...children.split(' ').filter(Boolean).map(Number));
    }
  }
  const inodes = new Set<string>();
  for (const pid of pids) {
    for (const fd of safe(() => readdirSync(`/proc/${pid}/fd`), [])) {
      const match = /^socket:\[(\d+)\]$/.exec(safe(() => readlinkSync(`/proc/${pid}/fd/${fd}`), ''));
      if (match) inodes.add(match[1]);
    }
  }
  const sockets: Array<{ address: string; port: number }> = [];
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const line of safe(() => readFileSync(table, 'utf8'), '')
      .split('\n')
      .slice(1)) {
      const fields = line.trim().split(/\s+/);
      // sl local_address rem_address st … inode (the 10th field); st 0A is LISTEN.
      if (fields.length < 10 || fields[3] !== '0A' || !inodes.has(fields[9])) continue;
      const [hex, portHex] = fields[1].split(':');
      sockets.push({ address: procAddress(hex), port: parseInt(portHex, 16) });
    }
  }
  return sockets;
}

/** /proc/net's hex address: IPv4 in host (little-endian) byte order; IPv6 as four such words. */
function procAddress(hex: string): string {
  const v4 = (h: string) => [6, 4, 2, 0].map((i) => parseInt(h.slice(i, i + 2), 16)).join('.');
  if (hex.length === 8) return v4(hex);
  if (hex === '0'.repeat(32)) return '::';
  if (hex.startsWith('0000000000000000FFFF0000')) return v4(hex.slice(24)); // ::ffff:a.b.c.d
  if (hex === '00000000000000000000000001000000') return '::1';
  return hex;
}

function safe<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch {
    return fallback;
  }
}
