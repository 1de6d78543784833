import type { Columns } from '../sql';

/** The correspondence register, `rm_correspondence`: one row per oficio and case it touches, in a role. */
export interface CorrespondenceRow {
  oficio_number: string;
  stream_id: string;
  ople: string | null;
  direction: 'IN' | 'OUT';
  /** Local date (YYYY-MM-DD) of the oficio, when known. */
  date: string | null;
  role: string;
  cites: string[];
  subject: string | null;
  /** ISO 8601 instant with its offset (PostgreSQL gives it back as a Date). */
  meeting_at: string | null;
}

export const CORRESPONDENCE_TABLE = 'rm_correspondence';

export const CORRESPONDENCE_COLUMNS: Columns<CorrespondenceRow> = {
  oficio_number: 'text',
  stream_id: 'text',
  ople: 'text',
  direction: 'text',
  date: 'date',
  role: 'text',
  cites: 'text[]',
  subject: 'text',
  meeting_at: 'timestamptz',
};
