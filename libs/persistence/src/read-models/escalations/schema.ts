import type { Columns } from '../sql';

/** Every escalation a case's deadline fired, in `rm_escalations`, and who took charge of it. */
export interface EscalationRow {
  stream_id: string;
  key: string;
  ople: string;
  step: string;
  recipient: string;
  deadline_party: string;
  deadline_kind: string;
  due_at: string;
  due_to_fire_at: string;
  fired_at: string;
  /** Raised when an import of past correspondence ended with the case already overdue (one summary mail). */
  found_at_import: boolean;
}

/** Written on the row by EscalationAcknowledged (PostgreSQL gives the instant back as a Date). */
export interface EscalationAcknowledgementRow {
  acknowledged_by: string | null;
  acknowledged_at: string | Date | null;
}

export const ESCALATIONS_TABLE = 'rm_escalations';

export const ESCALATION_COLUMNS: Columns<EscalationRow> = {
  stream_id: 'text',
  key: 'text',
  ople: 'text',
  step: 'text',
  recipient: 'text',
  deadline_party: 'text',
  deadline_kind: 'text',
  due_at: 'timestamptz',
  due_to_fire_at: 'timestamptz',
  fired_at: 'timestamptz',
  found_at_import: 'boolean',
};
