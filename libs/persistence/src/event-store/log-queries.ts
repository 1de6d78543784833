import type { EscalationRaisedData } from '@seguimiento/domain';
import type { DataSource } from 'typeorm';

/** One event of the log as its readers (a case's timeline, the commission's report) see it. */
export interface LogRow {
  position: string;
  stream_id: string;
  stream_version: number;
  type: string;
  data: Record<string, unknown>;
  metadata: Record<string, string | undefined>;
  occurred_at: Date;
  recorded_at: Date;
}

/** Every event of these streams, each stream in order: one query for many cases' timelines. */
export async function eventsOfStreams(db: DataSource, streamIds: readonly string[]): Promise<LogRow[]> {
  return db.query(
    `SELECT position::text, stream_id, stream_version, type, data, metadata, occurred_at, recorded_at
       FROM events WHERE stream_id = ANY($1) ORDER BY stream_id, stream_version`,
    [streamIds],
  );
}

/** Every event of one OPLE's cases, in the order they were written. */
export async function eventsOfOple(
  db: DataSource,
  ople: string,
): Promise<Array<Pick<LogRow, 'stream_id' | 'type' | 'data'>>> {
  return db.query(`SELECT stream_id, type, data FROM events WHERE stream_id LIKE $1 ORDER BY position`, [
    `%:${ople}:%`,
  ]);
}

/** The escalations raised between two log positions, in log order. */
export async function escalationsRaisedBetween(
  db: DataSource,
  from: string,
  upTo: string,
): Promise<Array<{ streamId: string; escalation: EscalationRaisedData }>> {
  const rows: Array<{ stream_id: string; data: EscalationRaisedData }> = await db.query(
    "SELECT stream_id, data FROM events WHERE type = 'EscalationRaised' AND position > $1 AND position <= $2 ORDER BY position",
    [from, upTo],
  );
  return rows.map((r) => ({ streamId: r.stream_id, escalation: r.data }));
}
