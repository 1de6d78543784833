import { join } from 'node:path';
import { backupDrill } from './support/backup-drill';
import { FaultStack } from './support/fault-stack';
import { size } from './support/scenario';

/**
 * The backup and restore drill on the dev server topology (`npm start`): the application's
 * database and the dev server's SQLite file, backed up under load and restored into a fresh system
 * (support/backup-drill.ts says what is checked).
 */
backupDrill({
  name: 'dev server',
  tag: 'BK',
  documents: size('RELIABILITY_BACKUP_DOCUMENTS', 90),
  start: (prepare) => FaultStack.start({ workers: 1, gateways: 1, prepare }),
  temporalStore: (stack) => ({ kind: 'dev', dbFile: join(stack.dataDir, 'temporal.db') }),
  restoreTarget: async (dataDir) => ({ kind: 'dev', dbFile: join(dataDir, 'temporal.db') }),
});
