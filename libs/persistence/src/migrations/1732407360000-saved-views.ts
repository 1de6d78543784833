import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The console's saved views: a filtered list (its address in the console) that a user names and
 * shares with the colleagues of their institution (INE, or one OPLE). Not a fact of any case: no
 * event, no rebuild touches it.
 */
export class SavedViews1732407360000 implements MigrationInterface {
  name = 'SavedViews1732407360000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE saved_views (
        id          bigserial PRIMARY KEY,
        institution text NOT NULL CHECK (institution ~ '^[A-Z]{3}$'),
        name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
        path        text NOT NULL CHECK (length(path) BETWEEN 1 AND 2000 AND left(path, 1) = '/'),
        created_by  text NOT NULL,
        created_at  timestamptz NOT NULL DEFAULT now(),
        updated_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE UNIQUE INDEX saved_views_name ON saved_views (institution, lower(name))');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE saved_views');
  }
}
