import { DELIVERABLES, OPLES } from './catalogue';
import { daysBetween, type Status } from './format';

/** The fields of a document the national view and the dashboard read. */
export interface DocSummary {
  id: string;
  ople: string;
  deliverable: number;
  versionKind: 'PROYECTO' | 'FINAL';
  status: Status;
  overdue: boolean;
  escalationLevel: number;
  ballInCourt: string;
  title: string;
  deadline?: { dueDate: string; party: string; kind: string } | null;
}

/** A column of the national view: an entregable, or one version of it when it has two. */
export interface MatrixColumn {
  key: string;
  deliverable: number;
  versionKind: 'PROYECTO' | 'FINAL' | null;
  label: string;
  title: string;
}

export const MATRIX_COLUMNS: MatrixColumn[] = DELIVERABLES.flatMap((d): MatrixColumn[] =>
  d.twoVersions
    ? [
        {
          key: `${d.number}P`,
          deliverable: d.number,
          versionKind: 'PROYECTO',
          label: `${d.number} P`,
          title: `${d.title} (proyecto)`,
        },
        {
          key: `${d.number}F`,
          deliverable: d.number,
          versionKind: 'FINAL',
          label: `${d.number} F`,
          title: `${d.title} (versión final)`,
        },
      ]
    : [{ key: `${d.number}`, deliverable: d.number, versionKind: null, label: `${d.number}`, title: d.title }],
);

/** The column a document falls in. */
export function columnOf(doc: Pick<DocSummary, 'deliverable' | 'versionKind'>): string {
  const twoVersions = DELIVERABLES[doc.deliverable - 1]?.twoVersions;
  return twoVersions ? `${doc.deliverable}${doc.versionKind === 'FINAL' ? 'F' : 'P'}` : `${doc.deliverable}`;
}

/** Which status a cell with several documents (e.g. monthly reports) shows: the one that needs attention first. */
const URGENCY: Status[] = ['OBSERVED', 'UNDER_REVIEW', 'EXPECTED', 'RESOLVED', 'WITHDRAWN'];

/**
 * A group of documents as `documentMatrix` answers it: one OPLE, one entregable, one version,
 * already summarised by the server (the page never reads the 9,600 documents of a national view).
 */
export interface MatrixGroup {
  ople: string;
  deliverable: number;
  versionKind: 'PROYECTO' | 'FINAL';
  documents: number;
  status: Status;
  /** How many of its documents are overdue. */
  overdue: number;
  escalationLevel: number;
  /** The document, when the group holds only one. */
  documentId?: string | null;
}

/** The key the live feed notes a changed document's group under (see LiveProvider). */
export const groupKey = (g: Pick<MatrixGroup, 'ople' | 'deliverable' | 'versionKind'>): string =>
  `group:${g.ople}|${g.deliverable}|${g.versionKind}`;

export interface MatrixCell {
  /** How many documents the cell holds. */
  documents: number;
  /** The document, when the cell holds only one (a click opens it). */
  documentId: string | null;
  /** The groups it merges (a column without versions takes both), for the live highlight. */
  groups: string[];
  status: Status;
  overdue: boolean;
  escalationLevel: number;
}

export interface Matrix {
  cells: Map<string, MatrixCell>;
  rowTotals: Map<string, number>;
  columnTotals: Map<string, number>;
  /** Per OPLE: how many overdue. */
  rowOverdue: Map<string, number>;
  columnOverdue: Map<string, number>;
  total: number;
  /** How many overdue in all. */
  overdue: number;
}

export const cellKey = (ople: string, column: string): string => `${ople}|${column}`;

/** The national view's cells and totals, from the server's groups. */
export function buildMatrix(groups: MatrixGroup[]): Matrix {
  const cells = new Map<string, MatrixCell>();
  const rowTotals = new Map<string, number>();
  const columnTotals = new Map<string, number>();
  const rowOverdue = new Map<string, number>();
  const columnOverdue = new Map<string, number>();
  const add = (map: Map<string, number>, key: string, n: number) => map.set(key, (map.get(key) ?? 0) + n);
  let total = 0;
  let overdue = 0;
  for (const group of groups) {
    const column = columnOf(group);
    const key = cellKey(group.ople, column);
    const cell = cells.get(key) ?? {
      documents: 0,
      documentId: null,
      groups: [],
      status: group.status,
      overdue: false,
      escalationLevel: 0,
    };
    cell.documentId = cell.documents === 0 && group.documents === 1 ? (group.documentId ?? null) : null;
    cell.documents += group.documents;
    cell.groups.push(groupKey(group));
    if (URGENCY.indexOf(group.status) < URGENCY.indexOf(cell.status)) cell.status = group.status;
    cell.overdue ||= group.overdue > 0;
    cell.escalationLevel = Math.max(cell.escalationLevel, group.escalationLevel);
    cells.set(key, cell);
    add(rowTotals, group.ople, group.documents);
    add(columnTotals, column, group.documents);
    add(rowOverdue, group.ople, group.overdue);
    add(columnOverdue, column, group.overdue);
    total += group.documents;
    overdue += group.overdue;
  }
  return { cells, rowTotals, columnTotals, rowOverdue, columnOverdue, total, overdue };
}

export const OPLE_IDS = OPLES.map((o) => o.id);

export type Track = 'OVERDUE' | 'AT_RISK' | 'ON_TRACK' | 'NO_DEADLINE';

export const TRACK: Record<Track, { label: string; symbol: string; hint: string }> = {
  OVERDUE: { label: 'Vencido', symbol: '⚠', hint: 'el plazo ya pasó' },
  AT_RISK: { label: 'En riesgo', symbol: '◔', hint: 'vence en 2 días o menos' },
  ON_TRACK: { label: 'En tiempo', symbol: '✓', hint: 'vence en más de 2 días' },
  NO_DEADLINE: { label: 'Sin plazo', symbol: '–', hint: 'nadie debe nada' },
};

/** On track, at risk (due within 2 days), overdue — as of `today` (YYYY-MM-DD in Mexico City). */
export function trackOf(doc: Pick<DocSummary, 'overdue' | 'deadline'>, today: string): Track {
  if (doc.overdue) return 'OVERDUE';
  if (!doc.deadline) return 'NO_DEADLINE';
  const days = daysBetween(today, doc.deadline.dueDate);
  if (days < 0) return 'OVERDUE';
  return days <= 2 ? 'AT_RISK' : 'ON_TRACK';
}

/** Items due from `today` through `today + days`, soonest first. */
export function dueWithin<T extends { dueDate: string | null | undefined }>(
  items: T[],
  today: string,
  from: number,
  to: number,
): T[] {
  return items
    .filter((i) => {
      if (!i.dueDate) return false;
      const d = daysBetween(today, i.dueDate);
      return d >= from && d <= to;
    })
    .sort((a, b) => a.dueDate!.localeCompare(b.dueDate!));
}
