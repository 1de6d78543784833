import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Read models derived from the event log (rm_*), the projector's checkpoint, and a notification
 * on every append so the projector wakes at once instead of polling.
 */
export class CreateReadModels1732406500000 implements MigrationInterface {
  name = 'CreateReadModels1732406500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE projection_checkpoints (
        name       text PRIMARY KEY,
        position   bigint NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await q.query(`
      CREATE TABLE rm_documents (
        id                text PRIMARY KEY,
        ople              text NOT NULL,
        deliverable       integer NOT NULL,
        version_kind      text NOT NULL,
        title             text NOT NULL,
        status            text NOT NULL,
        ball_in_court     text NOT NULL,
        resolution        text,
        current_round     integer NOT NULL,
        open_observations integer NOT NULL,
        submissions       integer NOT NULL,
        last_oficio       text,
        source_oficio     text,
        due_date          date,
        due_at            timestamptz,
        deadline_party    text,
        deadline_kind     text,
        escalation_level  integer NOT NULL,
        state             jsonb NOT NULL,
        stream_version    integer NOT NULL,
        last_position     bigint NOT NULL,
        updated_at        timestamptz NOT NULL
      )`);
    await q.query('CREATE INDEX rm_documents_ople_status ON rm_documents (ople, status)');
    await q.query('CREATE INDEX rm_documents_ople_ball ON rm_documents (ople, ball_in_court)');
    await q.query('CREATE INDEX rm_documents_due_at ON rm_documents (due_at) WHERE due_at IS NOT NULL');
    await q.query('CREATE INDEX rm_documents_deliverable ON rm_documents (deliverable, ople)');
    await q.query(`
      CREATE TABLE rm_rounds (
        document_id             text NOT NULL,
        number                  integer NOT NULL,
        submitted_by            text,
        submitted_on            date,
        answered_by             text,
        answered_on             date,
        outcome                 text,
        additional_observations boolean,
        PRIMARY KEY (document_id, number)
      )`);
    await q.query(`
      CREATE TABLE rm_observations (
        document_id     text NOT NULL,
        id              text NOT NULL,
        text            text NOT NULL,
        raised_by       text NOT NULL,
        raised_in_round integer NOT NULL,
        inferred        boolean NOT NULL,
        status          text NOT NULL,
        last_judged_by  text,
        PRIMARY KEY (document_id, id)
      )`);
    await q.query("CREATE INDEX rm_observations_open ON rm_observations (document_id) WHERE status <> 'ADDRESSED'");
    await q.query(`
      CREATE TABLE rm_obligations (
        id             text PRIMARY KEY,
        kind           text NOT NULL,
        ople           text NOT NULL,
        source_oficio  text,
        subject        text NOT NULL,
        deliverable    integer,
        due_date       date,
        due_at         timestamptz,
        status         text NOT NULL,
        closed_by      text,
        state          jsonb,
        stream_version integer NOT NULL,
        last_position  bigint NOT NULL
      )`);
    await q.query("CREATE INDEX rm_obligations_open_due ON rm_obligations (due_at) WHERE status = 'OPEN'");
    await q.query('CREATE INDEX rm_obligations_ople ON rm_obligations (ople, status)');
    await q.query(`
      CREATE TABLE rm_escalations (
        stream_id       text NOT NULL,
        key             text NOT NULL,
        ople            text NOT NULL,
        step            text NOT NULL,
        recipient       text NOT NULL,
        deadline_party  text NOT NULL,
        deadline_kind   text NOT NULL,
        due_at          timestamptz NOT NULL,
        due_to_fire_at  timestamptz NOT NULL,
        fired_at        timestamptz NOT NULL,
        PRIMARY KEY (stream_id, key)
      )`);
    await q.query('CREATE INDEX rm_escalations_ople_fired ON rm_escalations (ople, fired_at)');
    await q.query(`
      CREATE TABLE rm_correspondence (
        oficio_number text NOT NULL,
        stream_id     text NOT NULL,
        ople          text NOT NULL,
        direction     text NOT NULL,
        date          date,
        role          text NOT NULL,
        cites         text[] NOT NULL DEFAULT '{}',
        PRIMARY KEY (oficio_number, stream_id)
      )`);
    await q.query('CREATE INDEX rm_correspondence_stream ON rm_correspondence (stream_id)');
    await q.query('CREATE INDEX rm_correspondence_ople_date ON rm_correspondence (ople, date)');
    await q.query(`
      CREATE FUNCTION events_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('seguimiento_events', '');
        RETURN NULL;
      END $$`);
    await q.query(
      'CREATE TRIGGER events_notify AFTER INSERT ON events FOR EACH STATEMENT EXECUTE FUNCTION events_notify()',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TRIGGER events_notify ON events');
    await q.query('DROP FUNCTION events_notify()');
    for (const t of [
      'rm_correspondence',
      'rm_escalations',
      'rm_obligations',
      'rm_observations',
      'rm_rounds',
      'rm_documents',
      'projection_checkpoints',
    ]) {
      await q.query(`DROP TABLE ${t}`);
    }
  }
}
