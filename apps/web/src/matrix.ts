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

export interface MatrixCell {
  docs: DocSummary[];
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
}

export const cellKey = (ople: string, column: string): string => `${ople}|${column}`;

/** The national view's cells and totals, from every document. */
export function buildMatrix(docs: DocSummary[]): Matrix {
  const cells = new Map<string, MatrixCell>();
  const rowTotals = new Map<string, number>();
  const columnTotals = new Map<string, number>();
  const rowOverdue = new Map<string, number>();
  const columnOverdue = new Map<string, number>();
  const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  for (const doc of docs) {
    const column = columnOf(doc);
    const key = cellKey(doc.ople, column);
    const cell = cells.get(key) ?? { docs: [], status: doc.status, overdue: false, escalationLevel: 0 };
    cell.docs.push(doc);
    if (URGENCY.indexOf(doc.status) < URGENCY.indexOf(cell.status)) cell.status = doc.status;
    cell.overdue ||= doc.overdue;
    cell.escalationLevel = Math.max(cell.escalationLevel, doc.escalationLevel);
    cells.set(key, cell);
    bump(rowTotals, doc.ople);
    bump(columnTotals, column);
    if (doc.overdue) {
      bump(rowOverdue, doc.ople);
      bump(columnOverdue, column);
    }
  }
  return { cells, rowTotals, columnTotals, rowOverdue, columnOverdue, total: docs.length };
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
