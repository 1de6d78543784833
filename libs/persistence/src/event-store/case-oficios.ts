import type { EntityManager } from 'typeorm';
import {
  type CaseContext,
  type CorrespondenceEntry,
  caseContext,
  correspondenceOf,
} from '../read-models/correspondence/projection';

interface EventLike {
  type: string;
  data: object;
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

/**
 * Indexes the events stored after `after` (the whole log by default): the migration that creates
 * the index, and tools that write the log in bulk rather than through `append`. Idempotent.
 */
export async function backfillCaseOficios(
  tx: EntityManager,
  { after = '0', pageSize = 5000 }: { after?: string; pageSize?: number } = {},
): Promise<void> {
  const contexts = new Map<string, CaseContext>();
  for (;;) {
    const page: Array<{ position: string; stream_id: string; stream_version: number } & EventLike> = await tx.query(
      'SELECT position, stream_id, stream_version, type, data FROM events WHERE position > $1 ORDER BY position LIMIT $2',
      [after, pageSize],
    );
    if (page.length === 0) return;
    // Streams opened before this page: their context comes from their opening event.
    const missing = [...new Set(page.filter((e) => !contexts.has(e.stream_id)).map((e) => e.stream_id))];
    if (missing.length) {
      for (const o of await tx.query(
        'SELECT stream_id, type, data FROM events WHERE stream_version = 1 AND stream_id = ANY($1::text[])',
        [missing],
      ))
        contexts.set(o.stream_id, caseContext(o));
    }
    const entries = page.flatMap((e) =>
      correspondenceOf(e.stream_id, e, contexts.get(e.stream_id) ?? caseContext(undefined)),
    );
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
