import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APPEND_LOCK } from '../event-store/event-store';
import { rebuildReviews } from '../read-models/reviews/projection';

/**
 * The review queue (issue 15, rule 6): `review_items`, the projection of the `review:*` streams
 * written in the append's transaction; and whether each escalation was found at import (rule 7),
 * filled from the EscalationRaised events already in the log.
 */
export class ReviewQueue1732407350000 implements MigrationInterface {
  name = 'ReviewQueue1732407350000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE review_items (
        id            text PRIMARY KEY,
        ople          text NOT NULL,
        oficio_number text,
        oficio_date   date,
        text          text NOT NULL,
        span_start    integer NOT NULL,
        span_end      integer NOT NULL,
        reasons       jsonb NOT NULL,
        read          jsonb NOT NULL,
        status        text NOT NULL CHECK (status IN ('PENDING', 'RESOLVED', 'DISMISSED')),
        resolution    jsonb,
        queued_by     text NOT NULL,
        queued_at     timestamptz NOT NULL,
        actor         text,
        at            timestamptz
      )`);
    await q.query('CREATE INDEX review_items_ople_status ON review_items (ople, status)');
    await q.query('ALTER TABLE rm_escalations ADD COLUMN found_at_import boolean NOT NULL DEFAULT false');
    await q.query('SELECT pg_advisory_xact_lock($1)', [APPEND_LOCK]);
    await q.query(`
      UPDATE rm_escalations e SET found_at_import = true
        FROM events v
       WHERE v.type = 'EscalationRaised' AND v.stream_id = e.stream_id AND v.data->>'key' = e.key
         AND (v.data->>'foundAtImport')::boolean IS TRUE`);
    await rebuildReviews(q.manager);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE review_items');
    await q.query('ALTER TABLE rm_escalations DROP COLUMN found_at_import');
  }
}
