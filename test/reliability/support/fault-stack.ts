import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import { Tokens } from '@seguimiento/auth';
import { openDatabase } from '@seguimiento/persistence';
import { type TemporalTls, repoRoot } from '@seguimiento/runtime';
import { ManagedProcess } from '@seguimiento/infra/managed-process';
import { freePort } from '@seguimiento/infra/ports';
import { type RunningPostgres, startEmbeddedPostgres } from '@seguimiento/infra/postgres';
import { ensureTemporalCli } from '@seguimiento/infra/temporal-cli';
import { startTemporalDevServer } from '@seguimiento/infra/temporal-server';
import { FaultLog } from './fault-log';

/** A Temporal server the stack can kill and bring back with its state. */
export interface TemporalUnderTest {
  address: string;
  /** A cluster with mutual TLS: the TEMPORAL_TLS_* each kind of app gets, and the test's own connection's TLS. */
  tls?: { env(app: 'worker' | 'gateway'): Record<string, string>; client: TemporalTls };
  kill(): Promise<void>;
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export interface FaultStackOptions {
  workers?: number;
  gateways?: number;
  /**
   * The Temporal server; default: the dev server with its state in a SQLite file.
   * `postgres.temporalUrl` is the role allowed to create Temporal's databases (`url` is the application's).
   */
  temporal?: (dataDir: string, postgres: { url: string; temporalUrl: string }) => Promise<TemporalUnderTest>;
  /** Runs once PostgreSQL is up, before Temporal and the apps start (e.g. a restore from a backup). */
  prepare?: (dataDir: string, postgres: { url: string; temporalUrl: string }) => Promise<void>;
  /** Extra environment of every worker (e.g. SMTP_URL, so the outbox's mail goes to a test server). */
  workerEnv?: NodeJS.ProcessEnv;
  /**
   * The source tree whose compiled apps run (`<appRoot>/dist`, started by its own
   * `infra/scripts/run-app.js`); default: this repository. The upgrade drill starts a release's.
   */
  appRoot?: string;
}

/**
 * The real system as separate processes — embedded PostgreSQL, a Temporal server, N workers and
 * N gateways (the compiled apps, as `npm start` runs them) — each of which a test can kill with
 * SIGKILL, stop and bring back on the same ports and data. Every line each process prints is kept
 * in the fault log with its time, so the invariants can tell errors the faults explain from others.
 */
export class FaultStack {
  readonly log = new FaultLog();
  readonly tokens: Tokens;
  readonly adminToken: string;
  private readonly workers: Array<ManagedProcess | null> = [];
  private readonly gateways: Array<ManagedProcess | null> = [];
  private postgres: RunningPostgres | null = null;
  private testDb: DataSource | null = null;
  private testTemporal: Client | null = null;
  /** The role that owns the full Temporal server's databases on this stack's PostgreSQL. */
  temporalDatabaseUrl = '';

  private constructor(
    readonly dataDir: string,
    private readonly postgresPort: number,
    private readonly gatewayPorts: number[],
    private readonly jwtSecret: string,
    public databaseUrl: string,
    public temporal: TemporalUnderTest,
    private readonly workerEnv: NodeJS.ProcessEnv = {},
    private appRoot: string,
  ) {
    this.tokens = new Tokens(jwtSecret);
    this.adminToken = this.tokens.issue({ subject: 'fiabilidad@ine', role: 'ADMIN', institution: 'INE' });
  }

  static async start(options: FaultStackOptions = {}): Promise<FaultStack> {
    const appRoot = options.appRoot ?? repoRoot();
    checkBuilt(appRoot);
    const dataDir = mkdtempSync(join(tmpdir(), 'seguimiento-reliability-'));
    chmodSync(dataDir, 0o755); // as root, PostgreSQL runs as `postgres` and must reach its folder
    const postgresPort = await freePort();
    const gatewayPorts: number[] = [];
    for (let i = 0; i < (options.gateways ?? 1); i++) gatewayPorts.push(await freePort());
    const postgres = await startEmbeddedPostgres({ dataDir: join(dataDir, 'postgres'), port: postgresPort });
    let temporal: TemporalUnderTest;
    try {
      await options.prepare?.(dataDir, postgres);
      temporal = await (options.temporal ?? devTemporal)(dataDir, postgres);
    } catch (error) {
      await postgres.stop();
      throw error;
    }
    const stack = new FaultStack(
      dataDir,
      postgresPort,
      gatewayPorts,
      randomBytes(32).toString('hex'),
      postgres.url,
      temporal,
      options.workerEnv,
      appRoot,
    );
    stack.postgres = postgres;
    stack.temporalDatabaseUrl = postgres.temporalUrl;
    try {
      await stack.startApps(options.workers ?? 1);
    } catch (error) {
      await stack.stop();
      throw error;
    }
    return stack;
  }

  get graphqlUrls(): string[] {
    return this.gatewayPorts.map((port) => `http://127.0.0.1:${port}/graphql`);
  }

  readyUrl(i: number): string {
    return `http://127.0.0.1:${this.gatewayPorts[i]}/ready`;
  }

  /** The test's own connection to the event store and read models. */
  async db(): Promise<DataSource> {
    if (!this.testDb?.isInitialized)
      this.testDb = await openDatabase(this.databaseUrl, { applicationName: 'seguimiento-reliability' });
    return this.testDb;
  }

  async temporalClient(): Promise<Client> {
    if (!this.testTemporal)
      this.testTemporal = new Client({
        connection: await Connection.connect({ address: this.temporal.address, tls: this.temporal.tls?.client }),
      });
    return this.testTemporal;
  }

  async startWorker(i: number): Promise<void> {
    this.workers[i] = await this.startApp('worker', `worker-${i + 1}`, this.workerEnv, /"msg":"worker ready"/);
  }

  async startGateway(i: number): Promise<void> {
    this.gateways[i] = await this.startApp(
      'gateway',
      `gateway-${i + 1}`,
      { PORT: String(this.gatewayPorts[i]) },
      /"msg":"gateway ready"/,
    );
  }

  /** Starts `workers` workers, then the gateways: the first worker migrates the schema; the others and the gateways find it ready. */
  private async startApps(workers: number): Promise<void> {
    for (let i = 0; i < workers; i++) await this.startWorker(i);
    for (let i = 0; i < this.gatewayPorts.length; i++) await this.startGateway(i);
  }

  /** Stops every worker and gateway gracefully (SIGTERM), leaving PostgreSQL and Temporal running. */
  async stopApps(): Promise<void> {
    for (const apps of [this.gateways, this.workers])
      for (let i = 0; i < apps.length; i++) {
        await apps[i]?.stop();
        apps[i] = null;
      }
  }

  /**
   * Starts the compiled apps of another source tree (`<appRoot>/dist`) on the same PostgreSQL,
   * Temporal and ports, as many of each as before (stopApps first): an upgrade, or a rollback.
   */
  async switchApps(appRoot: string): Promise<void> {
    checkBuilt(appRoot);
    this.appRoot = appRoot;
    await this.startApps(Math.max(1, this.workers.length));
  }

  /** kill -9, and wait until the process is gone. */
  async killWorker(i: number): Promise<void> {
    await killHard(this.workers[i]);
    this.workers[i] = null;
  }

  async killGateway(i: number): Promise<void> {
    await killHard(this.gateways[i]);
    this.gateways[i] = null;
  }

  /** Stops PostgreSQL (a clean shutdown: connections are cut, the data stays). */
  async stopPostgres(): Promise<void> {
    await this.postgres?.stop();
    this.postgres = null;
  }

  async startPostgres(): Promise<void> {
    this.postgres = await startEmbeddedPostgres({ dataDir: join(this.dataDir, 'postgres'), port: this.postgresPort });
  }

  async stop(): Promise<void> {
    const steps: Array<() => Promise<unknown>> = [
      ...this.gateways.map((g) => () => g?.stop() ?? Promise.resolve()),
      ...this.workers.map((w) => () => w?.stop() ?? Promise.resolve()),
      () => this.testTemporal?.connection.close() ?? Promise.resolve(),
      () => (this.testDb?.isInitialized ? this.testDb.destroy() : Promise.resolve()),
      () => this.temporal.stop(),
      () => this.postgres?.stop() ?? Promise.resolve(),
    ];
    for (const step of steps) await step().catch((e: Error) => console.error(`stopping: ${e.message}`));
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  private async startApp(
    app: 'worker' | 'gateway',
    name: string,
    extra: NodeJS.ProcessEnv,
    ready: RegExp,
  ): Promise<ManagedProcess> {
    const child = new ManagedProcess({
      name,
      command: process.execPath,
      args: [join(this.appRoot, 'infra', 'scripts', 'run-app.js'), app],
      cwd: this.appRoot,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        DATABASE_URL: this.databaseUrl,
        TEMPORAL_ADDRESS: this.temporal.address,
        TEMPORAL_NAMESPACE: 'default',
        ...this.temporal.tls?.env(app),
        JWT_SECRET: this.jwtSecret,
        // The load comes from one token at full speed: the per-token limit is not under test here.
        RATE_LIMIT_PER_MINUTE: '0',
        ...extra,
      },
      tether: 'node',
      onLine: (line) => this.log.line(name, line),
    });
    await child.waitForLine(ready, 120_000);
    return child;
  }
}

function checkBuilt(appRoot: string): void {
  const main = join(appRoot, 'dist', 'apps', 'gateway', 'src', 'main.js');
  if (!existsSync(main))
    throw new Error(`${main} is missing: run \`npm run build\` (npm run test:reliability builds first)`);
}

async function killHard(child: ManagedProcess | null | undefined): Promise<void> {
  if (!child) return;
  child.kill();
  await child.exited;
}

/** The dev server with its state in a SQLite file, so a restart finds every workflow and timer. */
async function devTemporal(dataDir: string): Promise<TemporalUnderTest> {
  const cli = await ensureTemporalCli();
  const port = await freePort();
  const dbFile = join(dataDir, 'temporal.db');
  let running = await startTemporalDevServer({ cli, port, dbFile });
  return {
    address: running.address,
    kill: async () => {
      running.process?.kill();
      await running.process?.exited;
    },
    restart: async () => {
      running = await startTemporalDevServer({ cli, port, dbFile });
    },
    stop: () => running.stop(),
  };
}
