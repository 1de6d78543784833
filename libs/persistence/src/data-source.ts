import { types } from 'pg';
import { DataSource } from 'typeorm';
import { StoredEvent } from './entities/stored-event.entity';
import { CreateEvents1732406400000 } from './migrations/1732406400000-create-events';
import { CreateReadModels1732406500000 } from './migrations/1732406500000-create-read-models';
import { EscalationAcknowledgements1732406600000 } from './migrations/1732406600000-escalation-acknowledgements';
import { CorrespondenceNotices1732406700000 } from './migrations/1732406700000-correspondence-notices';
import { CaseOficios1732406800000 } from './migrations/1732406800000-case-oficios';
import { Users1732406917000 } from './migrations/1732406917000-users';
import { Directory1732407100000 } from './migrations/1732407100000-directory';
import { Outbox1732407200000 } from './migrations/1732407200000-outbox';
import { MailBounces1732407300000 } from './migrations/1732407300000-mail-bounces';
import { SourceFiles1732407316000 } from './migrations/1732407316000-source-files';
import { ReviewQueue1732407350000 } from './migrations/1732407350000-review-queue';
import { SavedViews1732407360000 } from './migrations/1732407360000-saved-views';
import { SessionRevocation1732407400000 } from './migrations/1732407400000-session-revocation';
import { WithdrawnTokens1732407500000 } from './migrations/1732407500000-withdrawn-tokens';

// Calendar dates (oficio dates, due dates) stay 'YYYY-MM-DD' strings: a JS Date would put them at
// UTC midnight, which is the previous evening in Mexico City.
types.setTypeParser(types.builtins.DATE, (value) => value);

const ENTITIES = [StoredEvent];
export const MIGRATIONS = [
  CreateEvents1732406400000,
  CreateReadModels1732406500000,
  EscalationAcknowledgements1732406600000,
  CorrespondenceNotices1732406700000,
  CaseOficios1732406800000,
  Users1732406917000,
  Directory1732407100000,
  Outbox1732407200000,
  MailBounces1732407300000,
  SourceFiles1732407316000,
  ReviewQueue1732407350000,
  SavedViews1732407360000,
  SessionRevocation1732407400000,
  WithdrawnTokens1732407500000,
];

/**
 * The one way the project opens PostgreSQL. Schema changes come only from migrations:
 * `synchronize` is off and stays off.
 */
function createDataSource(
  databaseUrl: string,
  options: { poolSize?: number; applicationName?: string } = {},
): DataSource {
  return new DataSource({
    type: 'postgres',
    url: databaseUrl,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    synchronize: false,
    migrationsRun: false,
    logging: ['error'],
    extra: {
      max: options.poolSize ?? 10,
      application_name: options.applicationName ?? 'seguimiento',
      connectionTimeoutMillis: 5000,
    },
  });
}

/** Any constant will do; it only has to be the same for every process of the project. */
const MIGRATION_LOCK = 7_201_830_241;

/**
 * Opens the data source and applies pending migrations. Safe on every start and from several
 * processes at once: an advisory lock lets one process migrate while the others wait.
 */
export async function openDatabase(
  databaseUrl: string,
  options?: { poolSize?: number; applicationName?: string },
): Promise<DataSource> {
  const ds = createDataSource(databaseUrl, options);
  await ds.initialize();
  const runner = ds.createQueryRunner();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await ds.runMigrations({ transaction: 'each' });
  } catch (error) {
    await ds.destroy();
    throw error;
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await runner.release();
  }
  return ds;
}
