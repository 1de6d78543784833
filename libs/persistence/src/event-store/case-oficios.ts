import type { EntityManager } from 'typeorm';
import {
  type CaseContext,
  type CorrespondenceEntry,
  caseContext,
  correspondenceOf,
} from '../projections/correspondence';

interface EventLike {
  type: string;
  data: Record<string, unknown>;
}

/**
 * Writes the `case_oficios` index (oficio → the cases it touches, in which role) for events being
 * appended, inside the append's transaction: routing reads it, so it is as current as the log.
 * The entries come from the same derivation as the projected register; the case's context (its
 * OPLE, a request's oficio) from its opening event, in the batch or already stored.
 */
export async function indexCaseOficios(
  tx: EntityManager,
  streamId: string,
  expectedVersion: number,
  events: readonly EventLike[],
): Promise<void> {
  const unknown: CaseContext = { ople: null, requestOficio: null };
  if (!events.some((e) => correspondenceOf(streamId, e, unknown).length > 0)) return;
  const opening =
    expectedVersion === 0
      ? events[0]
      : ((
          await tx.query('SELECT type, data FROM events WHERE stream_id = $1 AND stream_version = 1', [streamId])
        )[0] as EventLike | undefined);
  const context = caseContext(opening);
  await insertCaseOficios(
    tx,
    events.flatMap((e) => correspondenceOf(streamId, e, context)),
  );
}

/** Backfills the index from the whole log, in stream order (the migration that creates it). */
export async function backfillCaseOficios(tx: EntityManager, pageSize = 5000): Promise<void> {
  const contexts = new Map<string, CaseContext>();
  let after = '0';
  for (;;) {
    const page: Array<{ position: string; stream_id: string; stream_version: number } & EventLike> = await tx.query(
      'SELECT position, stream_id, stream_version, type, data FROM events WHERE position > $1 ORDER BY position LIMIT $2',
      [after, pageSize],
    );
    if (page.length === 0) return;
    const entries: CorrespondenceEntry[] = [];
    for (const e of page) {
      if (e.stream_version === 1) contexts.set(e.stream_id, caseContext(e));
      entries.push(...correspondenceOf(e.stream_id, e, contexts.get(e.stream_id) ?? caseContext(undefined)));
    }
    await insertCaseOficios(tx, entries);
    after = String(page[page.length - 1].position);
  }
}

async function insertCaseOficios(tx: EntityManager, entries: readonly CorrespondenceEntry[]): Promise<void> {
  const rows = entries.filter((e) => e.oficioNumber);
  if (rows.length === 0) return;
  // Never a unique violation inside an append (the store reads those as a concurrent writer).
  await tx.query(
    `INSERT INTO case_oficios (oficio_number, stream_id, ople, role)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])
     ON CONFLICT DO NOTHING`,
    [rows.map((e) => e.oficioNumber), rows.map((e) => e.streamId), rows.map((e) => e.ople), rows.map((e) => e.role)],
  );
}
