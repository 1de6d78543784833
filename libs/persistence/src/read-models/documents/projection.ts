import { type DocumentState, escalationLevel, openObservations } from '@seguimiento/domain';
import type { EntityManager } from 'typeorm';
import { insertRows, upsertOf } from '../sql';
import {
  DOCUMENTS_TABLE,
  DOCUMENT_COLUMNS,
  type DocumentRow,
  OBSERVATION_COLUMNS,
  type ObservationRow,
  ROUND_COLUMNS,
  type RoundRow,
} from './schema';

/** Where a case's row stands in the log: its stream version, the log position and recording time of its last event. */
export interface RowMeta {
  version: number;
  position: string;
  recordedAt: Date;
}

/**
 * A document's row, from its state as the domain folds it: what the projection writes into
 * `rm_documents`, and what time travel builds for a past instant, so both are queried alike.
 */
export function documentRow(s: DocumentState, { version, position, recordedAt }: RowMeta): DocumentRow {
  return {
    id: s.documentId!,
    ople: s.ople!,
    deliverable: s.deliverable!,
    version_kind: s.versionKind!,
    title: s.title!,
    status: s.status,
    ball_in_court: s.ballInCourt,
    resolution: s.resolution,
    current_round: s.rounds.length,
    open_observations: openObservations(s).length,
    submissions: s.submissions,
    last_oficio: s.lastOficioNumber,
    source_oficio: s.sourceOficio,
    due_date: s.deadline?.dueDate ?? null,
    due_at: s.deadline?.dueAt ?? null,
    deadline_party: s.deadline?.party ?? null,
    deadline_kind: s.deadline?.kind ?? null,
    escalation_level: escalationLevel(s),
    state: s,
    stream_version: version,
    last_position: position,
    updated_at: recordedAt,
  };
}

export async function writeDocuments(tx: EntityManager, rows: readonly DocumentRow[]): Promise<void> {
  await insertRows(tx, DOCUMENTS_TABLE, DOCUMENT_COLUMNS, rows, upsertOf(DOCUMENT_COLUMNS, 'id'));
}

/** Rewrites the rounds and observations of documents whose rounds or observations changed. */
export async function writeDetails(tx: EntityManager, states: readonly DocumentState[]): Promise<void> {
  if (states.length === 0) return;
  const ids = states.map((s) => s.documentId);
  await tx.query('DELETE FROM rm_rounds WHERE document_id = ANY($1)', [ids]);
  await tx.query('DELETE FROM rm_observations WHERE document_id = ANY($1)', [ids]);
  const rounds = states.flatMap((s) =>
    s.rounds.map((r): RoundRow => ({
      document_id: s.documentId!,
      number: r.number,
      submitted_by: r.submittedBy,
      submitted_on: r.submittedOn,
      answered_by: r.answeredBy,
      answered_on: r.answeredOn,
      outcome: r.outcome,
      additional_observations: r.additionalObservations,
    })),
  );
  await insertRows(tx, 'rm_rounds', ROUND_COLUMNS, rounds);
  const observations = states.flatMap((s) =>
    s.observations.map((o): ObservationRow => ({
      document_id: s.documentId!,
      id: o.id,
      text: o.text,
      raised_by: o.raisedBy,
      raised_in_round: o.raisedInRound,
      inferred: o.inferred,
      status: o.status,
      last_judged_by: o.lastJudgedBy,
    })),
  );
  await insertRows(tx, 'rm_observations', OBSERVATION_COLUMNS, observations);
}
