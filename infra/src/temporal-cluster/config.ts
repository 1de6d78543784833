// The server's static configuration (YAML) and its dynamic config.
import { type ClusterTls, clusterTlsYaml } from '../temporal-tls';
import { TEMPORAL_SERVER_VERSION } from './binaries';
import type { PostgresEndpoint, TemporalDatabases } from './schema';

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
    ? [
        `  metrics:`,
        `    prometheus:`,
        `      framework: "tally"`,
        `      timerType: "histogram"`,
        `      listenAddress: "127.0.0.1:${spec.metricsPort}"`,
      ]
    : [];
  return [
    `# Written by infra/src/temporal-cluster/config.ts: Temporal server ${TEMPORAL_SERVER_VERSION} on PostgreSQL, all services in one process.`,
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
    .map(
      ([key, value]) =>
        `${key}:\n  - value: ${typeof value === 'string' ? q(value) : String(value)}\n    constraints: {}\n`,
    )
    .join('');
}
