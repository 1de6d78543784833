import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateEvents1732406400000 implements MigrationInterface {
  name = 'CreateEvents1732406400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE events (
        position       bigserial PRIMARY KEY,
        event_id       uuid NOT NULL,
        stream_id      text NOT NULL,
        stream_version integer NOT NULL CHECK (stream_version > 0),
        type           text NOT NULL,
        data           jsonb NOT NULL,
        metadata       jsonb NOT NULL DEFAULT '{}'::jsonb,
        occurred_at    timestamptz NOT NULL,
        recorded_at    timestamptz NOT NULL DEFAULT clock_timestamp(),
        CONSTRAINT events_event_id_uq UNIQUE (event_id),
        CONSTRAINT events_stream_version_uq UNIQUE (stream_id, stream_version)
      )`);
    await q.query(`
      CREATE FUNCTION events_are_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'events are append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER events_append_only
        BEFORE UPDATE OR DELETE ON events
        FOR EACH ROW EXECUTE FUNCTION events_are_append_only()`);
    await q.query(`
      CREATE TRIGGER events_no_truncate
        BEFORE TRUNCATE ON events
        FOR EACH STATEMENT EXECUTE FUNCTION events_are_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE events');
    await q.query('DROP FUNCTION events_are_append_only()');
  }
}
