import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Who took charge of each escalation, and when. */
export class EscalationAcknowledgements1732406600000 implements MigrationInterface {
  name = 'EscalationAcknowledgements1732406600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE rm_escalations ADD COLUMN acknowledged_by text, ADD COLUMN acknowledged_at timestamptz');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE rm_escalations DROP COLUMN acknowledged_by, DROP COLUMN acknowledged_at');
  }
}
