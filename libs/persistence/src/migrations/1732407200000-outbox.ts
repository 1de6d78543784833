import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outbox of mail (issue 18): rows written in the append's transaction with the events that
 * cause them; the worker's sender claims them (FOR UPDATE SKIP LOCKED), sends, and marks them in
 * the claim's transaction. Refusals and failures stay here, for supervisors to see.
 */
export class Outbox1732407200000 implements MigrationInterface {
  name = 'Outbox1732407200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE outbox (
        id             bigserial PRIMARY KEY,
        cause_key      text NOT NULL UNIQUE,
        kind           text NOT NULL,
        recipient      text NOT NULL,
        recipient_name text NOT NULL,
        payload        jsonb NOT NULL,
        group_key      text,
        dedupe_key     text UNIQUE,
        batch_id       bigint,
        status         text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SENT', 'REFUSED', 'FAILED')),
        not_before     timestamptz NOT NULL DEFAULT now(),
        attempts       int NOT NULL DEFAULT 0,
        last_error     text,
        message_id     text,
        subject        text,
        created_at     timestamptz NOT NULL DEFAULT now(),
        sent_at        timestamptz
      )`);
    await q.query(`CREATE INDEX outbox_pending ON outbox (not_before) WHERE status = 'PENDING'`);
    await q.query('CREATE INDEX outbox_batch ON outbox (batch_id) WHERE batch_id IS NOT NULL');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE outbox');
  }
}
