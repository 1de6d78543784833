import type { DocumentState, RequestState } from '@seguimiento/domain';
import type { EntityManager } from 'typeorm';
import type { RowMeta } from '../documents/projection';
import { insertRows, upsertOf } from '../sql';
import { OBLIGATIONS_TABLE, OBLIGATION_COLUMNS, type ObligationRow } from './schema';

/** A document the OPLE owes before sending it (a reminder's item) is an obligation too. */
export function expectedDeliverableRow(s: DocumentState, { version, position }: RowMeta): ObligationRow {
  const open = s.status === 'EXPECTED';
  return {
    id: s.documentId!,
    kind: 'EXPECTED_DELIVERABLE',
    ople: s.ople!,
    source_oficio: s.sourceOficio,
    subject: s.title!,
    deliverable: s.deliverable,
    due_date: open ? (s.deadline?.dueDate ?? null) : null,
    due_at: open ? (s.deadline?.dueAt ?? null) : null,
    status: open ? 'OPEN' : s.status === 'WITHDRAWN' ? 'CANCELLED' : 'FULFILLED',
    closed_by: open ? null : s.lastOficioNumber,
    state: null,
    stream_version: version,
    last_position: position,
  };
}

export function requestRow(s: RequestState, { version, position }: RowMeta): ObligationRow {
  return {
    id: s.requestId!,
    kind: 'REQUEST',
    ople: s.ople!,
    source_oficio: s.oficioNumber,
    subject: s.subject!,
    deliverable: s.deliverable,
    due_date: s.deadline?.dueDate ?? null,
    due_at: s.deadline?.dueAt ?? null,
    status: s.status,
    closed_by: s.fulfilledBy?.oficioNumber ?? null,
    state: s,
    stream_version: version,
    last_position: position,
  };
}

/** Upserts obligations; their kind, OPLE and source oficio never change. */
export async function writeObligations(tx: EntityManager, rows: readonly ObligationRow[]): Promise<void> {
  await insertRows(tx, OBLIGATIONS_TABLE, OBLIGATION_COLUMNS, rows, upsertOf(OBLIGATION_COLUMNS, 'id', 3));
}
