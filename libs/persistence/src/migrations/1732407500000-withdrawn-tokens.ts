import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tokens withdrawn one by one: a session signed out. Kept until the token would have expired
 * anyway (then the row is useless and is removed by the next withdrawal).
 */
export class WithdrawnTokens1732407500000 implements MigrationInterface {
  name = 'WithdrawnTokens1732407500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE withdrawn_tokens (
      token_id text PRIMARY KEY CHECK (length(token_id) BETWEEN 1 AND 100),
      username text NOT NULL,
      expires_at timestamptz NOT NULL,
      withdrawn_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query('CREATE INDEX withdrawn_tokens_expires_at ON withdrawn_tokens (expires_at)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE withdrawn_tokens');
  }
}
