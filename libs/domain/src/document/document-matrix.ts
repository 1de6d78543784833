import type { DocumentStatus } from './document.state';

/**
 * The national view's cells: the documents grouped by OPLE × entregable × version, each group
 * shown by the status that needs attention first, how many are overdue, the highest escalation
 * level, and the document itself when it is the only one. PostgreSQL computes the same groups for
 * "now" (libs/persistence, `documentMatrixNow`); this is what time travel runs over the rows it
 * folds for a past instant.
 */

/** Which status a group with several documents shows: the one that needs attention first. */
export const STATUS_URGENCY: readonly DocumentStatus[] = [
  'OBSERVED',
  'UNDER_REVIEW',
  'EXPECTED',
  'RESOLVED',
  'WITHDRAWN',
];

/** What a cell needs of a document. `dueAt`: its running deadline (ISO 8601), null when none runs. */
export interface MatrixDocument {
  id: string;
  ople: string;
  deliverable: number;
  versionKind: string;
  status: DocumentStatus;
  dueAt: string | null;
  escalationLevel: number;
}

export interface MatrixCell {
  ople: string;
  deliverable: number;
  versionKind: string;
  documents: number;
  status: DocumentStatus;
  /** How many of its documents were overdue at `now`. */
  overdue: number;
  escalationLevel: number;
  /** The document, when the cell holds only one. */
  documentId: string | null;
}

/** The cells of `documents` as of `now`, ordered by OPLE, entregable and version. */
export function documentMatrix(documents: readonly MatrixDocument[], now: string): MatrixCell[] {
  const at = Date.parse(now);
  const cells = new Map<string, MatrixCell>();
  for (const d of documents) {
    const key = `${d.ople}|${d.deliverable}|${d.versionKind}`;
    let cell = cells.get(key);
    if (!cell) {
      cell = {
        ople: d.ople,
        deliverable: d.deliverable,
        versionKind: d.versionKind,
        documents: 0,
        status: d.status,
        overdue: 0,
        escalationLevel: 0,
        documentId: d.id,
      };
      cells.set(key, cell);
    }
    cell.documents += 1;
    if (STATUS_URGENCY.indexOf(d.status) < STATUS_URGENCY.indexOf(cell.status)) cell.status = d.status;
    if (d.dueAt !== null && Date.parse(d.dueAt) <= at) cell.overdue += 1;
    cell.escalationLevel = Math.max(cell.escalationLevel, d.escalationLevel);
    cell.documentId = cell.documents === 1 ? d.id : null;
  }
  const text = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...cells.values()].sort(
    (a, b) => text(a.ople, b.ople) || a.deliverable - b.deliverable || text(a.versionKind, b.versionKind),
  );
}
