import { join } from 'node:path';
import { startTemporalCluster } from '@seguimiento/infra/temporal-cluster';
import { ensureClusterCertificates, temporalTlsEnv } from '@seguimiento/infra/temporal-tls';
import type { TemporalUnderTest } from './fault-stack';

/**
 * The full Temporal server (four services, one process) on the same PostgreSQL as the event
 * store (its own role), with mutual TLS as across machines: each worker and gateway connects
 * with its own client certificate (TEMPORAL_TLS_*).
 */
export async function clusterOnPostgres(
  dataDir: string,
  postgres: { temporalUrl: string },
): Promise<TemporalUnderTest> {
  const tls = ensureClusterCertificates(join(dataDir, 'temporal-tls'));
  const cluster = await startTemporalCluster({
    postgres: postgres.temporalUrl,
    dataDir: join(dataDir, 'temporal-cluster'),
    tls,
    log: (line) => process.stderr.write(`  ${line}\n`),
  });
  return {
    address: cluster.address,
    tls: { env: (app) => temporalTlsEnv(tls, app), client: cluster.clientTls! },
    kill: () => cluster.kill(),
    restart: () => cluster.restart(),
    stop: () => cluster.stop(),
  };
}
