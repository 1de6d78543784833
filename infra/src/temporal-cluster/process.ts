// The running cluster: config written, the server process started, and stopped, killed or restarted.
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TemporalTls } from '@seguimiento/runtime';
import { ManagedProcess } from '../managed-process';
import type { RunningTemporal } from '../temporal-server';
import { type ClusterTls, clusterClientTls } from '../temporal-tls';
import { type TemporalServerBinaries, ensureTemporalServerBinaries } from './binaries';
import {
  type ClusterConfigSpec,
  type ClusterPorts,
  DEFAULT_DYNAMIC_CONFIG,
  clusterConfigYaml,
  dynamicConfigYaml,
} from './config';
import { pickClusterPorts, waitForPortsFreed } from './ports';
import { waitUntilServing } from './readiness';
import {
  DEFAULT_TEMPORAL_DATABASES,
  type PostgresEndpoint,
  type TemporalDatabases,
  postgresEndpoint,
  setupTemporalSchema,
} from './schema';

/** The file name (without .yaml) the server loads from its config folder: `--env`. */
const CONFIG_ENV = 'cluster';

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
