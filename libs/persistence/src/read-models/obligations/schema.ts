import type { DocumentState, RequestState } from '@seguimiento/domain';
import type { Columns } from '../sql';

/**
 * What the OPLE owes, in `rm_obligations`: INE's requests, and the documents a reminder expects
 * (EXPECTED_DELIVERABLE, whose state stays in rm_documents).
 */
export interface ObligationRow {
  id: string;
  kind: 'REQUEST' | 'EXPECTED_DELIVERABLE';
  ople: string;
  source_oficio: string | null;
  subject: string;
  deliverable: number | null;
  due_date: string | null;
  due_at: string | null;
  status: string;
  closed_by: string | null;
  state: RequestState | DocumentState | null;
  stream_version: number;
  last_position: string;
}

export const OBLIGATIONS_TABLE = 'rm_obligations';

export const OBLIGATION_COLUMNS: Columns<ObligationRow> = {
  id: 'text',
  kind: 'text',
  ople: 'text',
  source_oficio: 'text',
  subject: 'text',
  deliverable: 'int',
  due_date: 'date',
  due_at: 'timestamptz',
  status: 'text',
  closed_by: 'text',
  state: 'jsonb',
  stream_version: 'int',
  last_position: 'bigint',
};
