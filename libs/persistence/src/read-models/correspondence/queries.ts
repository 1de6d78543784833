import { MEXICO_CITY, localDateOf } from '@seguimiento/domain';
import { DateTime } from 'luxon';
import type { DataSource } from 'typeorm';
import type { CorrespondenceEntry } from './projection';
import type { CorrespondenceRow } from './schema';

export interface CorrespondenceFilter {
  ople?: string;
  /** Local dates (YYYY-MM-DD), checked by the caller. */
  from?: string;
  to?: string;
  direction?: 'IN' | 'OUT';
  /** Only oficios dated up to that instant's local day. */
  asOf?: Date;
}

/** A row as PostgreSQL gives it back: the meeting as a Date. */
type StoredRow = Omit<CorrespondenceRow, 'meeting_at'> & { meeting_at: Date | null };

const LIMIT = 500;

/** The register, oldest first (undated ones first of all). */
export async function correspondenceRegister(
  db: DataSource,
  filter: CorrespondenceFilter,
): Promise<CorrespondenceEntry[]> {
  const params: unknown[] = [];
  const where: string[] = [];
  if (filter.asOf) where.push(`date <= $${params.push(localDateOf(filter.asOf))}::date`);
  if (filter.ople) where.push(`ople = $${params.push(filter.ople)}`);
  if (filter.from) where.push(`date >= $${params.push(filter.from)}::date`);
  if (filter.to) where.push(`date <= $${params.push(filter.to)}::date`);
  if (filter.direction) where.push(`direction = $${params.push(filter.direction)}`);
  const rows: StoredRow[] = await db.query(
    `SELECT * FROM rm_correspondence ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY date NULLS FIRST, oficio_number, stream_id LIMIT ${LIMIT}`,
    params,
  );
  return rows.map(entryOf);
}

/**
 * One oficio (its number normalised by the caller): its entries, one per case it touches, and the
 * oficios that cite it. `ople`: only that OPLE's side of it.
 */
export async function oficioEntries(
  db: DataSource,
  number: string,
  ople: string | null,
): Promise<{ entries: CorrespondenceEntry[]; citedBy: string[] }> {
  const rows: StoredRow[] = await db.query(
    'SELECT * FROM rm_correspondence WHERE oficio_number = $1 AND ($2::text IS NULL OR ople = $2) ORDER BY stream_id',
    [number, ople],
  );
  const citedBy: Array<Pick<CorrespondenceRow, 'oficio_number'>> = await db.query(
    'SELECT DISTINCT oficio_number FROM rm_correspondence WHERE $1 = ANY(cites) AND ($2::text IS NULL OR ople = $2) ORDER BY oficio_number',
    [number, ople],
  );
  return { entries: rows.map(entryOf), citedBy: citedBy.map((c) => c.oficio_number) };
}

function entryOf(r: StoredRow): CorrespondenceEntry {
  return {
    oficioNumber: r.oficio_number,
    streamId: r.stream_id,
    ople: r.ople,
    direction: r.direction,
    date: r.date,
    role: r.role,
    cites: r.cites,
    subject: r.subject ?? null,
    meetingAt: r.meeting_at
      ? DateTime.fromJSDate(r.meeting_at).setZone(MEXICO_CITY).toISO({ suppressMilliseconds: true })
      : null,
  };
}
