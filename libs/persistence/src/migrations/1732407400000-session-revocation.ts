import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When `users disable` last ran for a user: the gateway refuses every token of theirs issued until
 * then (sessions and bearers alike), also once the user is enabled again.
 */
export class SessionRevocation1732407400000 implements MigrationInterface {
  name = 'SessionRevocation1732407400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE users ADD COLUMN sessions_revoked_at timestamptz');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE users DROP COLUMN sessions_revoked_at');
  }
}
