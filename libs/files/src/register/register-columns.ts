import { DateTime } from 'luxon';
import type { ColumnMapping } from '../file-text';

/** The fields a control register's columns can feed, and the headers people give them. */
export const REGISTER_FIELDS = {
  date: [
    'fecha',
    'fecha del oficio',
    'fecha de oficio',
    'fecha de emision',
    'fecha de recepcion',
    'recibido',
    'fecha oficio',
  ],
  number: [
    'oficio',
    'no de oficio',
    'num de oficio',
    'n de oficio',
    'oficio no',
    'oficio num',
    'numero oficio',
    'no oficio',
    'numero de oficio',
    'num oficio',
    'numero',
    'folio',
    'clave',
    'referencia del oficio',
  ],
  subject: ['asunto', 'descripcion', 'sintesis', 'contenido', 'resumen', 'extracto', 'tema', 'asunto del oficio'],
  sender: ['remitente', 'emisor', 'de', 'area remitente', 'firmante', 'origen', 'quien envia'],
  recipient: ['destinatario', 'dirigido a', 'para', 'destino'],
  deadline: ['fecha limite', 'plazo', 'vencimiento', 'fecha de vencimiento', 'a mas tardar', 'plazo maximo'],
  deliverable: ['entregable', 'numeral', 'documento', 'no de entregable'],
  cites: ['en atencion a', 'antecedente', 'oficio de referencia', 'responde a', 'referencia', 'atiende'],
} as const;

export type RegisterField = keyof typeof REGISTER_FIELDS;
/** Which fields an entry cannot do without. */
const REQUIRED: readonly RegisterField[] = ['number', 'subject'];

export const REGISTER_FIELD_LABELS: Record<RegisterField, string> = {
  date: 'fecha',
  number: 'número de oficio',
  subject: 'asunto',
  sender: 'remitente',
  recipient: 'destinatario',
  deadline: 'fecha límite',
  deliverable: 'entregable',
  cites: 'oficio al que responde',
};

/** A header as compared: lower case, no accents, no punctuation, single spaces. */
export const headerKey = (header: string) =>
  header
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** The field a header names, and how strongly (0 = its first synonym): "Oficio" beats "Folio" for the number. */
function fieldOf(header: string): { field: RegisterField; rank: number } | null {
  const key = headerKey(header);
  if (!key) return null;
  for (const [field, names] of Object.entries(REGISTER_FIELDS) as Array<[RegisterField, readonly string[]]>) {
    const rank = names.indexOf(key);
    if (rank >= 0) return { field, rank };
  }
  return null;
}

export interface HeaderRow {
  /** Index of the header row among the rows given. */
  index: number;
  /** Column index → field, for the columns that feed one. */
  fields: Map<number, RegisterField>;
  mapping: ColumnMapping;
}

/**
 * Finds the header row among the first rows (registers often start with a title) — the first with
 * at least two known headers — and maps its columns to fields; each field takes its first column.
 * Returns the missing required fields when no row names them.
 */
export function findHeader(
  rows: readonly string[][],
  lookAhead = 10,
): HeaderRow | { missing: RegisterField[]; seen: string[] } {
  for (let index = 0; index < Math.min(rows.length, lookAhead); index++) {
    // Each field takes the column whose header names it most strongly (the first such column on a tie).
    const best = new Map<RegisterField, { column: number; rank: number }>();
    rows[index].forEach((cell, column) => {
      const found = fieldOf(cell);
      if (!found) return;
      const current = best.get(found.field);
      if (!current || found.rank < current.rank) best.set(found.field, { column, rank: found.rank });
    });
    const fields = new Map<number, RegisterField>([...best].map(([field, { column }]) => [column, field]));
    const taken = new Set(best.keys());
    if (taken.size < 2) continue;
    const missing = REQUIRED.filter((f) => !taken.has(f));
    if (missing.length > 0) return { missing, seen: rows[index].filter((c) => c.trim()) };
    const mapped: Record<string, string> = {};
    for (const [column, field] of fields) mapped[field] = rows[index][column].trim();
    const unmapped = rows[index].filter((cell, column) => cell.trim() && !fields.has(column)).map((c) => c.trim());
    return { index, fields, mapping: { mapped, unmapped } };
  }
  return {
    missing: [...REQUIRED],
    seen: rows
      .slice(0, lookAhead)
      .flat()
      .filter((c) => c.trim())
      .slice(0, 12),
  };
}

/** A date cell in words, as the registers write them ("19 de febrero de 2024"); other text as it is. */
export function dateInWords(value: string | Date): string {
  if (value instanceof Date) {
    return DateTime.fromJSDate(value, { zone: 'utc' }).setLocale('es').toFormat("d 'de' LLLL 'de' yyyy");
  }
  return value.trim();
}

/**
 * One register row as an entry of the commission's list, in the seed's layout:
 * "3. 23 de febrero de 2024, oficio INE/UTSI/1123/2024, mediante el cual <asunto>." followed by the
 * other columns as "Header: value." so that nothing the row says is lost.
 */
export function entryOf(
  position: number,
  row: readonly (string | Date)[],
  header: HeaderRow,
  headers: readonly string[],
): string | null {
  const value = (field: RegisterField) => {
    for (const [column, f] of header.fields) if (f === field) return cellText(row[column]);
    return '';
  };
  const number = value('number').replace(/\s+/g, '');
  const subject = value('subject').replace(/\s+/g, ' ');
  if (!number && !subject) return null;
  const date = (() => {
    for (const [column, f] of header.fields) if (f === 'date') return row[column] ? dateInWords(row[column]) : '';
    return '';
  })();
  const opening = /^(mediante|por medio|a trav[eé]s)/i.test(subject)
    ? subject
    : `mediante el cual ${lowerFirst(subject)}`;
  const parts = [
    `${position}. ${[date, `oficio ${number}`].filter(Boolean).join(', ')}, ${opening}`.replace(/\.?$/, '.'),
  ];
  const extra: Array<[RegisterField, string]> = [
    ['deadline', 'Plazo'],
    ['cites', 'En atención al oficio'],
    ['deliverable', 'Entregable'],
    ['sender', 'Remitente'],
    ['recipient', 'Destinatario'],
  ];
  for (const [field, label] of extra) {
    const text = field === 'deadline' ? dateField(row, header, field) : value(field);
    if (text) parts.push(`${label}: ${text}.`);
  }
  headers.forEach((h, column) => {
    const text = cellText(row[column]);
    if (h.trim() && text && !header.fields.has(column)) parts.push(`${h.trim()}: ${text}.`);
  });
  return parts.join(' ');
}

function dateField(row: readonly (string | Date)[], header: HeaderRow, field: RegisterField): string {
  for (const [column, f] of header.fields) if (f === field && row[column]) return dateInWords(row[column]);
  return '';
}

const cellText = (cell: string | Date | undefined) => (cell instanceof Date ? dateInWords(cell) : (cell ?? '').trim());
const lowerFirst = (text: string) =>
  /^[A-ZÁÉÍÓÚÑ][a-záéíóúñ]/.test(text) ? text[0].toLowerCase() + text.slice(1) : text;
