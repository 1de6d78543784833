import type { DocumentState } from '@seguimiento/domain';
import type { Columns } from '../sql';

/**
 * The documents' read model: one row per document in `rm_documents`, its rounds in `rm_rounds` and
 * its observations in `rm_observations` (created by the read-models migration, which stays as
 * history; these interfaces state the columns the projection writes and the queries read).
 */
export interface DocumentRow {
  id: string;
  ople: string;
  deliverable: number;
  version_kind: string;
  title: string;
  status: string;
  ball_in_court: string;
  resolution: string | null;
  current_round: number;
  open_observations: number;
  submissions: number;
  last_oficio: string | null;
  source_oficio: string | null;
  due_date: string | null;
  /** ISO 8601 instant (PostgreSQL gives it back as a Date). */
  due_at: string | null;
  deadline_party: string | null;
  deadline_kind: string | null;
  escalation_level: number;
  state: DocumentState;
  stream_version: number;
  last_position: string;
  /** When the last event folded into the row was recorded. */
  updated_at: Date;
}

export const DOCUMENTS_TABLE = 'rm_documents';

export const DOCUMENT_COLUMNS: Columns<DocumentRow> = {
  id: 'text',
  ople: 'text',
  deliverable: 'int',
  version_kind: 'text',
  title: 'text',
  status: 'text',
  ball_in_court: 'text',
  resolution: 'text',
  current_round: 'int',
  open_observations: 'int',
  submissions: 'int',
  last_oficio: 'text',
  source_oficio: 'text',
  due_date: 'date',
  due_at: 'timestamptz',
  deadline_party: 'text',
  deadline_kind: 'text',
  escalation_level: 'int',
  state: 'jsonb',
  stream_version: 'int',
  last_position: 'bigint',
  updated_at: 'timestamptz',
};

export interface RoundRow {
  document_id: string;
  number: number;
  submitted_by: string | null;
  submitted_on: string | null;
  answered_by: string | null;
  answered_on: string | null;
  outcome: string | null;
  additional_observations: boolean | null;
}

export const ROUND_COLUMNS: Columns<RoundRow> = {
  document_id: 'text',
  number: 'int',
  submitted_by: 'text',
  submitted_on: 'date',
  answered_by: 'text',
  answered_on: 'date',
  outcome: 'text',
  additional_observations: 'boolean',
};

export interface ObservationRow {
  document_id: string;
  id: string;
  text: string;
  raised_by: string;
  raised_in_round: number;
  inferred: boolean;
  status: string;
  last_judged_by: string | null;
}

export const OBSERVATION_COLUMNS: Columns<ObservationRow> = {
  document_id: 'text',
  id: 'text',
  text: 'text',
  raised_by: 'text',
  raised_in_round: 'int',
  inferred: 'boolean',
  status: 'text',
  last_judged_by: 'text',
};
