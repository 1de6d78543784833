import { endOfLocalDay } from '@seguimiento/domain';
import type { DataSource } from 'typeorm';
import { openItems, snapshotAsOf } from '../../time-travel/as-of';
import type { ObligationRow } from './schema';

/** What the lists of obligations show of one. */
export interface Obligation {
  id: string;
  kind: string;
  ople: string;
  sourceOficio: string | null;
  subject: string;
  deliverable: number | null;
  dueDate: string | null;
  status: string;
  overdue: boolean;
  closedBy: string | null;
}

export interface ObligationFilter {
  ople?: string;
  /** A local date (YYYY-MM-DD), checked by the caller: due at the latest that day. */
  dueBefore?: string;
  overdue?: boolean;
}

const LIMIT = 500;

/** The open obligations now, from `rm_obligations`, those due first first. */
export async function obligationsNow(db: DataSource, filter: ObligationFilter, now: Date): Promise<Obligation[]> {
  const where = ["status = 'OPEN'"];
  const params: unknown[] = [now];
  if (filter.ople) where.push(`ople = $${params.push(filter.ople)}`);
  if (filter.dueBefore) where.push(`due_at <= $${params.push(endOfLocalDay(filter.dueBefore))}`);
  if (filter.overdue === true) where.push('due_at <= $1');
  if (filter.overdue === false) where.push('(due_at IS NULL OR due_at > $1)');
  const rows: Array<Omit<ObligationRow, 'state' | 'stream_version' | 'last_position'> & { overdue: boolean }> =
    await db.query(
      `SELECT id, kind, ople, source_oficio, subject, deliverable, due_date, status, closed_by, (due_at IS NOT NULL AND due_at <= $1) AS overdue
         FROM rm_obligations WHERE ${where.join(' AND ')} ORDER BY due_at NULLS LAST, id LIMIT ${LIMIT}`,
      params,
    );
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    ople: r.ople,
    sourceOficio: r.source_oficio,
    subject: r.subject,
    deliverable: r.deliverable,
    dueDate: r.due_date,
    status: r.status,
    overdue: r.overdue,
    closedBy: r.closed_by,
  }));
}

/** The obligations open as of a past instant, from the cases folded from the log. */
export async function obligationsAsOf(db: DataSource, filter: ObligationFilter, asOf: Date): Promise<Obligation[]> {
  const snapshot = await snapshotAsOf(db, asOf.toISOString(), { ople: filter.ople });
  const byId = new Map(snapshot.documents.map((d) => [d.documentId!, d]));
  const limit = filter.dueBefore ? Date.parse(endOfLocalDay(filter.dueBefore)) : null;
  return openItems(snapshot)
    .filter((i) => i.kind === 'REQUEST' || (byId.get(i.id)?.status === 'EXPECTED' && byId.get(i.id)?.sourceOficio))
    .filter(
      (i) =>
        (filter.overdue === undefined || i.overdue === filter.overdue) &&
        (limit === null || (i.dueDate !== null && Date.parse(endOfLocalDay(i.dueDate)) <= limit)),
    )
    .map((i) => {
      const request = snapshot.requests.find((r) => r.requestId === i.id);
      const document = byId.get(i.id);
      return {
        id: i.id,
        kind: request ? 'REQUEST' : 'EXPECTED_DELIVERABLE',
        ople: i.ople,
        sourceOficio: request?.oficioNumber ?? document?.sourceOficio ?? null,
        subject: request?.subject ?? document?.title ?? '',
        deliverable: request?.deliverable ?? document?.deliverable ?? null,
        dueDate: i.dueDate,
        status: 'OPEN',
        overdue: i.overdue,
        closedBy: null,
      };
    })
    .sort((a, b) => (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') || a.id.localeCompare(b.id));
}
