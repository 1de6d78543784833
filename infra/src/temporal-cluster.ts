import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { msToTs } from '@temporalio/common/lib/time';
import { type TemporalTls, repoRoot } from '@seguimiento/runtime';
import { CommandFailed, onPath, runWithProgress } from './executables';
import { ManagedProcess } from './managed-process';
import { StartupError, isPortFree } from './ports';
import { type RunningPostgres, credentialsFileOf, redact, startEmbeddedPostgres } from './postgres';
import type { RunningTemporal } from './temporal-server';
import { type ClusterTls, DEFAULT_TLS_HOSTS, clusterClientTls, clusterTlsYaml, ensureClusterCertificates, temporalTlsEnv } from './temporal-tls';

/**
 * The full Temporal server — frontend, history, matching and worker services in one process,
 * joined by ringpop membership and keeping every bit of state in PostgreSQL — as opposed to the
 * dev server (`temporal server start-dev`, SQLite). The version the pinned CLI embeds.
 */
export const TEMPORAL_SERVER_VERSION = '1.29.1';

/** infra/temporal-server: the project's Go module that pins go.temporal.io/server and its go.sum. */
const goModuleDir = (): string => join(repoRoot(), 'infra', 'temporal-server');
export const temporalServerCacheDir = (): string => join(repoRoot(), '.cache', 'temporal-server', TEMPORAL_SERVER_VERSION);

export interface TemporalServerBinaries {
  /** go.temporal.io/server/cmd/server: `temporal-server --root DIR --config config --env ENV start`. */
  server: string;
  /** go.temporal.io/server/cmd/tools/sql: creates databases and applies the versioned schema. */
  sqlTool: string;
}

/** The Go packages built (`go build -o DIR/` names each binary after its package's folder), and their names in the cache. */
const PACKAGES = [
  { pkg: 'go.temporal.io/server/cmd/server', built: 'server', file: 'temporal-server' },
  { pkg: 'go.temporal.io/server/cmd/tools/sql', built: 'sql', file: 'temporal-sql-tool' },
] as const;

/**
 * The server and its SQL tool, built once from the Go module proxy into
 * .cache/temporal-server/<version>/ (90 MB and 41 MB). A Go toolchain is needed the first time:
 * 7 minutes on 2 busy cores with an empty Go build cache, 2 minutes after the CLI's build (they
 * share most packages). Concurrent callers in other processes may both build; the last rename
 * wins and both results are the same binaries.
 */
export async function ensureTemporalServerBinaries(log: (line: string) => void = () => undefined): Promise<TemporalServerBinaries> {
  const dir = temporalServerCacheDir();
  const binaries: TemporalServerBinaries = { server: join(dir, PACKAGES[0].file), sqlTool: join(dir, PACKAGES[1].file) };
  if (existsSync(binaries.server) && existsSync(binaries.sqlTool)) return binaries;

  const go = onPath('go');
  if (!go) {
    throw new StartupError(
      `the full Temporal server is not built yet and no Go toolchain was found to build it: install Go 1.25+ (https://go.dev/dl/), then run \`npm run temporal:cluster\` once`,
    );
  }
  log(`building Temporal server v${TEMPORAL_SERVER_VERSION} and temporal-sql-tool from the Go module proxy (first time only, a few minutes)…`);
  const started = Date.now();
  const buildDir = `${dir}.building-${process.pid}`;
  rmSync(buildDir, { recursive: true, force: true });
  mkdirSync(buildDir, { recursive: true });
  try {
    try {
      await goBuild(go, buildDir, {}, log);
    } catch (first) {
      // Without the checksum database, the module proxy alone can serve the modules (go.sum still checks them).
      log(`go build failed (${(first as Error).message.split('\n')[0]}); retrying with GOSUMDB=off`);
      await goBuild(go, buildDir, { GOSUMDB: 'off' }, log);
    }
    for (const { built, file } of PACKAGES) renameSync(join(buildDir, built), join(buildDir, file));
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(join(dir, '..'), { recursive: true });
    renameSync(buildDir, dir);
  } catch (error) {
    rmSync(buildDir, { recursive: true, force: true });
    if (error instanceof CommandFailed) throw new StartupError(`building the Temporal server failed: ${error.summary}\n${error.output}`);
    throw error;
  }
  const version = execFileSync(binaries.server, ['--version']).toString().trim();
  log(`Temporal server built in ${Math.round((Date.now() - started) / 1000)} s: ${dir} (${version})`);
  return binaries;
}

async function goBuild(go: string, outDir: string, extraEnv: NodeJS.ProcessEnv, log: (line: string) => void): Promise<void> {
  let downloads = 0;
  // `-C` runs in the project's module, whose go.mod pins the server and whose go.sum is committed;
  // `-mod=readonly` never rewrites them. `-s -w` drops the symbol tables (a third of the size).
  await runWithProgress(go, ['-C', goModuleDir(), 'build', '-mod=readonly', '-ldflags=-s -w', '-o', `${outDir}/`, ...PACKAGES.map((p) => p.pkg)], {
    env: { ...process.env, ...extraEnv },
    log,
    progress: (seconds) => `  …still building Temporal server (${seconds} s, ${downloads} modules fetched)`,
    onOutput: (text) => (downloads += (text.match(/go: downloading/g) ?? []).length),
  });
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL and the schema

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

export const DEFAULT_TEMPORAL_DATABASES: TemporalDatabases = { temporal: 'temporal', visibility: 'temporal_visibility' };

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

// ---------------------------------------------------------------------------------------------
// The server's configuration

export type TemporalService = 'frontend' | 'history' | 'matching' | 'worker';
export const TEMPORAL_SERVICES: readonly TemporalService[] = ['frontend', 'history', 'matching', 'worker'];

/** Each service's gRPC port and ringpop membership port; all on 127.0.0.1. */
export type ClusterPorts = Record<TemporalService, { grpc: number; membership: number }>;

export interface ClusterConfigSpec {
  postgres: PostgresEndpoint;
  databases: TemporalDatabases;
  ports: ClusterPorts;
  /** Fixed when the cluster is first created: it cannot change afterwards. */
  numHistoryShards: number;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** Absolute path of the dynamic config file the server polls. */
  dynamicConfigFile: string;
  /** Prometheus /metrics on 127.0.0.1:<port>; omitted: no metrics. */
  metricsPort?: number;
  /** Mutual TLS on the frontend and between the services (infra/src/temporal-tls.ts); omitted: plain gRPC. */
  tls?: ClusterTls;
}

/** YAML double-quoted scalar (a JSON string is one). */
const q = (value: string): string => JSON.stringify(value);

/**
 * The server's static configuration (what config/development-postgres12.yaml holds upstream):
 * every service of the one process bound to 127.0.0.1 on its own ports, both stores on the
 * postgres12 plugin, archival off.
 */
export function clusterConfigYaml(spec: ClusterConfigSpec): string {
  const { postgres: pg, ports } = spec;
  const frontend = `127.0.0.1:${ports.frontend.grpc}`;
  const datastore = (database: string, maxConns: number) =>
    [
      `      sql:`,
      `        pluginName: "postgres12"`,
      `        databaseName: ${q(database)}`,
      `        connectAddr: ${q(`${pg.host}:${pg.port}`)}`,
      `        connectProtocol: "tcp"`,
      `        user: ${q(pg.user)}`,
      `        password: ${q(pg.password)}`,
      `        maxConns: ${maxConns}`,
      `        maxIdleConns: ${maxConns}`,
      `        maxConnLifetime: "1h"`,
    ].join('\n');
  const services = TEMPORAL_SERVICES.map((service) =>
    [
      `  ${service}:`,
      `    rpc:`,
      `      grpcPort: ${ports[service].grpc}`,
      `      membershipPort: ${ports[service].membership}`,
      `      bindOnIP: "127.0.0.1"`,
    ].join('\n'),
  ).join('\n');
  const metrics = spec.metricsPort
    ? [`  metrics:`, `    prometheus:`, `      framework: "tally"`, `      timerType: "histogram"`, `      listenAddress: "127.0.0.1:${spec.metricsPort}"`]
    : [];
  return [
    `# Written by infra/src/temporal-cluster.ts: Temporal server ${TEMPORAL_SERVER_VERSION} on PostgreSQL, all services in one process.`,
    `log:`,
    `  stdout: true`,
    `  level: ${q(spec.logLevel)}`,
    `persistence:`,
    `  defaultStore: postgres-default`,
    `  visibilityStore: postgres-visibility`,
    `  numHistoryShards: ${spec.numHistoryShards}`,
    `  datastores:`,
    `    postgres-default:`,
    // Each of the four services opens its own pool.
    datastore(spec.databases.temporal, 10),
    `    postgres-visibility:`,
    datastore(spec.databases.visibility, 4),
    `global:`,
    `  membership:`,
    `    maxJoinDuration: 30s`,
    `    broadcastAddress: "127.0.0.1"`,
    ...(spec.tls ? clusterTlsYaml(spec.tls) : []),
    ...metrics,
    `services:`,
    services,
    `clusterMetadata:`,
    `  enableGlobalNamespace: false`,
    `  failoverVersionIncrement: 10`,
    `  masterClusterName: "active"`,
    `  currentClusterName: "active"`,
    `  clusterInformation:`,
    `    active:`,
    `      enabled: true`,
    `      initialFailoverVersion: 1`,
    `      rpcName: "frontend"`,
    `      rpcAddress: ${q(frontend)}`,
    `dcRedirectionPolicy:`,
    `  policy: "noop"`,
    `archival:`,
    `  history:`,
    `    state: "disabled"`,
    `  visibility:`,
    `    state: "disabled"`,
    `namespaceDefaults:`,
    `  archival:`,
    `    history:`,
    `      state: "disabled"`,
    `    visibility:`,
    `      state: "disabled"`,
    `publicClient:`,
    `  hostPort: ${q(frontend)}`,
    `dynamicConfigClient:`,
    `  filepath: ${q(spec.dynamicConfigFile)}`,
    `  pollInterval: "10s"`,
    ``,
  ].join('\n');
}

/**
 * Dynamic config (keys of go.temporal.io/server/common/dynamicconfig), one unconstrained value
 * each: a new namespace reaches every service within 2 s instead of 10, and Nexus (which needs
 * the frontend's HTTP port, left closed) is off rather than warned about at each start.
 */
export const DEFAULT_DYNAMIC_CONFIG: Record<string, string | number | boolean> = {
  'system.namespaceCacheRefreshInterval': '2s',
  'system.enableNexus': false,
};

export function dynamicConfigYaml(values: Record<string, string | number | boolean>): string {
  return Object.entries(values)
    .map(([key, value]) => `${key}:\n  - value: ${typeof value === 'string' ? q(value) : String(value)}\n    constraints: {}\n`)
    .join('');
}

// ---------------------------------------------------------------------------------------------
// Running it

export interface TemporalClusterOptions {
  /** A `postgres://` URL or its parts; the user must be allowed to create databases. */
  postgres: PostgresEndpoint | string;
  /** Where the config files go (created); the state itself lives in PostgreSQL. */
  dataDir: string;
  /**
   * The frontend's gRPC port on 127.0.0.1; omitted: a free one from CLUSTER_PORT_RANGE, like every
   * other port of the cluster (better for tests that restart it: see CLUSTER_PORT_RANGE).
   */
  frontendPort?: number;
  /** Registered at start if missing (retention 3 days). Default `default`. */
  namespace?: string;
  databases?: TemporalDatabases;
  /** Default 4: enough for one machine, quick to acquire on every restart. */
  numHistoryShards?: number;
  /** Merged over DEFAULT_DYNAMIC_CONFIG. */
  dynamicConfig?: Record<string, string | number | boolean>;
  metricsPort?: number;
  /** The server's log level (JSON lines on stdout). Default `warn`. */
  logLevel?: ClusterConfigSpec['logLevel'];
  /** Create the databases and apply the schema before starting (idempotent). Default true. */
  setupSchema?: boolean;
  /** Defaults to ensureTemporalServerBinaries (built once, cached). */
  binaries?: TemporalServerBinaries;
  /**
   * Mutual TLS (ensureClusterCertificates): the frontend accepts only certificates of the client
   * CA, the internode ports only the server's own; the readiness probe connects as `admin`.
   * Omitted: plain gRPC.
   */
  tls?: ClusterTls;
  /** How long to wait for the cluster to serve, at start and at each restart. Default 120 s. */
  readyTimeoutMs?: number;
  log?: (line: string) => void;
  /** Every line the server prints. */
  onLine?: (line: string) => void;
}

export interface RunningTemporalCluster extends RunningTemporal {
  /** 127.0.0.1:<frontend port>: what workers and gateways take as TEMPORAL_ADDRESS. */
  address: string;
  namespace: string;
  /** The current server process; a new one after each restart(). */
  readonly process: ManagedProcess;
  ports: ClusterPorts;
  /** The server's config file (its dynamic config sits next to it). */
  configFile: string;
  /** What Connection.connect and NativeConnection.connect take as `tls` to reach it as `admin`; undefined without mTLS. */
  clientTls: TemporalTls | undefined;
  /** SIGTERM, then SIGKILL after 10 s; resolves when the server has exited. */
  stop(): Promise<void>;
  /** SIGKILL (a crash: no graceful shutdown of shards, pollers or connections); resolves when it has exited. */
  kill(): Promise<void>;
  /**
   * Starts the server again on the same config, ports and PostgreSQL — after kill() or stop(),
   * or stopping it first (SIGTERM) if it still runs — and resolves once it serves the namespace
   * again (≈1.5 s here after a SIGKILL).
   */
  restart(): Promise<void>;
}

/** Used by the readiness probe: a workflow type no worker serves, started and terminated at once. */
export const READINESS_PROBE = { workflowId: 'temporal-cluster-readiness-probe', workflowType: 'TemporalClusterReadinessProbe', taskQueue: 'temporal-cluster-readiness-probe' };

/**
 * Starts the full Temporal server on PostgreSQL, on loopback: applies the schema (idempotent),
 * writes the config into `dataDir/config/`, starts `temporal-server start` with all four
 * services in one process, registers the namespace if it is missing, and resolves once a
 * workflow can be started in it (a probe workflow, READINESS_PROBE, is started and terminated
 * at each start).
 */
export async function startTemporalCluster(options: TemporalClusterOptions): Promise<RunningTemporalCluster> {
  const log = options.log ?? (() => undefined);
  const binaries = options.binaries ?? (await ensureTemporalServerBinaries(log));
  const postgres = postgresEndpoint(options.postgres);
  const databases = options.databases ?? DEFAULT_TEMPORAL_DATABASES;
  const namespace = options.namespace ?? 'default';
  const readyTimeoutMs = options.readyTimeoutMs ?? 120_000;
  if (options.setupSchema !== false) await setupTemporalSchema({ postgres, databases, sqlTool: binaries.sqlTool, log });

  const ports = await pickClusterPorts(options.frontendPort);
  const configDir = join(options.dataDir, 'config');
  mkdirSync(configDir, { recursive: true });
  const dynamicConfigFile = join(configDir, 'dynamicconfig.yaml');
  writeFileSync(dynamicConfigFile, dynamicConfigYaml({ ...DEFAULT_DYNAMIC_CONFIG, ...options.dynamicConfig }));
  const configFile = join(configDir, `${CONFIG_ENV}.yaml`);
  const yaml = clusterConfigYaml({
    postgres,
    databases,
    ports,
    numHistoryShards: options.numHistoryShards ?? 4,
    logLevel: options.logLevel ?? 'warn',
    dynamicConfigFile,
    metricsPort: options.metricsPort,
    tls: options.tls,
  });
  writeFileSync(configFile, yaml, { mode: 0o600 });
  chmodSync(configFile, 0o600); // it holds the database password

  const address = `127.0.0.1:${ports.frontend.grpc}`;
  const clientTls = options.tls ? clusterClientTls(options.tls, 'admin') : undefined;
  const spawnServer = () =>
    new ManagedProcess({
      name: 'temporal-server',
      command: binaries.server,
      args: ['--root', options.dataDir, '--config', 'config', '--env', CONFIG_ENV, '--allow-no-auth', 'start'],
      cwd: options.dataDir,
      tether: 'wrap',
      onLine: options.onLine ? (line) => options.onLine!(line) : undefined,
    });
  let current = spawnServer();
  const up = async () => {
    try {
      await waitUntilServing(address, namespace, current, readyTimeoutMs, clientTls);
    } catch (error) {
      await current.stop();
      throw error;
    }
  };
  await up();

  return {
    address,
    uiUrl: null,
    namespace,
    get process() {
      return current;
    },
    ports,
    configFile,
    clientTls,
    stop: () => current.stop(),
    kill: async () => {
      current.kill();
      await current.exited;
    },
    restart: async () => {
      await current.stop();
      await waitForPortsFreed(ports);
      current = spawnServer();
      await up();
    },
  };
}

/** The file name (without .yaml) the server loads from its config folder: `--env`. */
const CONFIG_ENV = 'cluster';

/**
 * Ringpop records each membership port in cluster_membership.rpc_port, a PostgreSQL SMALLINT:
 * above 32767 the server dies at start ("value … is out of range for type smallint"). The
 * kernel's ephemeral ports (freePort) start at 32768 on Linux, so every port the cluster picks
 * comes from below, checked free one by one. This also keeps a restart safe: a client
 * reconnecting to a port of the ephemeral range while nothing listens can be handed that very
 * port as its own (a TCP self-connect), and would hold it.
 */
export const CLUSTER_PORT_RANGE = { min: 20_000, max: 32_767 } as const;

export async function pickClusterPorts(frontendPort: number | undefined): Promise<ClusterPorts> {
  if (frontendPort !== undefined && !(await isPortFree(frontendPort))) {
    throw new StartupError(`port ${frontendPort} (Temporal frontend) is already in use: stop whatever listens there (\`ss -ltnp 'sport = :${frontendPort}'\`) or choose another port`);
  }
  const taken = new Set<number>(frontendPort ? [frontendPort] : []);
  const { min, max } = CLUSTER_PORT_RANGE;
  const pick = async () => {
    for (let attempt = 0; attempt < 500; attempt++) {
      const port = min + Math.floor(Math.random() * (max - min + 1));
      if (!taken.has(port) && (await isPortFree(port))) {
        taken.add(port);
        return port;
      }
    }
    throw new StartupError(`no free port between ${min} and ${max} on 127.0.0.1 for the Temporal server`);
  };
  const ports = {} as ClusterPorts;
  for (const service of TEMPORAL_SERVICES) {
    ports[service] = { grpc: service === 'frontend' && frontendPort ? frontendPort : await pick(), membership: await pick() };
  }
  return ports;
}

/**
 * A restart reuses the same ports. The killed server's sockets close a moment after its wrapper
 * has exited: wait for them, then say which port another process took meanwhile, if any.
 */
async function waitForPortsFreed(ports: ClusterPorts, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (const service of TEMPORAL_SERVICES) {
    for (const kind of ['grpc', 'membership'] as const) {
      const port = ports[service][kind];
      while (!(await isPortFree(port))) {
        if (Date.now() > deadline) {
          throw new StartupError(`cannot restart Temporal: port ${port} (${service} ${kind}) is still in use (\`ss -ltnp 'sport = :${port}'\`)`);
        }
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  }
}

/**
 * Until the namespace exists (registering it if missing) and a workflow can be started in it:
 * frontend, persistence, the namespace registry and the history shards all answer.
 */
async function waitUntilServing(address: string, namespace: string, server: ManagedProcess, timeoutMs: number, tls: TemporalTls | undefined): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    if (!server.running) throw new StartupError(`the Temporal server exited before it was ready:\n${serverErrors(server)}`);
    let connection: Connection | undefined;
    try {
      connection = await Connection.connect({ address, connectTimeout: 1000, tls });
      await ensureNamespace(connection, namespace);
      await probeWorkflowStart(connection, namespace);
      return;
    } catch (error) {
      lastError = error;
      await new Promise((r) => setTimeout(r, 500));
    } finally {
      await connection?.close().catch(() => undefined);
    }
  }
  throw new StartupError(`Temporal at ${address} did not serve namespace ${namespace} within ${timeoutMs / 1000} s: ${(lastError as Error)?.message}\n${serverErrors(server)}`);
}

const GRPC_ALREADY_EXISTS = 6;
const GRPC_NOT_FOUND = 5;

async function ensureNamespace(connection: Connection, namespace: string): Promise<void> {
  try {
    await connection.workflowService.describeNamespace({ namespace });
    return;
  } catch (error) {
    if ((error as { code?: number }).code !== GRPC_NOT_FOUND) throw error;
  }
  try {
    await connection.workflowService.registerNamespace({ namespace, workflowExecutionRetentionPeriod: msToTs('3 days') });
  } catch (error) {
    if ((error as { code?: number }).code !== GRPC_ALREADY_EXISTS) throw error;
  }
  await connection.workflowService.describeNamespace({ namespace });
}

async function probeWorkflowStart(connection: Connection, namespace: string): Promise<void> {
  const client = new Client({ connection, namespace });
  const handle = await client.workflow.start(READINESS_PROBE.workflowType, {
    workflowId: READINESS_PROBE.workflowId,
    taskQueue: READINESS_PROBE.taskQueue,
    workflowIdConflictPolicy: 'TERMINATE_EXISTING',
    workflowExecutionTimeout: '1 minute',
  });
  await handle.terminate('readiness probe');
}

/**
 * The server's last lines, shortened: its JSON log lines become `level: msg: error` (their stack
 * traces run to kilobytes), repeated lines appear once.
 */
export function summarizeServerLines(lines: string[]): string {
  const out: string[] = [];
  for (const line of lines) {
    let text = line;
    try {
      const entry = JSON.parse(line) as { level?: string; msg?: string; error?: string };
      if (entry.msg) text = [entry.level, entry.msg, entry.error].filter(Boolean).join(': ');
    } catch {
      // not JSON: as printed
    }
    if (!out.includes(text)) out.push(text);
  }
  return out.join('\n');
}

const serverErrors = (server: ManagedProcess): string => summarizeServerLines(server.lastLines(40).split('\n')).split('\n').slice(-10).join('\n');

function lastLines(text: string, n: number): string {
  return text.trim().split('\n').slice(-n).join('\n') || '(no output)';
}

// ---------------------------------------------------------------------------------------------
// `npm run temporal:cluster`

/**
 * PostgreSQL (embedded, in SEGUIMIENTO_DATA_DIR/cluster/postgres, port POSTGRES_PORT or 5433) and
 * the full Temporal server on it (frontend on TEMPORAL_PORT or 7233), until Ctrl-C. Workers and
 * gateways then join with TEMPORAL_ADDRESS and DATABASE_URL (see infra/README.md). With
 * TEMPORAL_TLS=true, mutual TLS: certificates in <dir>/cluster/tls (made once; the server's for
 * TEMPORAL_TLS_HOSTS, default localhost,127.0.0.1), and the TEMPORAL_TLS_* each client exports.
 */
export async function main(): Promise<void> {
  const say = (line: string) => process.stdout.write(`${line}\n`);
  const started = Date.now();
  const env = process.env;
  const temporalPort = Number(env.TEMPORAL_PORT || 7233);
  const postgresPort = Number(env.POSTGRES_PORT || 5433);
  const namespace = env.TEMPORAL_NAMESPACE || 'default';
  const dataDir = join(env.SEGUIMIENTO_DATA_DIR || join(repoRoot(), '.data'), 'cluster');
  let postgres: RunningPostgres | null = null;
  let cluster: RunningTemporalCluster | null = null;
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    say('\nstopping…');
    await cluster?.stop();
    await postgres?.stop();
    say('stopped');
    process.exit(code);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void shutdown(0));

  try {
    const withTls = tlsSwitch(env.TEMPORAL_TLS);
    for (const [port, what, name] of [
      [temporalPort, 'Temporal frontend', 'TEMPORAL_PORT'],
      [postgresPort, 'embedded PostgreSQL', 'POSTGRES_PORT'],
    ] as const) {
      if (!(await isPortFree(port))) {
        throw new StartupError(`port ${port} (${what}) is already in use (is \`npm start\` running?): stop it or choose another port with ${name}=<port>`);
      }
    }
    const binaries = await ensureTemporalServerBinaries(say);
    mkdirSync(dataDir, { recursive: true, mode: 0o755 });
    say(`▸ PostgreSQL: starting the embedded server on 127.0.0.1:${postgresPort} (data in ${join(dataDir, 'postgres')})…`);
    postgres = await startEmbeddedPostgres({ dataDir: join(dataDir, 'postgres'), port: postgresPort, log: (line) => say(`  ${line}`) });
    let tls: ClusterTls | undefined;
    if (withTls) {
      const hosts = (env.TEMPORAL_TLS_HOSTS ?? '').split(',').map((h) => h.trim()).filter(Boolean);
      say(`▸ TLS: certificates in ${join(dataDir, 'tls')} (server: ${(hosts.length ? hosts : DEFAULT_TLS_HOSTS).join(', ')})…`);
      tls = ensureClusterCertificates(join(dataDir, 'tls'), { hosts, log: (line) => say(`  ${line}`) });
    }
    say(`▸ Temporal server ${TEMPORAL_SERVER_VERSION}: schema, then frontend, history, matching and worker services on 127.0.0.1${tls ? ', mutual TLS' : ''}…`);
    // Temporal's own role (CREATEDB, owner of its two databases), not the application's.
    cluster = await startTemporalCluster({ postgres: postgres.temporalUrl, dataDir, frontendPort: temporalPort, namespace, binaries, tls, log: say });
    void cluster.process.exited.then((code) => {
      if (!stopping) {
        say(`temporal-server exited unexpectedly (code ${code}):\n${cluster?.process.lastLines()}`);
        void shutdown(1);
      }
    });
    say(`\nTemporal cluster is up in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    say(`  Temporal     ${cluster.address} (namespace ${namespace}; services on ports ${portList(cluster.ports)})`);
    say(`  PostgreSQL   ${redact(postgres.url)} (Temporal's databases: ${DEFAULT_TEMPORAL_DATABASES.temporal}, ${DEFAULT_TEMPORAL_DATABASES.visibility}, role temporal)`);
    say(`  Passwords    ${credentialsFileOf(join(dataDir, 'postgres'))}`);
    say(`  Config       ${cluster.configFile}`);
    if (tls) say(`  TLS          client certificates required: of ${tls.clientCaFile} on the frontend, the server's own on the internode ports`);
    say('\nWorkers and gateways (after `npm run build`), each in its own terminal:');
    say(`  export TEMPORAL_ADDRESS=${cluster.address} TEMPORAL_NAMESPACE=${namespace} DATABASE_URL=${postgres.url} JWT_SECRET=<32+ characters>`);
    if (tls) {
      const { TEMPORAL_TLS_CA, TEMPORAL_TLS_SERVER_NAME } = temporalTlsEnv(tls, 'worker');
      const pair = (role: 'worker' | 'gateway' | 'admin') => `TEMPORAL_TLS_CERT=${tls.clients[role].cert} TEMPORAL_TLS_KEY=${tls.clients[role].key}`;
      say(`  export TEMPORAL_TLS_CA=${TEMPORAL_TLS_CA} TEMPORAL_TLS_SERVER_NAME=${TEMPORAL_TLS_SERVER_NAME}`);
      say(`  ${pair('worker')} npm run start:worker                 # as many as you like`);
      say(`  ${pair('gateway')} PORT=4001 npm run start:gateway      # one port per gateway`);
      say('The Temporal CLI reads the same variables:');
      say(`  ${pair('admin')} temporal operator namespace describe -n ${namespace}`);
    } else {
      say('  npm run start:worker                 # as many as you like');
      say('  PORT=4001 npm run start:gateway      # one port per gateway');
    }
    say('\nPress Ctrl-C to stop.');
  } catch (error) {
    say(`error: ${error instanceof Error ? error.message : String(error)}`);
    await shutdown(1);
  }
}

/** TEMPORAL_TLS for `npm run temporal:cluster`: `true` turns mutual TLS on; unset, empty or `false`: off. */
export function tlsSwitch(value: string | undefined): boolean {
  if (value === undefined || value === '' || value === 'false') return false;
  if (value === 'true') return true;
  throw new StartupError(`TEMPORAL_TLS: "${value}" must be true (mutual TLS, certificates in <data dir>/cluster/tls) or false`);
}

function portList(ports: ClusterPorts): string {
  return TEMPORAL_SERVICES.map((s) => `${s} ${ports[s].grpc}/${ports[s].membership}`).join(', ');
}
