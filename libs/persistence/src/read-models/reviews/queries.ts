import type { ReviewItem, ReviewStatus } from '@seguimiento/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { REVIEW_ITEMS_TABLE, type ReviewItemRow } from './schema';

export interface ReviewFilter {
  ople?: string | null;
  status?: ReviewStatus | null;
  id?: string;
}

const LIMIT = 500;

const iso = (v: string | Date | null): string | null => (v === null ? null : new Date(v).toISOString());

function itemOf(r: ReviewItemRow): ReviewItem {
  return {
    reviewId: r.id,
    ople: r.ople,
    oficioNumber: r.oficio_number,
    oficioDate: r.oficio_date,
    text: r.text,
    span: { start: r.span_start, end: r.span_end },
    reasons: r.reasons,
    read: r.read as unknown as ReviewItem['read'],
    status: r.status as ReviewStatus,
    resolution: r.resolution as ReviewItem['resolution'],
    queuedBy: r.queued_by,
    queuedAt: iso(r.queued_at)!,
    actor: r.actor,
    at: iso(r.at),
  };
}

/** The queue, by oficio date (undated last), then id; at most 500. */
export async function listReviews(db: DataSource | EntityManager, filter: ReviewFilter = {}): Promise<ReviewItem[]> {
  const params: unknown[] = [];
  const where: string[] = [];
  if (filter.ople) where.push(`ople = $${params.push(filter.ople)}`);
  if (filter.status) where.push(`status = $${params.push(filter.status)}`);
  if (filter.id) where.push(`id = $${params.push(filter.id)}`);
  const rows: ReviewItemRow[] = await db.query(
    `SELECT * FROM ${REVIEW_ITEMS_TABLE} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY oficio_date NULLS LAST, span_start, id LIMIT ${LIMIT}`,
    params,
  );
  return rows.map(itemOf);
}

/** How many items wait for a person (one OPLE's, or all). */
export async function pendingReviewCount(db: DataSource | EntityManager, ople: string | null): Promise<number> {
  const [row]: Array<{ n: number }> = await db.query(
    `SELECT count(*)::int AS n FROM ${REVIEW_ITEMS_TABLE} WHERE status = 'PENDING' AND ($1::text IS NULL OR ople = $1)`,
    [ople],
  );
  return row.n;
}
