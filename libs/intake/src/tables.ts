import { fold } from './fold';
import type { MappedText } from './mapped-text';

/**
 * Tables as they arrive in text: a control register exported to PDF and flattened (columns
 * aligned with spaces, cells wrapped over several lines, an oficio number or a date split across
 * them), with tabs, with vertical bars (Markdown) or as CSV. Each table is found by its heading
 * row ("No. | Fecha | Oficio | Asunto | Plazo", "Entregable | Fecha límite") and rebuilt one row
 * per line, in the form the segmenter reads:
 *   `5. 15/03/2024, oficio INE/UTSI/1498/2024, Remite observaciones … | Plazo: 22/03/2024`
 *   `• Informe del mes de marzo … | Fecha límite: 5 de abril de 2024` (a list of entregables).
 * Deadline columns keep their heading as a label, so "Plazo: …" reads as a deadline. Every
 * character kept points back to its place in the input (cells are read column by column, so a
 * row's characters are no longer in input order; spans take the extremes).
 */
type Role = 'NUMBER' | 'DATE' | 'OFICIO' | 'DEADLINE' | 'TEXT' | 'OTHER';

interface Column {
  role: Role;
  /** The heading as written (labels deadline and other columns). */
  heading: { start: number; end: number };
  /** Aligned tables: where the column starts on the line. */
  at: number;
  /** A value starting here opens a new row (numbers, dates, oficio numbers, folios). */
  anchor: boolean;
}

interface Piece {
  start: number;
  end: number;
}

type Cell = Piece[];

function roleOf(heading: string): { role: Role; anchor: boolean } | null {
  const h = fold(heading)
    .replace(/["'*_]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (/^(?:no\.?|num\.?|n[°º]\.?|#|consecutivo|numero)$/.test(h)) return { role: 'NUMBER', anchor: true };
  if (/^(?:folio|control|registro|id)\b/.test(h)) return { role: 'OTHER', anchor: true };
  if (/\b(?:plazo|fecha\s+limite|vencimiento|fecha\s+de\s+entrega|fecha\s+compromiso)\b/.test(h))
    return { role: 'DEADLINE', anchor: true };
  if (/\boficio\b|^referencia$/.test(h)) return { role: 'OFICIO', anchor: true };
  if (/^fecha\b/.test(h)) return { role: 'DATE', anchor: true };
  if (/^(?:asunto|descripcion|sintesis|contenido|resumen|entregables?|documentos?|concepto|tema)\b/.test(h))
    return { role: 'TEXT', anchor: false };
  if (/^(?:remitente|emisor|estatus|estado|observaciones|area|turnado|destinatario|seguimiento|respuesta)\b/.test(h))
    return { role: 'OTHER', anchor: false };
  return null;
}

interface Line {
  start: number;
  end: number;
}

function linesOf(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === '\n') {
      lines.push({ start, end: i });
      start = i + 1;
    }
  }
  return lines;
}

/** Runs of text on a line separated by two or more spaces or a tab, as offsets into the text. */
function runs(text: string, line: Line): Piece[] {
  const out: Piece[] = [];
  const re = /\S+(?: \S+)*/g;
  const s = text.slice(line.start, line.end);
  for (let m = re.exec(s); m; m = re.exec(s))
    out.push({ start: line.start + m.index, end: line.start + m.index + m[0].length });
  return out;
}

/**
 * PIPE: Markdown bars (`| a | b |`); CELLS: the cells a file reader rebuilt from a PDF's or a Word
 * table's layout, written `a | b | c` (no outer bars); TAB; CSV; ALIGNED: columns aligned by spaces.
 */
type Splitter = 'PIPE' | 'TAB' | 'CSV' | 'CELLS' | 'ALIGNED';

function splitterOf(s: string): Splitter | null {
  if (/^\s*\|.*\|.*\|/.test(s)) return 'PIPE';
  if ((s.match(/\t/g) ?? []).length >= 2) return 'TAB';
  if (/^\s*"[^"\n]*"(?:\s*[,;]\s*"[^"\n]*"){2,}\s*$/.test(s)) return 'CSV';
  if (/^\s*[^\s|][^|]*? \| \S/.test(s)) return 'CELLS';
  if (/\S {2,}\S.* {2,}\S|\S {2,}\S/.test(s)) return 'ALIGNED';
  return null;
}

/** Cells of a line split by its separator (pipes, tabs, CSV quotes), empty ones kept. */
function splitCells(text: string, line: Line, how: Splitter): Piece[] {
  const s = text.slice(line.start, line.end);
  const cells: Piece[] = [];
  const trimmed = (a: number, b: number): Piece => {
    while (a < b && /\s/.test(s[a])) a++;
    while (b > a && /\s/.test(s[b - 1])) b--;
    return { start: line.start + a, end: line.start + b };
  };
  if (how === 'CSV') {
    const re = /"([^"\n]*)"/g;
    for (let m = re.exec(s); m; m = re.exec(s)) cells.push(trimmed(m.index + 1, m.index + 1 + m[1].length));
    return cells;
  }
  const sep = how === 'TAB' ? '\t' : '|';
  let from = 0;
  for (let i = 0; i <= s.length; i++) {
    if (i === s.length || s[i] === sep) {
      cells.push(trimmed(from, i));
      from = i + 1;
    }
  }
  if (how === 'PIPE') {
    // "| a | b |": the empty text before the first bar and after the last is no cell.
    if (cells.length && cells[0].start === cells[0].end) cells.shift();
    if (cells.length && cells[cells.length - 1].start === cells[cells.length - 1].end) cells.pop();
  }
  return cells;
}

/**
 * A heading cell that holds two column names, their gap lost when the file was read ("No. Fecha",
 * "Asunto Fecha límite"): its two parts, the second starting with a capital, each a known heading.
 */
function splitHeading(text: string, c: Piece): [Piece, Piece] | null {
  const s = text.slice(c.start, c.end);
  for (const m of s.matchAll(/ +(?=\p{Lu})/gu)) {
    const left = { start: c.start, end: c.start + m.index };
    const right = { start: c.start + m.index + m[0].length, end: c.end };
    if (roleOf(text.slice(left.start, left.end)) && roleOf(text.slice(right.start, right.end))) return [left, right];
  }
  return null;
}

/**
 * The columns a heading row names, or null when it is no heading. `rowCells`: how many cells the rows
 * under it hold at most; a heading with fewer cells has two names in one (split where it can be).
 */
function headingColumns(text: string, line: Line, how: Splitter, rowCells = 0): Column[] | null {
  let cells = how === 'ALIGNED' ? runs(text, line) : splitCells(text, line, how);
  if (how !== 'ALIGNED') {
    let missing = rowCells - cells.length;
    cells = cells.flatMap((c) => {
      const unnamed = !roleOf(text.slice(c.start, c.end));
      if (!unnamed && missing <= 0) return [c];
      const parts = splitHeading(text, c);
      if (!parts) return [c];
      missing--;
      return parts;
    });
  }
  if (cells.length < 2 || cells.some((c) => c.end - c.start > 40)) return null;
  const columns: Column[] = [];
  for (const c of cells) {
    const role = roleOf(text.slice(c.start, c.end));
    if (!role) return null;
    columns.push({ ...role, heading: c, at: c.start - line.start });
  }
  const roles = new Set(columns.map((c) => c.role));
  const keyed = roles.has('DATE') || roles.has('OFICIO') || roles.has('DEADLINE');
  const described = roles.has('TEXT') || roles.has('OFICIO');
  return keyed && described ? columns : null;
}

const SEPARATOR_ROW = /^\s*\|?(?:\s*:?-{2,}:?\s*\|)+\s*:?-*:?\s*$/;

/** Does this cell text start a new value of an anchor column (a row number, a date, an oficio number)? */
function startsValue(role: Role, s: string): boolean {
  const f = fold(s).trim();
  switch (role) {
    case 'NUMBER':
      return /^[0-9]{1,4}\.?$/.test(f);
    case 'DATE':
    case 'DEADLINE':
      return /^[0-9]{1,2}(?:[/.-]|\s+de\s|\s*(?:o|º|°)\.?\s+de\s)/.test(f) || /^(?:19|20)[0-9]{2}-[0-9]{2}/.test(f);
    case 'OFICIO':
      return /^[a-z]{2,}[a-z0-9.-]*\s*\//.test(f);
    default:
      return f.length > 0;
  }
}

interface Row {
  cells: Cell[];
}

interface Region {
  start: number;
  end: number;
  columns: Column[];
  /** Rows in order, with the lines between them that belong to no row (page furniture). */
  items: ({ row: Row } | { line: Line })[];
}

/** An aligned line's runs, each given to the column it starts in; null when a run crosses a column. */
function alignedCells(text: string, line: Line, columns: Column[]): Cell[] | null {
  const cells: Cell[] = columns.map(() => []);
  const starts = columns.map((c) => line.start + c.at);
  for (let run of runs(text, line)) {
    for (;;) {
      let k = starts.length - 1;
      while (k > 0 && run.start < starts[k] - 2) k--;
      if (run.start < starts[k] - 2) return null;
      const next = starts[k + 1];
      if (next === undefined || run.end <= next + 1) {
        cells[k].push(run);
        break;
      }
      // A run that fills its column up to the next one: split at the space before the next column.
      const cut = text.lastIndexOf(' ', next);
      if (cut <= run.start || cut < next - 2) return null;
      cells[k].push({ start: run.start, end: cut });
      run = { start: cut + 1, end: run.end };
    }
  }
  return cells;
}

function tableAt(text: string, lines: Line[], i: number): { region: Region; next: number } | null {
  const heading = lines[i];
  const how = splitterOf(text.slice(heading.start, heading.end));
  if (!how) return null;
  /** How many cells the rows under a heading of separated cells hold at most (the next few lines). */
  let widest = 0;
  if (how !== 'ALIGNED') {
    for (const line of lines.slice(i + 1, i + 8)) {
      if (splitterOf(text.slice(line.start, line.end)) === how)
        widest = Math.max(widest, splitCells(text, line, how).length);
    }
  }
  const columns = headingColumns(text, heading, how, widest);
  if (!columns) return null;
  const headingKey = text.slice(heading.start, heading.end).replace(/\s+/g, ' ').trim();
  const items: Region['items'] = [];
  let row: Row | null = null;
  let last = i;
  /** Does the line (its cells) start a new value in an anchor column? */
  const opensRow = (cells: Cell[]): boolean =>
    columns.some(
      (c, k) => c.anchor && cells[k].length > 0 && startsValue(c.role, text.slice(cells[k][0].start, cells[k][0].end)),
    );
  const rowCells = (j: number): Cell[] | null => {
    const line = lines[j];
    const s = text.slice(line.start, line.end);
    if (how === 'ALIGNED') return alignedCells(text, line, columns);
    if (splitterOf(s) !== how) return null;
    const split = splitCells(text, line, how);
    if (split.length < 2 || split.length > columns.length + 1) return null;
    const cells = columns.map((_, k) => (split[k] && split[k].end > split[k].start ? [split[k]] : []));
    // Cells a reader rebuilt are a row only when they open one (not "Registro de … | Página 1 de 2").
    return how === 'CELLS' && !opensRow(cells) ? null : cells;
  };
  let j = i + 1;
  let afterBlank = false;
  while (j < lines.length) {
    const line = lines[j];
    const s = text.slice(line.start, line.end);
    if (s.trim() === '' || SEPARATOR_ROW.test(s) || s.replace(/\s+/g, ' ').trim() === headingKey) {
      afterBlank = afterBlank || s.trim() === '';
      j++;
      continue;
    }
    let cells = rowCells(j);
    // After a blank line, only a new row goes on with the table (not the letter's closing words).
    if (cells && afterBlank && how === 'ALIGNED' && !opensRow(cells)) break;
    afterBlank = false;
    if (!cells) {
      // Page furniture between rows: the table goes on if a row follows within three lines.
      let k = j + 1;
      while (k < lines.length && k <= j + 3 && !(rowCells(k) && opensRow(rowCells(k)!))) k++;
      const resumes = k < lines.length && k <= j + 3 && row !== null;
      if (!resumes) break;
      for (let m = j; m < k; m++) items.push({ line: lines[m] });
      j = k;
      cells = rowCells(j)!;
    }
    const current: Row | null = row;
    const opens =
      current === null ||
      how !== 'ALIGNED' ||
      columns.some(
        (c, k) =>
          c.anchor &&
          cells![k].length > 0 &&
          current.cells[k].length > 0 &&
          startsValue(c.role, text.slice(cells![k][0].start, cells![k][0].end)),
      );
    if (opens) {
      row = { cells: columns.map(() => []) };
      items.push({ row });
    }
    cells.forEach((c, k) => row!.cells[k].push(...c));
    last = j;
    j++;
  }
  if (!items.some((it) => 'row' in it)) return null;
  // Furniture lines after the last row belong to the text that follows.
  while (items.length && 'line' in items[items.length - 1]) items.pop();
  return { region: { start: heading.start, end: lines[last].end, columns, items }, next: last + 1 };
}

/** Text assembled from pieces of the source and inserted words, with each character's origin. */
class Builder {
  private readonly parts: string[] = [];
  private readonly origins: number[] = [];
  constructor(private readonly src: MappedText) {}
  copy(from: number, to: number): void {
    if (to <= from) return;
    this.parts.push(this.src.text.slice(from, to));
    for (let i = from; i < to; i++) this.origins.push(this.src.origin[i]);
  }
  insert(text: string, at: number): void {
    this.parts.push(text);
    const o = this.src.origin[Math.min(at, this.src.text.length)];
    for (let i = 0; i < text.length; i++) this.origins.push(o);
  }
  build(): MappedText {
    const origin = new Int32Array(this.origins.length + 1);
    origin.set(this.origins);
    origin[this.origins.length] = this.src.origin[this.src.text.length];
    return { text: this.parts.join(''), origin };
  }
}

/** A cell's pieces (one per line it spans) joined by a space. */
function writeCell(b: Builder, cell: Cell): void {
  cell.forEach((p, k) => {
    if (k > 0) b.insert(' ', p.start);
    b.copy(p.start, p.end);
  });
}

const isBlank = (text: string, cell: Cell) => cell.every((p) => /^[\s\-–—.]*$/.test(text.slice(p.start, p.end)));

function writeRow(b: Builder, text: string, columns: Column[], row: Row): void {
  const at = (k: number) => row.cells[k][0]?.start ?? columns[k].heading.start;
  const find = (role: Role) => columns.findIndex((c, k) => c.role === role && !isBlank(text, row.cells[k]));
  const number = find('NUMBER');
  const date = find('DATE');
  const oficio = find('OFICIO');
  const first = row.cells.find((c) => c.length > 0)?.[0].start ?? 0;
  const used = new Set<number>();
  if (number >= 0 && /^\s*[0-9]{1,4}\.?\s*$/.test(text.slice(row.cells[number][0].start, row.cells[number][0].end))) {
    const p = row.cells[number][0];
    const digits = /[0-9]+/.exec(text.slice(p.start, p.end))!;
    b.copy(p.start + digits.index, p.start + digits.index + digits[0].length);
    b.insert('. ', p.end);
    used.add(number);
  } else {
    b.insert('• ', first);
  }
  let wrote = false;
  const separate = (k: number) => {
    if (wrote) b.insert(' | ', at(k));
    wrote = true;
  };
  if (oficio >= 0) {
    // The register's own keys first, as an entry reads: "<fecha>, oficio <número>, <asunto>".
    if (date >= 0) {
      writeCell(b, row.cells[date]);
      b.insert(', ', at(oficio));
      used.add(date);
    }
    b.insert('oficio ', at(oficio));
    writeCell(b, row.cells[oficio]);
    b.insert(',', at(oficio));
    used.add(oficio);
    const text0 = columns.findIndex((c, k) => c.role === 'TEXT' && !isBlank(text, row.cells[k]));
    if (text0 >= 0) {
      b.insert(' ', at(text0));
      writeCell(b, row.cells[text0]);
      used.add(text0);
      wrote = true;
    } else wrote = true;
  }
  // Then the rest in their order, deadlines before the other columns (a plazo closes an item).
  const order = columns
    .map((_, k) => k)
    .sort(
      (a, c) =>
        Number(columns[a].role !== 'DEADLINE' && columns[a].role !== 'TEXT') -
          Number(columns[c].role !== 'DEADLINE' && columns[c].role !== 'TEXT') || a - c,
    );
  order.forEach((k) => {
    const c = columns[k];
    if (used.has(k) || isBlank(text, row.cells[k])) return;
    separate(k);
    if (c.role === 'DEADLINE' || (c.role === 'OTHER' && oficio >= 0)) {
      b.copy(c.heading.start, c.heading.end);
      b.insert(': ', at(k));
    }
    writeCell(b, row.cells[k]);
  });
}

/** Rebuilds every table of the text one row per line; text outside tables is kept as it is. */
export function rebuildTables(src: MappedText): { text: MappedText; tables: number } {
  const text = src.text;
  if (!/ {2,}|\t|\||","/.test(text)) return { text: src, tables: 0 };
  const lines = linesOf(text);
  const regions: Region[] = [];
  for (let i = 0; i < lines.length; i++) {
    const found = tableAt(text, lines, i);
    if (found) {
      regions.push(found.region);
      i = found.next - 1;
    }
  }
  if (regions.length === 0) return { text: src, tables: 0 };
  const b = new Builder(src);
  let cursor = 0;
  for (const r of regions) {
    b.copy(cursor, r.start);
    // The heading row, its cells separated by bars.
    r.columns.forEach((c, k) => {
      if (k > 0) b.insert(' | ', c.heading.start);
      b.copy(c.heading.start, c.heading.end);
    });
    for (const item of r.items) {
      b.insert('\n', 'row' in item ? (item.row.cells.find((c) => c.length)?.[0].start ?? r.start) : item.line.start);
      if ('row' in item) writeRow(b, text, r.columns, item.row);
      else b.copy(item.line.start, item.line.end);
    }
    cursor = r.end;
  }
  b.copy(cursor, text.length);
  return { text: b.build(), tables: regions.length };
}
