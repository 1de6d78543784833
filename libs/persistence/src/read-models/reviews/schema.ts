/**
 * The review queue (issue 15, rule 6) in `review_items`: one row per item, the projection of the
 * `review:<OPLE>:<digest>` streams, written by the event store in the append's transaction (as
 * the directory is), so an item is listed the moment it is queued or resolved.
 */
export interface ReviewItemRow {
  id: string;
  ople: string;
  oficio_number: string | null;
  oficio_date: string | null;
  text: string;
  span_start: number;
  span_end: number;
  reasons: string[];
  read: Record<string, unknown>;
  status: string;
  resolution: Record<string, unknown> | null;
  queued_by: string;
  queued_at: string | Date;
  actor: string | null;
  at: string | Date | null;
}

export const REVIEW_ITEMS_TABLE = 'review_items';
