import { addCountedDays, endOfLocalDay, isDocumentClosed, localDateOf, policyWith } from '@seguimiento/domain';
import type { DataSource } from 'typeorm';
import { type Snapshot, snapshotAsOf } from '../../time-travel/as-of';
import { REVIEW_ITEMS_TABLE } from '../reviews/schema';

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

/**
 * The board now, from `rm_documents`, `rm_obligations` and `rm_review_items`, in one statement
 * (three round trips before: each cost the gateway a pool checkout and a result parse under load).
 */
export async function dashboardNow(db: DataSource, ople: string | null, now: Date): Promise<Dashboard> {
  const byOple = ople ? 'AND ople = $3' : '';
  const params: unknown[] = [now, weekEndOf(now), ...(ople ? [ople] : [])];
  const item = `json_build_object('id', id, 'kind', kind, 'title', title, 'party', party, 'dueDate', due_date)`;
  const [row]: Array<Omit<Dashboard, 'ople'>> = await db.query(
    `WITH p AS (
       -- Everything with a running deadline: open documents, and open requests.
       SELECT id, 'DOCUMENT' AS kind, title, deadline_party AS party, due_date, due_at FROM rm_documents WHERE due_at IS NOT NULL ${byOple}
       UNION ALL
       SELECT id, 'REQUEST', subject, 'OPLE', due_date, due_at FROM rm_obligations WHERE kind = 'REQUEST' AND status = 'OPEN' AND due_at IS NOT NULL ${byOple})
     SELECT
       (SELECT coalesce(json_agg(json_build_object('key', status, 'count', n) ORDER BY status), '[]'::json)
          FROM (SELECT status, count(*)::int AS n FROM rm_documents WHERE true ${byOple} GROUP BY status) s) AS "byStatus",
       (SELECT coalesce(json_agg(json_build_object('key', ball_in_court, 'count', n) ORDER BY ball_in_court), '[]'::json)
          FROM (SELECT ball_in_court, count(*)::int AS n FROM rm_documents
                 WHERE status NOT IN ('RESOLVED', 'WITHDRAWN') ${byOple} GROUP BY ball_in_court) b) AS "byBallInCourt",
       (SELECT count(*)::int FROM p WHERE due_at <= $1) AS "overdueCount",
       (SELECT count(*)::int FROM ${REVIEW_ITEMS_TABLE} WHERE status = 'PENDING' ${byOple}) AS "pendingReviewCount",
       (SELECT ${item} FROM (SELECT * FROM p WHERE due_at <= $1 ORDER BY due_at, id LIMIT 1) o) AS "oldestOverdue",
       (SELECT coalesce(json_agg(${item} ORDER BY x.due_at, x.id), '[]'::json)
          FROM (SELECT * FROM p WHERE due_at > $1 AND due_at <= $2 ORDER BY due_at, id LIMIT 100) x) AS "dueNext7Days"`,
    params,
  );
  return { ople, ...row };
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
