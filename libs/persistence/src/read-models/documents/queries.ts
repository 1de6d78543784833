import type { DocumentState } from '@seguimiento/domain';
import type { DataSource } from 'typeorm';
import { snapshotAsOf } from '../../time-travel/as-of';
import type { DocumentRow } from './schema';
import {
  type DocumentPage,
  type DocumentQuery,
  type SortedRow,
  documentPageFromRows,
  documentPageOf,
  documentPageSql,
  documentQuerySql,
} from './query';

/** A listed document: its state, and the columns its cursor comes from. */
export type ListedDocument = SortedRow & { state: DocumentState };

const LISTED = 'id, due_at, updated_at, state';

/**
 * A page of documents as they are now, from `rm_documents`: one statement, so the count and the page
 * are read from one snapshot (read apart, a document recorded between them made a page of 26 edges
 * with a totalCount of 25 — the chaos soak's queries saw it), each served by its indexes.
 */
export async function documentsNow(db: DataSource, q: DocumentQuery): Promise<DocumentPage<ListedDocument>> {
  const { sql, params } = documentPageSql(q, LISTED);
  const rows: Array<ListedDocument & { total: number }> = await db.query(sql, params);
  return documentPageOf(
    q,
    rows.filter((r) => r.id !== null),
    rows[0].total,
  );
}

/** The same page as of a past instant (`q.now`): the documents folded from the log, as rows, under the same conditions. */
export async function documentsAsOf(db: DataSource, q: DocumentQuery): Promise<DocumentPage<ListedDocument>> {
  const snapshot = await snapshotAsOf(db, q.now, { ople: q.filter.ople });
  return documentPageFromRows({ ...q, now: snapshot.asOf }, snapshot.documentRows);
}

/** The plan PostgreSQL chooses for a page (to check that the indexes serve it). */
export async function explainDocuments(db: DataSource, q: DocumentQuery): Promise<string> {
  const { page } = documentQuerySql(q, LISTED);
  const plan: Array<{ 'QUERY PLAN': string }> = await db.query(`EXPLAIN ${page.sql}`, page.params);
  return plan.map((p) => p['QUERY PLAN']).join('\n');
}

/** The documents whose rows a projector batch wrote between two log positions, in the order it wrote them. */
export async function documentsChangedBetween(db: DataSource, from: string, upTo: string): Promise<DocumentState[]> {
  const rows: Array<Pick<DocumentRow, 'state'>> = await db.query(
    'SELECT state FROM rm_documents WHERE last_position > $1 AND last_position <= $2 ORDER BY last_position',
    [from, upTo],
  );
  return rows.map((r) => r.state);
}
