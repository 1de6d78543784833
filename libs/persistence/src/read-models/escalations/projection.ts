import type { EscalationAcknowledgedData, EscalationRaisedData } from '@seguimiento/domain';
import type { EntityManager } from 'typeorm';
import { insertRows } from '../sql';
import { ESCALATIONS_TABLE, ESCALATION_COLUMNS, type EscalationRow } from './schema';

/** An acknowledgement to write on its escalation's row. */
export interface Acknowledgement {
  streamId: string;
  key: string;
  by: string;
  at: string;
}

export function escalationRow(streamId: string, e: EscalationRaisedData, ople: string): EscalationRow {
  return {
    stream_id: streamId,
    key: e.key,
    ople,
    step: e.step,
    recipient: e.recipient,
    deadline_party: e.deadline.party,
    deadline_kind: e.deadline.kind,
    due_at: e.deadline.dueAt,
    due_to_fire_at: e.dueToFireAt,
    fired_at: e.firedAt,
    found_at_import: e.foundAtImport === true,
  };
}

export function acknowledgementOf(streamId: string, a: EscalationAcknowledgedData): Acknowledgement {
  return { streamId, key: a.key, by: a.by, at: a.at };
}

/** New escalations (one each: a step fires once), then the acknowledgements, in that order (one batch may hold both). */
export async function writeEscalations(
  tx: EntityManager,
  rows: readonly EscalationRow[],
  acknowledgements: readonly Acknowledgement[],
): Promise<void> {
  await insertRows(tx, ESCALATIONS_TABLE, ESCALATION_COLUMNS, rows, 'ON CONFLICT DO NOTHING');
  if (acknowledgements.length === 0) return;
  await tx.query(
    `UPDATE ${ESCALATIONS_TABLE} e SET acknowledged_by = a.by, acknowledged_at = a.at
       FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[]) AS a(stream_id, key, by, at)
      WHERE e.stream_id = a.stream_id AND e.key = a.key`,
    [
      acknowledgements.map((a) => a.streamId),
      acknowledgements.map((a) => a.key),
      acknowledgements.map((a) => a.by),
      acknowledgements.map((a) => a.at),
    ],
  );
}
