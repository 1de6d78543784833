import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type TemporalTls, repoRoot, temporalTlsFromEnv } from '@seguimiento/runtime';
import { jwtSecret } from '../demo-tokens';
import { freePort } from '../ports';
import { embeddedPostgresUrls, startEmbeddedPostgres } from '../postgres';
import { startTemporalCluster } from '../temporal-cluster';

/** Which Temporal server the system under test runs on: the dev server (SQLite) or the full server on PostgreSQL. */
export type BenchTemporal = 'dev' | 'cluster';

/** The system under test: where it answers, and the processes whose memory is measured. */
export interface BenchStack {
  graphqlUrl: string;
  databaseUrl: string;
  temporalAddress: string;
  /** TLS towards that Temporal (TEMPORAL_TLS_*, a running cluster with mTLS); undefined for the dev server. */
  temporalTls?: TemporalTls;
  jwtSecret: string;
  /** The worker's and the Temporal server's process ids, when known. */
  pids: { worker: number | null; temporal: number | null };
  /** How many workflows the worker keeps cached (its "worker ready" line says), when known. */
  workerCacheSize: number | null;
  stop(): Promise<void>;
}

/**
 * A running system named by BENCH_GRAPHQL_URL, DATABASE_URL, TEMPORAL_ADDRESS and JWT_SECRET
 * (and TEMPORAL_TLS_* for a cluster with mTLS; memory is measured when BENCH_WORKER_PID and
 * BENCH_TEMPORAL_PID are given too); otherwise
 * `npm start` itself, on free loopback ports with a fresh data folder, stopped at the end.
 */
export async function benchStack(log: (line: string) => void, temporal: BenchTemporal = 'dev'): Promise<BenchStack> {
  const env = process.env;
  if (temporal === 'cluster') return clusterBenchStack(log);
  if (env.BENCH_GRAPHQL_URL) {
    for (const name of ['DATABASE_URL', 'TEMPORAL_ADDRESS', 'JWT_SECRET']) {
      if (!env[name]) throw new Error(`BENCH_GRAPHQL_URL is set, so ${name} must be too (the running system's)`);
    }
    log(`using the running system at ${env.BENCH_GRAPHQL_URL}`);
    return {
      graphqlUrl: env.BENCH_GRAPHQL_URL,
      databaseUrl: env.DATABASE_URL!,
      temporalAddress: env.TEMPORAL_ADDRESS!,
      temporalTls: temporalTlsFromEnv(env),
      jwtSecret: env.JWT_SECRET!,
      pids: { worker: Number(env.BENCH_WORKER_PID) || null, temporal: Number(env.BENCH_TEMPORAL_PID) || null },
      workerCacheSize: env.WORKER_MAX_CACHED_WORKFLOWS ? Number(env.WORKER_MAX_CACHED_WORKFLOWS) : null,
      stop: async () => undefined,
    };
  }
  return startedStack(log, {});
}

/**
 * `npm start` on the full Temporal server (npm run temporal:cluster's: all four services in one
 * process, its state in PostgreSQL — an embedded one of its own, as a separate machine would have),
 * without TLS on loopback. Stopping the stack stops the server and its PostgreSQL too.
 */
async function clusterBenchStack(log: (line: string) => void): Promise<BenchStack> {
  const dataDir = mkdtempSync(join(tmpdir(), 'seguimiento-bench-cluster-'));
  chmodSync(dataDir, 0o755);
  log('starting the full Temporal server on PostgreSQL (built once, then cached)…');
  const postgres = await startEmbeddedPostgres({ dataDir: join(dataDir, 'postgres'), port: await freePort() });
  let cluster: Awaited<ReturnType<typeof startTemporalCluster>> | undefined;
  const stopAll = async (stack?: BenchStack) => {
    await stack?.stop();
    await cluster?.stop().catch(() => undefined);
    await postgres.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    cluster = await startTemporalCluster({ postgres: postgres.temporalUrl, dataDir: join(dataDir, 'temporal-cluster'), log: (line) => log(`  ${line}`) });
    const stack = await startedStack(log, { TEMPORAL_ADDRESS: cluster.address });
    return { ...stack, pids: { ...stack.pids, temporal: cluster.process.pid ?? null }, stop: () => stopAll(stack) };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

/** `npm start` on free loopback ports with a fresh data folder; `extra`: its environment's additions (TEMPORAL_ADDRESS of a cluster). */
async function startedStack(log: (line: string) => void, extra: NodeJS.ProcessEnv): Promise<BenchStack> {
  const env = process.env;
  const dataDir = mkdtempSync(join(tmpdir(), 'seguimiento-bench-'));
  // As root, PostgreSQL runs as the postgres user, who must be able to enter the folder.
  chmodSync(dataDir, 0o755);
  const [gatewayPort, temporalPort, temporalUiPort, postgresPort] = [await freePort(), await freePort(), await freePort(), await freePort()];
  log(`starting the system (npm start) on ports ${gatewayPort}, ${temporalPort}, ${postgresPort}…`);
  const child: ChildProcess = spawn(process.execPath, [join(repoRoot(), 'infra', 'scripts', 'start.js')], {
    env: {
      ...env,
      SEGUIMIENTO_DATA_DIR: dataDir,
      SEGUIMIENTO_DEMO: '0',
      // The bench drives the gateway with one token at full speed: the per-token limit would cap it.
      RATE_LIMIT_PER_MINUTE: '0',
      // Measured as deployed: production mode (graphql-js skips its development-only checks).
      NODE_ENV: 'production',
      PORT: String(gatewayPort),
      TEMPORAL_PORT: String(temporalPort),
      TEMPORAL_UI_PORT: String(temporalUiPort),
      POSTGRES_PORT: String(postgresPort),
      DATABASE_URL: '',
      TEMPORAL_ADDRESS: '',
      ...extra,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the system did not come up in 10 minutes:\n${output.slice(-3000)}`)), 600_000);
    const check = setInterval(() => {
      if (/seguimiento is up/.test(output)) {
        clearInterval(check);
        clearTimeout(timer);
        resolve();
      }
    }, 200);
    child.once('exit', (code) => {
      clearInterval(check);
      clearTimeout(timer);
      reject(new Error(`npm start exited (${code}):\n${output.slice(-3000)}`));
    });
  });
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGINT');
      await new Promise((resolve) => child.once('exit', resolve));
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  return {
    graphqlUrl: `http://127.0.0.1:${gatewayPort}/graphql`,
    databaseUrl: embeddedPostgresUrls(join(dataDir, 'postgres'), postgresPort).app,
    temporalAddress: extra.TEMPORAL_ADDRESS ?? `127.0.0.1:${temporalPort}`,
    jwtSecret: jwtSecret(dataDir),
    pids: { worker: descendant(child.pid!, /run-app\.js worker/), temporal: descendant(child.pid!, /temporal.*start-dev/) },
    workerCacheSize: workerCacheSizeIn(output),
    stop,
  };
}

/** The cache size the worker's "worker ready" line announces in `output`, or null. */
export function workerCacheSizeIn(output: string): number | null {
  const line = output.split('\n').find((l) => l.includes('"msg":"worker ready"'));
  const n = line ? /"maxCachedWorkflows":(\d+)/.exec(line)?.[1] : undefined;
  return n === undefined ? null : Number(n);
}

/** The first process under `root` whose command line matches. */
function descendant(root: number, pattern: RegExp): number | null {
  const rows = execFileSync('ps', ['-eo', 'pid=,ppid=,args='], { encoding: 'utf8' })
    .split('\n')
    .map((l) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(l))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ pid: Number(m[1]), ppid: Number(m[2]), args: m[3] }));
  const under = new Set([root]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const r of rows) {
      if (under.has(r.ppid) && !under.has(r.pid)) {
        under.add(r.pid);
        grew = true;
      }
    }
  }
  // tether.js wraps some children (its command line names theirs): the process itself is the one below it.
  return rows.find((r) => under.has(r.pid) && r.pid !== root && pattern.test(r.args) && !r.args.includes('tether.js'))?.pid ?? null;
}

/** Resident memory of a process in MiB (VmRSS), or null when it cannot be read. */
export function rssMiB(pid: number | null): number | null {
  if (!pid) return null;
  try {
    const kb = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Math.round(Number(kb) / 102.4) / 10 : null;
  } catch {
    return null;
  }
}
