import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A mail the server accepted and that bounced later (a DSN, or an operator's word): BOUNCED, with when. */
export class MailBounces1732407300000 implements MigrationInterface {
  name = 'MailBounces1732407300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE outbox DROP CONSTRAINT outbox_status_check');
    await q.query(
      `ALTER TABLE outbox ADD CONSTRAINT outbox_status_check
         CHECK (status IN ('PENDING', 'SENT', 'REFUSED', 'FAILED', 'BOUNCED'))`,
    );
    await q.query('ALTER TABLE outbox ADD COLUMN bounced_at timestamptz');
    await q.query('CREATE INDEX outbox_message_id ON outbox (message_id) WHERE message_id IS NOT NULL');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX outbox_message_id');
    await q.query('ALTER TABLE outbox DROP COLUMN bounced_at');
    await q.query("UPDATE outbox SET status = 'SENT' WHERE status = 'BOUNCED'");
    await q.query('ALTER TABLE outbox DROP CONSTRAINT outbox_status_check');
    await q.query(
      "ALTER TABLE outbox ADD CONSTRAINT outbox_status_check CHECK (status IN ('PENDING', 'SENT', 'REFUSED', 'FAILED'))",
    );
  }
}
