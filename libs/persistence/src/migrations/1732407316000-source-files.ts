import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The original files correspondence arrived in (issue 16), content-addressed by the SHA-256 of
 * their bytes, and the oficios each yielded. Not a read model: a rebuild leaves both alone.
 */
export class SourceFiles1732407316000 implements MigrationInterface {
  name = 'SourceFiles1732407316000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE source_files (
        sha256        text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        name          text NOT NULL,
        media_type    text NOT NULL,
        size          integer NOT NULL CHECK (size = octet_length(bytes)),
        bytes         bytea NOT NULL,
        first_seen_at timestamptz NOT NULL DEFAULT now(),
        first_seen_by text NOT NULL,
        ople          text NOT NULL
      )`);
    // The oficios a file yielded, one row per case each touched; an oficio may come from several files.
    await q.query(`
      CREATE TABLE source_file_oficios (
        sha256        text NOT NULL REFERENCES source_files (sha256),
        ople          text NOT NULL,
        oficio_number text NOT NULL,
        case_id       text NOT NULL,
        linked_at     timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (sha256, ople, oficio_number, case_id)
      )`);
    await q.query('CREATE INDEX source_file_oficios_number ON source_file_oficios (oficio_number)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE source_file_oficios');
    await q.query('DROP TABLE source_files');
  }
}
