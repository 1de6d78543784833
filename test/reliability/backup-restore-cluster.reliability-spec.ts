import { temporalDatabaseUrls } from '@seguimiento/infra/backup/backup';
import { setupTemporalSchema } from '@seguimiento/infra/temporal-cluster';
import { backupDrill } from './support/backup-drill';
import { clusterOnPostgres } from './support/cluster-temporal';
import { FaultStack } from './support/fault-stack';
import { size } from './support/scenario';

/**
 * The backup and restore drill on the full Temporal server (its state and visibility databases on
 * the same PostgreSQL as the application's, mutual TLS): the three databases backed up under load
 * and restored into a fresh system, Temporal's schema created by its tool before the rows go in
 * (support/backup-drill.ts says what is checked).
 */
backupDrill({
  name: 'full Temporal server on PostgreSQL',
  tag: 'BC',
  documents: size('RELIABILITY_BACKUP_DOCUMENTS', 90),
  start: (prepare) => FaultStack.start({ workers: 1, gateways: 1, temporal: clusterOnPostgres, prepare }),
  temporalStore: (stack) => ({ kind: 'postgres', urls: temporalDatabaseUrls(stack.temporalDatabaseUrl) }),
  restoreTarget: async (_dataDir, postgres) => {
    await setupTemporalSchema({ postgres: postgres.temporalUrl });
    return { kind: 'postgres', urls: temporalDatabaseUrls(postgres.temporalUrl) };
  },
});
