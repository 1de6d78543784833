import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The register keeps what a notice or invitation is about, and when its meeting is. */
export class CorrespondenceNotices1732406700000 implements MigrationInterface {
  name = 'CorrespondenceNotices1732406700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE rm_correspondence ADD COLUMN subject text, ADD COLUMN meeting_at timestamptz');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE rm_correspondence DROP COLUMN subject, DROP COLUMN meeting_at');
  }
}
