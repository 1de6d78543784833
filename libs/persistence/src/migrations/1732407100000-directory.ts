import type { MigrationInterface, QueryRunner } from 'typeorm';
import { rebuildDirectory } from '../directory/directory';
import { APPEND_LOCK } from '../event-store/event-store';

/**
 * The directory of who is responsible (issue 18): the projection of the `directory:*` streams,
 * written by the event store in the append's transaction.
 */
export class Directory1732407100000 implements MigrationInterface {
  name = 'Directory1732407100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE directory_contacts (
        institution text NOT NULL,
        role        text NOT NULL,
        email       text NOT NULL,
        name        text NOT NULL,
        preference  text NOT NULL CHECK (preference IN ('IMMEDIATE', 'DIGEST')),
        PRIMARY KEY (institution, role, email)
      )`);
    await q.query('SELECT pg_advisory_xact_lock($1)', [APPEND_LOCK]);
    await rebuildDirectory(q.manager);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE directory_contacts');
  }
}
