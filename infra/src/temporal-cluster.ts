/**
 * The full Temporal server on PostgreSQL, all four services in one process on loopback (see
 * infra/README.md); `npm run temporal:cluster` runs temporal-cluster/main.ts. One file per concern:
 * - binaries.ts    the server and temporal-sql-tool, built once with Go and cached
 * - schema.ts      Temporal's two databases and their schema (temporal-sql-tool)
 * - config.ts      the server's YAML configuration and dynamic config
 * - ports.ts       the ports it listens on (below the ephemeral range), freed before a restart
 * - readiness.ts   waiting until it serves the namespace (registered if missing)
 * - server-log.ts  its JSON log lines, shortened for error messages
 * - process.ts     startTemporalCluster: the running server, stopped, killed, restarted
 * - main.ts        `npm run temporal:cluster`
 */
export { type TemporalServerBinaries, ensureTemporalServerBinaries } from './temporal-cluster/binaries';
export {
  type ClusterConfigSpec,
  TEMPORAL_SERVICES,
  clusterConfigYaml,
  dynamicConfigYaml,
} from './temporal-cluster/config';
export { tlsSwitch } from './temporal-cluster/main';
export { CLUSTER_PORT_RANGE, pickClusterPorts } from './temporal-cluster/ports';
export {
  type RunningTemporalCluster,
  type TemporalClusterOptions,
  startTemporalCluster,
} from './temporal-cluster/process';
export { postgresEndpoint, setupTemporalSchema, sqlToolSteps } from './temporal-cluster/schema';
export { summarizeServerLines } from './temporal-cluster/server-log';
