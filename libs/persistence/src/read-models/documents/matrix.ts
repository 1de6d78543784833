import { type MatrixCell, STATUS_URGENCY, documentMatrix } from '@seguimiento/domain';
import type { DataSource } from 'typeorm';
import { snapshotAsOf } from '../../time-travel/as-of';

/**
 * The national view's cells now, grouped by PostgreSQL over `rm_documents` in one statement
 * (≈1,300 rows for 32 OPLEs, instead of every document): the same groups, status, overdue count,
 * escalation level and lone document as `documentMatrix` computes over rows (the time-travel path).
 */
export async function documentMatrixNow(db: DataSource, ople: string | null, now: string): Promise<MatrixCell[]> {
  return db.query(
    `SELECT ople, deliverable, version_kind AS "versionKind", count(*)::int AS documents,
            ($1::text[])[min(array_position($1::text[], status))] AS status,
            (count(*) FILTER (WHERE due_at <= $2))::int AS overdue,
            max(escalation_level)::int AS "escalationLevel",
            CASE WHEN count(*) = 1 THEN min(id) END AS "documentId"
       FROM rm_documents
      WHERE $3::text IS NULL OR ople = $3
      GROUP BY ople, deliverable, version_kind
      ORDER BY ople COLLATE "C", deliverable, version_kind COLLATE "C"`,
    [STATUS_URGENCY, now, ople],
  );
}

/** The same cells as of a past instant, from the documents folded from the log. */
export async function documentMatrixAsOf(db: DataSource, ople: string | null, asOf: string): Promise<MatrixCell[]> {
  const snapshot = await snapshotAsOf(db, asOf, { ople: ople ?? undefined });
  const documents = snapshot.documentRows.map((r) => ({
    id: r.id,
    ople: r.ople,
    deliverable: r.deliverable,
    versionKind: r.version_kind,
    status: r.status as MatrixCell['status'],
    dueAt: r.due_at,
    escalationLevel: r.escalation_level,
  }));
  return documentMatrix(documents, snapshot.asOf);
}
