import type { MigrationInterface, QueryRunner } from 'typeorm';
import { backfillCaseOficios } from '../event-store/case-oficios';
import { APPEND_LOCK } from '../event-store/event-store';

/**
 * The index from oficio numbers to the cases they touch, written by the event store in the same
 * transaction as the events, so routing an answer never waits for the projector. It is not a read
 * model (a rebuild leaves it alone); for the events already stored it is filled here, from the
 * log, with the same derivation.
 */
export class CaseOficios1732406800000 implements MigrationInterface {
  name = 'CaseOficios1732406800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE case_oficios (
        oficio_number text NOT NULL,
        stream_id     text NOT NULL,
        ople          text,
        role          text NOT NULL,
        PRIMARY KEY (oficio_number, stream_id, role)
      )`);
    await q.query('CREATE INDEX case_oficios_stream ON case_oficios (stream_id)');
    // No append commits between the backfill's read of the log and this migration's commit.
    await q.query('SELECT pg_advisory_xact_lock($1)', [APPEND_LOCK]);
    await backfillCaseOficios(q.manager);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE case_oficios');
  }
}
