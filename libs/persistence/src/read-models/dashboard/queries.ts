import { addCountedDays, endOfLocalDay, isDocumentClosed, localDateOf, policyWith } from '@seguimiento/domain';
import type { DataSource } from 'typeorm';
import { type Snapshot, snapshotAsOf } from '../../time-travel/as-of';
import { pendingReviewCount } from '../reviews/queries';

export interface CountBy {
  key: string;
  count: number;
}

/** Something with a running deadline: an open document or an open request. */
export interface DueItem {
  id: string;
  kind: string;
  title: string;
  party: string;
  dueDate: string;
}

/** The supervisors' board: documents by status and by who holds the ball, what is overdue and what falls due within 7 days. */
export interface Dashboard {
  ople: string | null;
  byStatus: CountBy[];
  byBallInCourt: CountBy[];
  overdueCount: number;
  /** Items of the review queue still pending (as of the instant, for a past board). */
  pendingReviewCount: number;
  oldestOverdue: DueItem | null;
  dueNext7Days: DueItem[];
}

/** The end of the 7 counted days after `now`'s local day. */
const weekEndOf = (now: Date | string): string => endOfLocalDay(addCountedDays(localDateOf(now), 7, policyWith()));

/** The board now, from `rm_documents` and `rm_obligations`, in two round trips. */
export async function dashboardNow(db: DataSource, ople: string | null, now: Date): Promise<Dashboard> {
  const byOple = ople ? 'AND ople = $1' : '';
  const params = ople ? [ople] : [];
  // The counts by status and by who holds the ball, then the deadlines.
  const counts: Array<{ dim: 'status' | 'ball'; key: string; count: number }> = await db.query(
    `SELECT 'status' AS dim, status AS key, count(*)::int AS count FROM rm_documents WHERE true ${byOple} GROUP BY status
     UNION ALL
     SELECT 'ball', ball_in_court, count(*)::int FROM rm_documents WHERE status NOT IN ('RESOLVED', 'WITHDRAWN') ${byOple} GROUP BY ball_in_court
     ORDER BY 1, 2`,
    params,
  );
  const byStatus = counts.filter((c) => c.dim === 'status').map(({ key, count }) => ({ key, count }));
  const byBallInCourt = counts.filter((c) => c.dim === 'ball').map(({ key, count }) => ({ key, count }));
  // Everything with a running deadline: open documents, and open requests.
  const pending = `
    SELECT id, 'DOCUMENT' AS kind, title, deadline_party AS party, due_date, due_at FROM rm_documents WHERE due_at IS NOT NULL ${byOple}
    UNION ALL
    SELECT id, 'REQUEST', subject, 'OPLE', due_date, due_at FROM rm_obligations WHERE kind = 'REQUEST' AND status = 'OPEN' AND due_at IS NOT NULL ${byOple}`;
  const [n, w] = [`$${params.length + 1}`, `$${params.length + 2}`];
  const [{ overdue, oldest, next }]: Array<{
    overdue: number;
    oldest: Record<string, string> | null;
    next: Array<Record<string, string>>;
  }> = await db.query(
    `WITH p AS (${pending})
     SELECT (SELECT count(*)::int FROM p WHERE due_at <= ${n}) AS overdue,
            (SELECT row_to_json(o) FROM (SELECT * FROM p WHERE due_at <= ${n} ORDER BY due_at, id LIMIT 1) o) AS oldest,
            (SELECT coalesce(json_agg(x ORDER BY x.due_at, x.id), '[]'::json) FROM (SELECT * FROM p WHERE due_at > ${n} AND due_at <= ${w} ORDER BY due_at, id LIMIT 100) x) AS next`,
    [...params, now, weekEndOf(now)],
  );
  const dueItem = (row: Record<string, string>): DueItem => ({
    id: row.id,
    kind: row.kind,
    title: row.title,
    party: row.party,
    dueDate: row.due_date,
  });
  return {
    ople,
    byStatus,
    byBallInCourt,
    overdueCount: overdue,
    pendingReviewCount: await pendingReviewCount(db, ople),
    oldestOverdue: oldest ? dueItem(oldest) : null,
    dueNext7Days: next.map(dueItem),
  };
}

/** The board as of a past instant, from the cases folded from the log. */
export async function dashboardAsOf(db: DataSource, ople: string | null, asOf: Date): Promise<Dashboard> {
  const snapshot = await snapshotAsOf(db, asOf.toISOString(), { ople: ople ?? undefined });
  const count = (values: string[]) =>
    [...values.reduce((m, v) => m.set(v, (m.get(v) ?? 0) + 1), new Map<string, number>())]
      .map(([key, n]) => ({ key, count: n }))
      .sort((a, b) => a.key.localeCompare(b.key));
  const items = dueItems(snapshot);
  const at = Date.parse(snapshot.asOf);
  const weekEnd = Date.parse(weekEndOf(snapshot.asOf));
  const overdue = items.filter((i) => Date.parse(i.dueAt) <= at);
  return {
    ople,
    byStatus: count(snapshot.documents.map((d) => d.status)),
    byBallInCourt: count(snapshot.documents.filter((d) => !isDocumentClosed(d)).map((d) => d.ballInCourt)),
    overdueCount: overdue.length,
    pendingReviewCount: await pendingReviewsAsOf(db, ople, asOf),
    oldestOverdue: overdue[0] ?? null,
    dueNext7Days: items.filter((i) => Date.parse(i.dueAt) > at && Date.parse(i.dueAt) <= weekEnd),
  };
}

function dueItems(snapshot: Snapshot): Array<DueItem & { dueAt: string }> {
  const documents = snapshot.documents
    .filter((d) => !isDocumentClosed(d) && d.deadline)
    .map((d) => ({
      id: d.documentId!,
      kind: 'DOCUMENT',
      title: d.title!,
      party: d.deadline!.party,
      dueDate: d.deadline!.dueDate,
      dueAt: d.deadline!.dueAt,
    }));
  const requests = snapshot.requests
    .filter((r) => r.status === 'OPEN' && r.deadline)
    .map((r) => ({
      id: r.requestId!,
      kind: 'REQUEST',
      title: r.subject!,
      party: 'OPLE',
      dueDate: r.deadline!.dueDate,
      dueAt: r.deadline!.dueAt,
    }));
  return [...documents, ...requests].sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.id.localeCompare(b.id));
}

/** The review items queued by `asOf` and neither resolved nor dismissed by then, from the log. */
async function pendingReviewsAsOf(db: DataSource, ople: string | null, asOf: Date): Promise<number> {
  const [row]: Array<{ n: number }> = await db.query(
    `SELECT count(*)::int AS n FROM (
       SELECT stream_id FROM events
        WHERE stream_id LIKE $1 AND recorded_at <= $2
        GROUP BY stream_id
       HAVING bool_or(type = 'ReviewQueued') AND NOT bool_or(type IN ('ReviewResolved', 'ReviewDismissed'))) p`,
    [`review:${ople ?? '%'}:%`, asOf],
  );
  return row.n;
}
