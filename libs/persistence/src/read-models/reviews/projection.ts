import { type ReviewItem, foldReview, isReviewStream } from '@seguimiento/domain';
import type { EntityManager } from 'typeorm';
import { REVIEW_ITEMS_TABLE } from './schema';

/**
 * Applies a review stream's new events to `review_items`, in the append's transaction: the item
 * is folded from its whole stream (a handful of events) and its row written again.
 */
export async function projectReviews(
  tx: EntityManager,
  streamId: string,
  events: ReadonlyArray<{ type: string; data: Record<string, unknown> }>,
): Promise<void> {
  if (!isReviewStream(streamId) || events.length === 0) return;
  const stored: Array<{ type: string; data: unknown }> = await tx.query(
    'SELECT type, data FROM events WHERE stream_id = $1 ORDER BY stream_version',
    [streamId],
  );
  const item = foldReview(stored);
  if (item) await writeReviewItem(tx, item);
}

async function writeReviewItem(tx: EntityManager, i: ReviewItem): Promise<void> {
  await tx.query(
    `INSERT INTO ${REVIEW_ITEMS_TABLE}
       (id, ople, oficio_number, oficio_date, text, span_start, span_end, reasons, read, status, resolution, queued_by, queued_at, actor, at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9::jsonb, $10, $11::jsonb, $12, $13, $14, $15)
     ON CONFLICT (id) DO UPDATE SET status = excluded.status, resolution = excluded.resolution,
       actor = excluded.actor, at = excluded.at`,
    [
      i.reviewId,
      i.ople,
      i.oficioNumber,
      i.oficioDate,
      i.text,
      i.span.start,
      i.span.end,
      JSON.stringify(i.reasons),
      JSON.stringify(i.read),
      i.status,
      i.resolution ? JSON.stringify(i.resolution) : null,
      i.queuedBy,
      i.queuedAt,
      i.actor,
      i.at,
    ],
  );
}

/** Rebuilds the table from the log (the migration that creates it; a repair). */
export async function rebuildReviews(tx: EntityManager): Promise<void> {
  await tx.query(`DELETE FROM ${REVIEW_ITEMS_TABLE}`);
  const streams: Array<{ stream_id: string }> = await tx.query(
    "SELECT DISTINCT stream_id FROM events WHERE stream_id LIKE 'review:%'",
  );
  for (const s of streams) await projectReviews(tx, s.stream_id, [{ type: 'rebuild', data: {} }]);
}
