import { FoundDate, dateAt } from './dates';
import { FoundOficioNumber, oficioNumberAt } from './oficio-numbers';

/**
 * Splits repaired text into one block per oficio. A block starts at a line that opens an entry:
 *  - a report entry: `[N.|•|N] <date>, oficio <number>` (the commission's reports, ours included),
 *    also `[N.] oficio <number>, de fecha <date>` and flattened table rows `N  <date>  <number>`;
 *  - a letter heading: `Oficio núm. <number>` (a whole oficio pasted as it was received).
 * Text before the first entry (the report's heading) and closing text (signature, "Lo que se
 * informa…", "Atentamente", copies) are left out; the caller warns when they cite oficios.
 */
export interface EntryHead {
  kind: 'ENTRY' | 'LETTER';
  /** Where the entry's line starts (after indentation). */
  start: number;
  /** Just after the number or date that closes the heading. */
  end: number;
  /** The list number ("5." → 5), when the entry has one. */
  marker: number | null;
  /**
   * The other reading of a marker that is a letter and a roman numeral alike: "c)" is 100 as a
   * numeral and 3 as the third letter, "i)" 1 and 9. The numbering check takes whichever continues.
   */
  markerAlternative?: number;
  /** Found in running prose ("Con fecha D se recibió el oficio N…") at a paragraph's start. */
  prose?: boolean;
  number: FoundOficioNumber | null;
  date: FoundDate | null;
}

export interface Segment {
  start: number;
  end: number;
  head: EntryHead | null;
}

export interface Segmentation {
  segments: Segment[];
  /** Ranges of the repaired text that belong to no entry. */
  leftOut: { start: number; end: number }[];
}

const MARKER =
  /(?:([0-9]{1,3})[ \t]*[.)][ \t]*(?:[-–][ \t]*)?|([0-9]{1,3})(?:[ \t]*[|\t][ \t]*|[ \t]*\n\s{0,40}|[ \t]+(?=[0-9]))|\(?([IVXLC]{1,7}|[ivxlc]{1,7})[ \t]*[.)][ \t]*(?:[-–][ \t]*)?|\(?([a-zA-Z])[ \t]*\)[ \t]*(?:[-–][ \t]*)?|([a-z])\.[ \t]+(?:[-–][ \t]*)?|[•*\-–][ \t]*)/y;
const OFICIO_WORD =
  /(?:(?:mediante|con)\s+)?(?:el\s+)?(?:(?:numero|num\.|no\.)\s+(?:de\s+)?)?(?:oficio|of\.)(?:[ \t]*(?:num(?:ero)?\.?|no\.|n[°º]\.?))?[ \t]*:?\s{0,4}/y;
const AFTER_DATE = /[ \t]*(?:[,;:|\t\-–][ \t]*)?\s{0,4}/y;
const AFTER_NUMBER =
  /([ \t]*)([,;:|\t\-–]?)([ \t]*)(\n?)[ \t]*(?:(de\s+fecha|con\s+fecha|fechado\s+el|del|de)\s+|(fecha(?:\s+del\s+oficio|\s+de\s+(?:recepcion|emision))?\s*:)[ \t]*)?/y;
const NO_DATE = /(?:sin\s+fecha|fecha\s+no\s+identificada)/y;
const NO_NUMBER = /sin\s+numero/y;
const LETTER = /(?:oficio|of\.)[ \t]*((?:num(?:ero)?\.?|no\.|n[°º]\.?)?)[ \t]*:?[ \t]*/y;
const LINE_REST_BLANK = /[ \t]*(?:\n|$)/y;
const CONTINUATION =
  /(?:^|[^a-z])(?:oficios?|mediante|num(?:ero)?\.?|no\.|el|la|los|las|del|de|al|a|y|e|con|en|por|segun|,)$/;
const CLOSING =
  /^[ \t]*(?:(?:[0-9]{1,2}\.|[ivx]{1,5}\.)?[ \t]*(?:conclusiones|antecedentes|consideraciones|puntos\s+de\s+acuerdo|acuerdos|anexos?|asuntos\s+generales|firmas?)[ \t]*\.?[ \t]*$|lo\s+que\s+(?:se\s+)?(?:informa|hago\s+de\s+su\s+conocimiento)|sin\s+otro\s+particular|atentamente|a\s?t\s?e\s?n\s?t\s?a\s?m\s?e\s?n\s?t\s?e\b|c\.\s?c\.\s?p\.|ccp[\s.:])/m;

const ROMAN: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100 };

/** A single letter that is also a roman numeral ("c)", "i)"): its place in the alphabet, else undefined. */
function letterReading(m: RegExpExecArray): number | undefined {
  return m[3]?.length === 1 ? m[3].toLowerCase().charCodeAt(0) - 96 : undefined;
}

/** The number a list marker stands for: "5." → 5, "IV." → 4, "b)" → 2, "c)" → 100 (see `letterReading`); null for bullets. */
function markerValue(m: RegExpExecArray): number | null {
  const arabic = m[1] ?? m[2];
  if (arabic !== undefined) return Number(arabic);
  if (m[3] !== undefined) {
    const digits = [...m[3].toLowerCase()].map((c) => ROMAN[c]);
    return digits.reduce((sum, d, i) => sum + (d < (digits[i + 1] ?? 0) ? -d : d), 0);
  }
  const letter = m[4] ?? m[5];
  return letter !== undefined ? letter.toLowerCase().charCodeAt(0) - 96 : null;
}

function sticky(re: RegExp, text: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(text);
}

/** Does the line at `pos` continue the previous sentence ("…mediante oficio⏎INE/…")? */
function continuesSentence(folded: string, pos: number): boolean {
  let i = pos - 1;
  const stop = Math.max(0, pos - 400);
  while (i >= stop && /\s/.test(folded[i])) i--;
  if (i < stop) return false;
  return CONTINUATION.test(folded.slice(Math.max(0, i - 24), i + 1));
}

function completeDate(folded: string, pos: number): { date: FoundDate | null; end: number } | null {
  const date = dateAt(folded, pos);
  if (date && date.hasYear) return { date, end: date.end };
  const none = sticky(NO_DATE, folded, pos);
  return none ? { date: null, end: pos + none[0].length } : null;
}

function numberAt(
  display: string,
  folded: string,
  pos: number,
): { number: FoundOficioNumber | null; end: number } | null {
  const number = oficioNumberAt(display, pos);
  if (number) return { number, end: number.end };
  const none = sticky(NO_NUMBER, folded, pos);
  return none ? { number: null, end: pos + none[0].length } : null;
}

function dateFirst(display: string, folded: string, pos: number): Omit<EntryHead, 'start' | 'marker' | 'kind'> | null {
  const d = completeDate(folded, pos);
  if (!d) return null;
  let p = d.end + sticky(AFTER_DATE, folded, d.end)![0].length;
  const word = sticky(OFICIO_WORD, folded, p);
  if (word) p += word[0].length;
  const n = numberAt(display, folded, p);
  // "sin número" only stands for a number after the word oficio.
  if (!n || (!n.number && !word)) return null;
  return { end: n.end, number: n.number, date: d.date };
}

function numberFirst(
  display: string,
  folded: string,
  pos: number,
  marked: boolean,
): Omit<EntryHead, 'start' | 'marker' | 'kind'> | null {
  let p = pos;
  const word = sticky(OFICIO_WORD, folded, p);
  if (word) p += word[0].length;
  const n = numberAt(display, folded, p);
  if (!n || !n.number) return null;
  const sep = sticky(AFTER_NUMBER, folded, n.end)!;
  const tableLike = sep[1].length >= 2 || sep[1].includes('\t') || sep[2] === '|' || sep[2] === '\t' || sep[4] === '\n';
  const dated = (sep[5] !== undefined && sep[5] !== 'de') || sep[6] !== undefined;
  if (!marked && !tableLike && !dated) return null;
  const d = completeDate(folded, n.end + sep[0].length);
  if (!d || !d.date) return null;
  return { end: d.end, number: n.number, date: d.date };
}

function letterHead(display: string, folded: string, pos: number): Omit<EntryHead, 'start' | 'marker' | 'kind'> | null {
  if (display[pos] !== 'O') return null;
  const m = sticky(LETTER, folded, pos);
  if (!m) return null;
  const number = oficioNumberAt(display, pos + m[0].length);
  if (!number) return null;
  if (!m[1] && !sticky(LINE_REST_BLANK, folded, number.end)) return null;
  return { end: number.end, number, date: null };
}

const PROSE_LEAD =
  /(?:(?:asimismo|finalmente|por\s+otra\s+parte|por\s+otro\s+lado|ademas|igualmente|posteriormente|de\s+igual\s+(?:forma|manera)|por\s+ultimo|en\s+la\s+misma\s+fecha)\s*,?\s+)?/y;
const RECEIVED_ON = /(?:con\s+fecha|en\s+fecha|el(?:\s+dia)?)\s+/y;
const RECEIVED_VERB =
  /\s*,?\s+(?:se\s+(?:recibio|recibieron|turno)|(?:fue|ha\s+sido)\s+recibido|llego|ingreso)\s+(?:[^,.;\n]{0,60}?\s+)?(?:el\s+)?oficio\s+/y;
const BY_OFICIO = /(?:(?:mediante|con|por\s+medio\s+del?|a\s+traves\s+del?)\s+(?:el\s+)?|el\s+)oficio\s+/y;
const OFICIO_DATED = /\s*,?\s*(?:de\s+fecha|del|fechado\s+el|de)\s+/y;

/**
 * An oficio introduced in running prose at a paragraph's start: "Con fecha D se recibió el
 * oficio N, por el que …", "Mediante oficio N, de fecha D, la UTSI informó …".
 */
function proseHead(display: string, folded: string, pos: number): Omit<EntryHead, 'start' | 'marker' | 'kind'> | null {
  const p = pos + sticky(PROSE_LEAD, folded, pos)![0].length;
  const on = sticky(RECEIVED_ON, folded, p);
  if (on) {
    const date = dateAt(folded, p + on[0].length);
    if (!date || !date.hasYear) return null;
    const verb = sticky(RECEIVED_VERB, folded, date.end);
    const number = verb ? oficioNumberAt(display, date.end + verb[0].length) : null;
    return number ? { end: number.end, number, date } : null;
  }
  const by = sticky(BY_OFICIO, folded, p);
  if (!by) return null;
  const number = oficioNumberAt(display, p + by[0].length);
  if (!number) return null;
  const dated = sticky(OFICIO_DATED, folded, number.end);
  const date = dated ? dateAt(folded, number.end + dated[0].length) : null;
  return date && date.hasYear ? { end: date.end, number, date } : null;
}

/** Is the line at `lineStart` the first of a paragraph (the text's first, or after a blank line)? */
function opensParagraph(folded: string, lineStart: number): boolean {
  let i = lineStart - 1;
  if (i < 0) return true;
  i--;
  while (i >= 0 && folded[i] !== '\n') {
    if (!/\s/.test(folded[i])) return false;
    i--;
  }
  return true;
}

function headAt(display: string, folded: string, lineStart: number): EntryHead | null {
  let pos = lineStart;
  while (pos < folded.length && (folded[pos] === ' ' || folded[pos] === '\t')) pos++;
  if (pos >= folded.length || folded[pos] === '\n') return null;
  const marker = sticky(MARKER, display, pos);
  const attempts: { at: number; marker: number | null; markerAlternative?: number; marked: boolean }[] = [];
  if (marker) {
    const alternative = letterReading(marker);
    attempts.push({
      at: pos + marker[0].length,
      marker: markerValue(marker),
      ...(alternative !== undefined ? { markerAlternative: alternative } : {}),
      marked: true,
    });
  }
  attempts.push({ at: pos, marker: null, marked: false });
  for (const a of attempts) {
    if (!a.marked && continuesSentence(folded, pos)) break;
    const head = dateFirst(display, folded, a.at) ?? numberFirst(display, folded, a.at, a.marked);
    if (head) {
      const alternative = a.markerAlternative !== undefined ? { markerAlternative: a.markerAlternative } : {};
      return { kind: 'ENTRY', start: pos, marker: a.marker, ...alternative, ...head };
    }
  }
  const letter = letterHead(display, folded, pos);
  if (letter) return { kind: 'LETTER', start: pos, marker: null, ...letter };
  const prose = opensParagraph(folded, lineStart) ? proseHead(display, folded, pos) : null;
  return prose ? { kind: 'ENTRY', start: pos, marker: null, prose: true, ...prose } : null;
}

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && /\s/.test(text[end - 1])) end--;
  return end;
}

function trimStart(text: string, start: number, end: number): number {
  while (start < end && /\s/.test(text[start])) start++;
  return start;
}

export function segment(display: string, folded: string): Segmentation {
  const heads: EntryHead[] = [];
  for (let lineStart = 0; lineStart < folded.length;) {
    const head = headAt(display, folded, lineStart);
    if (head) heads.push(head);
    const nl = folded.indexOf('\n', head ? head.end : lineStart);
    if (nl < 0) break;
    lineStart = nl + 1;
  }

  // A letter's body may open a paragraph with "Mediante oficio N, de fecha D, ese Instituto…": a
  // citation, not another oficio, until the letter closes ("Atentamente", "c.c.p.").
  for (let i = 1; i < heads.length; i++) {
    if (!heads[i].prose) continue;
    const previous = heads[i - 1];
    if (previous.kind === 'LETTER' && !CLOSING.test(folded.slice(previous.end, heads[i].start))) heads.splice(i--, 1);
  }

  const segments: Segment[] = [];
  const leftOut: { start: number; end: number }[] = [];
  const addLeftOut = (start: number, end: number) => {
    const s = trimStart(display, start, end);
    const e = trimEnd(display, s, end);
    if (e > s) leftOut.push({ start: s, end: e });
  };
  const close = (start: number, limit: number, head: EntryHead | null) => {
    const from = head ? head.end : start;
    const closing = CLOSING.exec(folded.slice(from, limit));
    const bodyEnd = closing ? from + closing.index : limit;
    const end = trimEnd(display, start, bodyEnd);
    if (end > start) segments.push({ start, end, head });
    if (closing) addLeftOut(bodyEnd, limit);
  };

  if (heads.length === 0) {
    const start = trimStart(display, 0, display.length);
    if (start < display.length) close(start, display.length, null);
    return { segments, leftOut };
  }
  addLeftOut(0, heads[0].start);
  heads.forEach((head, i) => close(head.start, i + 1 < heads.length ? heads[i + 1].start : display.length, head));
  return { segments, leftOut };
}
