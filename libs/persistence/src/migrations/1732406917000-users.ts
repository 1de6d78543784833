import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The people who sign in to the console: a password hashed with argon2id (never the password), a
 * role and an OPLE (none: INE) as in the API's tokens, the institution's name, and what the
 * lockout needs (failed attempts in a row, locked until). Not a read model: no rebuild touches it.
 */
export class Users1732406917000 implements MigrationInterface {
  name = 'Users1732406917000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE users (
        username        text PRIMARY KEY CHECK (username = lower(username) AND length(username) BETWEEN 3 AND 64),
        display_name    text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
        role            text NOT NULL CHECK (role IN ('SUPERVISOR', 'OPERATOR', 'ADMIN')),
        ople            text CHECK (ople ~ '^[A-Z]{3}$'),
        institution     text NOT NULL CHECK (length(institution) BETWEEN 1 AND 200),
        password_hash   text NOT NULL CHECK (password_hash LIKE '$argon2id$%'),
        disabled        boolean NOT NULL DEFAULT false,
        failed_attempts integer NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
        locked_until    timestamptz,
        created_at      timestamptz NOT NULL DEFAULT now(),
        updated_at      timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE users');
  }
}
