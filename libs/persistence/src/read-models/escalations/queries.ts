import type { DataSource } from 'typeorm';
import { ESCALATIONS_TABLE, type EscalationAcknowledgementRow, type EscalationRow } from './schema';

/** What the register of escalations shows of one. */
export interface Escalation {
  streamId: string;
  key: string;
  ople: string;
  step: string;
  recipient: string;
  dueAt: string;
  firedAt: string;
  /** The deadline that fired it is still the case's running deadline. */
  open: boolean;
  acknowledgedBy: string | null;
  acknowledgedAt: string | null;
  /** Found already overdue when an import of past correspondence ended. */
  foundAtImport: boolean;
}

export interface EscalationFilter {
  ople?: string;
  open?: boolean;
  /** Only those fired by then (whether they were still open then is not tracked). */
  asOf?: Date;
  streamId?: string;
  key?: string;
}

const LIMIT = 500;

/** Escalations fired, the most recent first, from `rm_escalations` and their cases' running deadlines. */
export async function escalationsFired(db: DataSource, filter: EscalationFilter): Promise<Escalation[]> {
  const params: unknown[] = [];
  const where: string[] = [];
  if (filter.streamId) where.push(`e.stream_id = $${params.push(filter.streamId)}`);
  if (filter.key) where.push(`e.key = $${params.push(filter.key)}`);
  if (filter.asOf) where.push(`e.fired_at <= $${params.push(filter.asOf)}`);
  if (filter.ople) where.push(`e.ople = $${params.push(filter.ople)}`);
  // Open: the deadline that fired it is still the case's running deadline.
  const open = `COALESCE(d.due_at, o.due_at) = e.due_at`;
  if (filter.open === true) where.push(open);
  // Parenthesised: each condition is ANDed with the others (the OPLE's among them).
  if (filter.open === false) where.push(`(NOT (${open}) OR COALESCE(d.due_at, o.due_at) IS NULL)`);
  const rows: Array<
    Pick<EscalationRow, 'stream_id' | 'key' | 'ople' | 'step' | 'recipient' | 'found_at_import'> &
      EscalationAcknowledgementRow & { due_at: Date; fired_at: Date; open: boolean }
  > = await db.query(
    `SELECT e.stream_id, e.key, e.ople, e.step, e.recipient, e.due_at, e.fired_at, e.acknowledged_by, e.acknowledged_at, e.found_at_import, COALESCE(${open}, false) AS open
       FROM rm_escalations e
       LEFT JOIN rm_documents d ON d.id = e.stream_id
       LEFT JOIN rm_obligations o ON o.id = e.stream_id AND o.kind = 'REQUEST' AND o.status = 'OPEN'
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY e.fired_at DESC, e.stream_id LIMIT ${LIMIT}`,
    params,
  );
  return rows.map((r) => ({
    streamId: r.stream_id,
    key: r.key,
    ople: r.ople,
    step: r.step,
    recipient: r.recipient,
    dueAt: new Date(r.due_at).toISOString(),
    firedAt: new Date(r.fired_at).toISOString(),
    open: r.open,
    acknowledgedBy: r.acknowledged_by,
    acknowledgedAt: r.acknowledged_at ? new Date(r.acknowledged_at).toISOString() : null,
    foundAtImport: r.found_at_import === true,
  }));
}

/** How many escalations each step has raised so far (the metrics' gauge). */
export function escalationsByStep(db: DataSource): Promise<Array<{ step: string; n: number }>> {
  return db.query(`SELECT step, count(*)::int AS n FROM ${ESCALATIONS_TABLE} GROUP BY step`);
}
