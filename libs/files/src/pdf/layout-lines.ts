/** A run of glyphs on a page as pdf.js reports it: origin at the bottom left, in points. */
export interface GlyphRun {
  text: string;
  x: number;
  y: number;
  width: number;
  /** Font size (points). */
  size: number;
}

export interface PdfPage {
  width: number;
  height: number;
  runs: GlyphRun[];
}

/** A line of a page rebuilt from positions: its cells (several when it is a table row) and where it sits. */
interface Line {
  y: number;
  size: number;
  cells: Array<{ x: number; end: number; text: string }>;
}

/** The separator written between the cells of a table row. */
export const CELL_SEPARATOR = ' | ';

/** How far apart (in em) two runs on a line must be to belong to different columns. */
const COLUMN_GAP_EM = 1.6;
/** Runs whose baselines differ by less than this share of the font size are on the same line. */
const SAME_LINE_EM = 0.45;
/** A vertical gap larger than this many line heights starts a new paragraph. */
const PARAGRAPH_GAP = 1.6;
/** Plain line spacing, and the larger gap that sets padded table rows apart (in em). */
const LINE_SPACING_EM = 1.3;
const ROW_PADDING_EM = 1.45;
/** Header and footer bands: this share of the page height at its top and bottom. */
const MARGIN_BAND = 0.1;

/**
 * Rebuilds the text of a PDF from the positions of its glyphs: runs on the same baseline make a line,
 * read left to right; a wide gap separates table cells (written ` | `); a row whose first column is
 * empty continues the row above (a wrapped cell), and the end of a row's line that wrapped to the
 * margin goes back to it; a line holding "Página n de m" is no row; a larger vertical gap is a paragraph break; lines
 * in the top or bottom band that repeat on other pages (running headers, "Página 2 de 9") are dropped.
 * Returns the text and notes on what was dropped.
 */
export function layoutPages(pages: readonly PdfPage[]): { text: string; notes: string[] } {
  const perPage = pages.map((page) => ({ page, lines: linesOf(page.runs) }));
  const repeated = repeatedMarginLines(perPage);
  const notes: string[] = [];
  if (repeated.size > 0) {
    notes.push(`se omitieron encabezados y pies de página repetidos: ${[...repeated].map((l) => `«${l}»`).join(', ')}`);
  }
  const blocks = perPage.map(({ page, lines }) =>
    renderLines(
      lines.filter((line) => !(inMargin(line, page) && repeated.has(shapeOf(lineText(line))))),
      page.width,
    ),
  );
  return { text: blocks.filter((b) => b.length > 0).join('\n\n'), notes };
}

/**
 * A run as the pieces a reader sees: a run that holds runs of spaces (a line typed with its columns
 * aligned by spaces, as one text object) is split there, each piece at its own x (the run's advance
 * shared evenly among its characters: exact in a monospaced font, close in others).
 */
export function piecesOf(run: GlyphRun): GlyphRun[] {
  if (!/\s/.test(run.text) || run.text.length === 0) return [run];
  const advance = run.width / run.text.length;
  const pieces: GlyphRun[] = [];
  const pattern = /\S+(?: \S+)*/g;
  for (let m = pattern.exec(run.text); m; m = pattern.exec(run.text)) {
    pieces.push({ ...run, text: m[0], x: run.x + m.index * advance, width: m[0].length * advance });
  }
  return pieces;
}

function linesOf(runs: readonly GlyphRun[]): Line[] {
  const visible = runs
    .flatMap(piecesOf)
    .filter((r) => r.text.trim().length > 0)
    .sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Array<{ y: number; size: number; runs: GlyphRun[] }> = [];
  for (const run of visible) {
    const line = lines.find((l) => Math.abs(l.y - run.y) <= SAME_LINE_EM * Math.max(l.size, run.size));
    if (line) line.runs.push(run);
    else lines.push({ y: run.y, size: run.size, runs: [run] });
  }
  return lines
    .sort((a, b) => b.y - a.y)
    .map((line) => ({ y: line.y, size: line.size, cells: cellsOf(line.runs.sort((a, b) => a.x - b.x)) }));
}

function cellsOf(runs: readonly GlyphRun[]): Array<{ x: number; end: number; text: string }> {
  const cells: Array<{ x: number; end: number; text: string }> = [];
  for (const run of runs) {
    const last = cells.at(-1);
    const gap = last ? run.x - last.end : Infinity;
    if (last && gap < COLUMN_GAP_EM * run.size) {
      const joiner = gap > 0.12 * run.size && !last.text.endsWith(' ') && !run.text.startsWith(' ') ? ' ' : '';
      last.text += joiner + run.text;
      last.end = Math.max(last.end, run.x + run.width);
    } else {
      cells.push({ x: run.x, end: run.x + run.width, text: run.text });
    }
  }
  return cells.map(({ x, end, text }) => ({ x, end, text: text.replace(/\s+/g, ' ').trim() }));
}

/** Joins lines into text: table rows get their wrapped continuations folded in; gaps become paragraphs. */
function renderLines(lines: readonly Line[], pageWidth: number): string {
  const out: string[] = [];
  let previous: Line | null = null;
  let row: { line: Line; gapBefore: number } | null = null;
  /** Whether the line above belongs to a table row (the row itself, or its wrapped continuation). */
  let previousInRow = false;
  /** Where the page's lines wrap: as far from its right side as the text is from its left (margins alike). */
  const right = pageWidth - lines.reduce((left, l) => Math.min(left, l.cells[0]?.x ?? pageWidth), pageWidth);
  lines.forEach((line, i) => {
    const gap = previous ? previous.y - line.y : Infinity;
    const tail =
      row && previous && row.line.y === previous.y && row.line.cells.length > 1
        ? wrappedTail(line, row.line, gap, right, lines[i + 1])
        : null;
    if (row && tail) {
      const last = row.line.cells[row.line.cells.length - 1];
      if (tail === 'LAST_CELL') last.text = joinWrapped(last.text, line.cells[0].text);
      else {
        const x = last.end + line.size;
        row.line.cells.push({ x, end: x + line.cells[0].end - line.cells[0].x, text: line.cells[0].text });
      }
      out[out.length - 1] = row.line.cells.map((c) => c.text).join(CELL_SEPARATOR);
    } else if (row && row.line.cells.length > 1 && isContinuation(line, row.line, gap, row.gapBefore)) {
      mergeInto(row.line, line);
      out[out.length - 1] = row.line.cells.map((c) => c.text).join(CELL_SEPARATOR);
      previousInRow = true;
    } else {
      if (previous && gap > PARAGRAPH_GAP * 1.2 * Math.max(previous.size, line.size)) out.push('');
      // The gap above a row tells how rows are set apart only when a row is above it (not a title).
      row = { line: { ...line, cells: line.cells.map((c) => ({ ...c })) }, gapBefore: previousInRow ? gap : 0 };
      out.push(row.line.cells.map((c) => c.text).join(CELL_SEPARATOR));
      previousInRow = line.cells.length > 1;
      // A page's footer or heading printed between rows ("Registro … | Página 1 de 2") is no row:
      // the line under it is not its continuation.
      if (line.cells.some((c) => PAGE_NUMBER.test(c.text))) {
        row = null;
        previousInRow = false;
      }
    }
    previous = line;
  });
  return out.join('\n').trim();
}

const PAGE_NUMBER = /^(?:p[aá]g(?:ina)?\.?|hoja)\s*\d{1,4}(?:\s*(?:de|\/)\s*\d{1,4})?$/i;

/**
 * The end of a row's line that did not fit on it and wrapped to the left margin (a word processor
 * does so with a line longer than the page): a single cell under the row's first column at plain
 * line spacing, that either could not have followed the row's last cell (its first word would pass
 * the right margin, as wide as the left one: it ends that cell, "Fecha" + "límite"), or sits between the row and the
 * row's own continuation below (the row goes on under it: it was a cell of its own, "22/03/2024",
 * set apart by a wide gap — else it would have fit). Anything else under the first column is a
 * wrapped first cell or a row of its own (isContinuation).
 */
function wrappedTail(
  line: Line,
  row: Line,
  gap: number,
  right: number,
  next: Line | undefined,
): 'LAST_CELL' | 'NEW_CELL' | null {
  if (line.cells.length !== 1 || gap > LINE_SPACING_EM * row.size) return null;
  const cell = line.cells[0];
  if (Math.abs(cell.x - row.cells[0].x) > row.size) return null;
  const charWidth = (cell.end - cell.x) / Math.max(1, cell.text.length);
  const firstWord = cell.text.split(' ')[0];
  const last = row.cells[row.cells.length - 1];
  if (last.end + charWidth * (1 + firstWord.length) > right - charWidth / 4) return 'LAST_CELL';
  const firstOnly = cell.end < row.cells[1].x;
  const continuesRow =
    next !== undefined && next.cells[0].x > row.cells[0].x + row.size && isContinuation(next, row, line.y - next.y, 0);
  return !firstOnly && continuesRow ? 'NEW_CELL' : null;
}

/**
 * A line continues a table row (its cells wrapped) when each of its cells sits under one of the
 * row's, no paragraph break apart, and it leaves the first column empty, or holds only the first
 * column and within it (a long first cell wrapped), or follows at plain line spacing where the
 * rows themselves are set apart by more (padded rows). A line that fills the first column and
 * another at plain spacing is a row of its own, even with fewer cells than the row above: a
 * register typed with aligned spaces leaves its last column (a fecha límite) empty in most rows.
 */
function isContinuation(line: Line, row: Line, gap: number, rowGap: number): boolean {
  const tolerance = row.size;
  const aligned = line.cells.every((cell) => row.cells.some((c) => Math.abs(c.x - cell.x) <= tolerance * 2));
  if (!aligned || gap > PARAGRAPH_GAP * 1.2 * row.size) return false;
  const padded = rowGap > ROW_PADDING_EM * row.size && gap <= LINE_SPACING_EM * row.size;
  const firstOnly = line.cells.length === 1 && row.cells.length > 1 && line.cells[0].end < row.cells[1].x;
  return line.cells[0].x > row.cells[0].x + tolerance || padded || firstOnly;
}

function mergeInto(row: Line, line: Line): void {
  for (const cell of line.cells) {
    const target = row.cells.reduce((best, c) => (Math.abs(c.x - cell.x) < Math.abs(best.x - cell.x) ? c : best));
    target.text = joinWrapped(target.text, cell.text);
  }
}

/** Joins a wrapped line to the text above: no space after a slash or a hyphen ("INE/" + "UTSI/0801/2024"). */
const joinWrapped = (above: string, below: string) =>
  (/[/-]$/.test(above) ? above + below : `${above} ${below}`).trim();

const lineText = (line: Line) => line.cells.map((c) => c.text).join(' ');
/** A line's shape for spotting running headers: numbers vary from page to page ("Página 3 de 9"). */
const shapeOf = (text: string) => text.replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();
const inMargin = (line: Line, page: PdfPage) =>
  line.y > page.height * (1 - MARGIN_BAND) || line.y < page.height * MARGIN_BAND;

function repeatedMarginLines(perPage: ReadonlyArray<{ page: PdfPage; lines: Line[] }>): Set<string> {
  if (perPage.length < 2) return new Set();
  const counts = new Map<string, number>();
  for (const { page, lines } of perPage) {
    const shapes = new Set(lines.filter((l) => inMargin(l, page)).map((l) => shapeOf(lineText(l))));
    for (const shape of shapes) counts.set(shape, (counts.get(shape) ?? 0) + 1);
  }
  const needed = Math.max(2, Math.ceil(perPage.length / 2));
  return new Set([...counts].filter(([shape, n]) => n >= needed && shape.length > 0).map(([shape]) => shape));
}
