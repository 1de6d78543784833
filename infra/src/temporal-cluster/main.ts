// `npm run temporal:cluster`: embedded PostgreSQL and the full Temporal server on it, until Ctrl-C.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '@seguimiento/runtime';
import { StartupError, isPortFree } from '../ports';
import { type RunningPostgres, credentialsFileOf, redact, startEmbeddedPostgres } from '../postgres';
import { type ClusterTls, DEFAULT_TLS_HOSTS, ensureClusterCertificates, temporalTlsEnv } from '../temporal-tls';
import { TEMPORAL_SERVER_VERSION, ensureTemporalServerBinaries } from './binaries';
import { type ClusterPorts, TEMPORAL_SERVICES } from './config';
import { type RunningTemporalCluster, startTemporalCluster } from './process';
import { DEFAULT_TEMPORAL_DATABASES } from './schema';

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
    // A stop that fails is said, and the other still stopped: shutdown never rejects.
    await cluster?.stop().catch((e: Error) => say(`  temporal-server: ${e.message}`));
    await postgres?.stop().catch((e: Error) => say(`  postgres: ${e.message}`));
    say('stopped');
    process.exit(code);
  };
  // Fire-and-forget: a signal handler cannot wait, and shutdown ends the process itself.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void shutdown(0));

  try {
    const withTls = tlsSwitch(env.TEMPORAL_TLS);
    for (const [port, what, name] of [
      [temporalPort, 'Temporal frontend', 'TEMPORAL_PORT'],
      [postgresPort, 'embedded PostgreSQL', 'POSTGRES_PORT'],
    ] as const) {
      if (!(await isPortFree(port))) {
        throw new StartupError(
          `port ${port} (${what}) is already in use (is \`npm start\` running?): stop it or choose another port with ${name}=<port>`,
        );
      }
    }
    const binaries = await ensureTemporalServerBinaries(say);
    mkdirSync(dataDir, { recursive: true, mode: 0o755 });
    say(
      `▸ PostgreSQL: starting the embedded server on 127.0.0.1:${postgresPort} (data in ${join(dataDir, 'postgres')})…`,
    );
    postgres = await startEmbeddedPostgres({
      dataDir: join(dataDir, 'postgres'),
      port: postgresPort,
      log: (line) => say(`  ${line}`),
    });
    let tls: ClusterTls | undefined;
    if (withTls) {
      const hosts = (env.TEMPORAL_TLS_HOSTS ?? '')
        .split(',')
        .map((h) => h.trim())
        .filter(Boolean);
      say(
        `▸ TLS: certificates in ${join(dataDir, 'tls')} (server: ${(hosts.length ? hosts : DEFAULT_TLS_HOSTS).join(', ')})…`,
      );
      tls = ensureClusterCertificates(join(dataDir, 'tls'), { hosts, log: (line) => say(`  ${line}`) });
    }
    say(
      `▸ Temporal server ${TEMPORAL_SERVER_VERSION}: schema, then frontend, history, matching and worker services on 127.0.0.1${tls ? ', mutual TLS' : ''}…`,
    );
    // Temporal's own role (CREATEDB, owner of its two databases), not the application's.
    cluster = await startTemporalCluster({
      postgres: postgres.temporalUrl,
      dataDir,
      frontendPort: temporalPort,
      namespace,
      binaries,
      tls,
      log: say,
    });
    // Watched, not awaited: `exited` only resolves, and shutdown never rejects.
    void cluster.process.exited.then((code) => {
      if (!stopping) {
        say(`temporal-server exited unexpectedly (code ${code}):\n${cluster?.process.lastLines()}`);
        void shutdown(1);
      }
    });
    say(`\nTemporal cluster is up in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    say(`  Temporal     ${cluster.address} (namespace ${namespace}; services on ports ${portList(cluster.ports)})`);
    say(
      `  PostgreSQL   ${redact(postgres.url)} (Temporal's databases: ${DEFAULT_TEMPORAL_DATABASES.temporal}, ${DEFAULT_TEMPORAL_DATABASES.visibility}, role temporal)`,
    );
    say(`  Passwords    ${credentialsFileOf(join(dataDir, 'postgres'))}`);
    say(`  Config       ${cluster.configFile}`);
    if (tls)
      say(
        `  TLS          client certificates required: of ${tls.clientCaFile} on the frontend, the server's own on the internode ports`,
      );
    say('\nWorkers and gateways (after `npm run build`), each in its own terminal:');
    say(
      `  export TEMPORAL_ADDRESS=${cluster.address} TEMPORAL_NAMESPACE=${namespace} DATABASE_URL=${postgres.url} JWT_SECRET=<32+ characters>`,
    );
    if (tls) {
      const { TEMPORAL_TLS_CA, TEMPORAL_TLS_SERVER_NAME } = temporalTlsEnv(tls, 'worker');
      const pair = (role: 'worker' | 'gateway' | 'admin') =>
        `TEMPORAL_TLS_CERT=${tls.clients[role].cert} TEMPORAL_TLS_KEY=${tls.clients[role].key}`;
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
  throw new StartupError(
    `TEMPORAL_TLS: "${value}" must be true (mutual TLS, certificates in <data dir>/cluster/tls) or false`,
  );
}

function portList(ports: ClusterPorts): string {
  return TEMPORAL_SERVICES.map((s) => `${s} ${ports[s].grpc}/${ports[s].membership}`).join(', ');
}
