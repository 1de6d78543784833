import { findDates } from './dates';
import { fold } from './fold';
import { Edit, MappedText, applyEdits, identityMapped, rewrite } from './mapped-text';
import { findOficioNumbers } from './oficio-numbers';
import { rebuildTables } from './tables';

/**
 * Repairs what PDF extraction does to correspondence, keeping the offset map back to the input:
 * control characters, odd spaces and line endings; decomposed accents; symbol-font bullets;
 * page numbers ("Página 3 de 7") and running headers or footers; words hyphenated at line end.
 * Line breaks are otherwise kept: segmentation and lists rely on them.
 */
export interface NormalizedText extends MappedText {
  /** How many header, footer and page-number lines were taken out. */
  removedLines: number;
}

const CONTROL =
  /[\u0000-\u0008\u000E-\u001F\u007F-\u009F\u200B-\u200D\u2060\uFEFF]+|\r\n?|[\u000B\u2028\u2029]|[\u00A0\u2000-\u200A\u202F\u205F\u3000]+|\u00AD(?=[ \t]*[\r\n])|\u00AD/g;

const LONG_WHITESPACE = /\s{64}\s*/g; // (not \s{64,}: V8 overflows its stack on long runs)

const COMBINING = /[^\u0300-\u036f][\u0300-\u036f]+/g;

/** Symbol-font bullets (private use area: ; Wingdings), geometric bullets → "•". */
const BULLETS =
  /[\uE000-\uF8FF\u2022\u2023\u2043\u2219\u25A0\u25AA\u25B6\u25BA\u25C6\u25C7\u25CB\u25CF\u25E6\u2713\u2714\u27A2\u27A4]/g;

const HYPHENATED = /([A-Za-zÁÉÍÓÚÜÑáéíóúüñ])-[ \t]*\n[ \t\n]*(?=[a-záéíóúüñ])/g;

const PAGE_MARKER =
  /^\s*(?:[^\n]{0,120}?\s(?=p[aá]g(?:ina)?\.?\s*\d{1,4}\s*(?:de|\/)\s*\d))?(?:(?:p[aá]g(?:ina)?\.?|hoja)\s*(\d{1,4})(?:\s*(?:de|\/)\s*(\d{1,4}))?|(\d{1,3})\s*(?:de|\/)\s*(\d{1,3})|[-–]\s*\d{1,4}\s*[-–])\s*$/i;

export function normalizeText(original: string): NormalizedText {
  let t = identityMapped(original);
  t = rewrite(t, CONTROL, (m) => {
    const s = m[0];
    if (s[0] === '\r' || s === '\u000B' || s === '\u2028' || s === '\u2029') return '\n';
    if (s === '\u00AD') return /^[ \t]*[\r\n]/.test(t.text.slice(m.index + 1, m.index + 40)) ? '-' : '';
    if (/^[\u00A0\u2000-\u200A\u202F\u205F\u3000]+$/.test(s)) return ' '.repeat(s.length);
    return '';
  });
  // Bound every run of white space, so that no pattern ever scans a long one more than once.
  t = rewrite(t, LONG_WHITESPACE, (m) => (m[0].includes('\f') ? '\n\f' : m[0].includes('\n') ? '\n\n' : ' '));
  t = rewrite(t, COMBINING, (m) => m[0].normalize('NFC'));
  t = rewrite(t, BULLETS, () => '•');
  const pages = removePageFurniture(t);
  t = rebuildTables(pages.text).text;
  t = rewrite(t, HYPHENATED, (m) => m[1]);
  return { ...t, removedLines: pages.removed };
}

interface Line {
  start: number;
  end: number;
  /** End including its separator (\n or \f). */
  next: number;
  /** The separator after it is a form feed (a page break). */
  pageBreakAfter: boolean;
  key: string;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = text[i];
    if (i === text.length || c === '\n' || c === '\f') {
      const raw = text.slice(start, i);
      lines.push({
        start,
        end: i,
        next: Math.min(i + 1, text.length),
        pageBreakAfter: c === '\f',
        key: raw.length <= 300 ? raw.replace(/\s+/g, ' ').trim().toLowerCase() : '',
      });
      start = i + 1;
    }
  }
  return lines;
}

function isPageMarker(key: string): boolean {
  const m = PAGE_MARKER.exec(key);
  if (!m) return false;
  if (m[3] !== undefined) return Number(m[3]) >= 1 && Number(m[3]) <= Number(m[4]);
  if (m[1] !== undefined && m[2] !== undefined) return Number(m[1]) <= Number(m[2]);
  return true;
}

function letters(key: string): number {
  return (key.match(/[a-záéíóúüñ]/gi) ?? []).length;
}

/**
 * Page numbers always go. A line repeated next to two or more page breaks is a running header or
 * footer; with no page breaks at all, a line in capitals repeated three times or more is one too.
 * Lines citing an oficio number or a date never count as headers (in the second case).
 */
function removePageFurniture(src: MappedText): { text: MappedText; removed: number } {
  const text = src.text;
  if (text.length === 0) return { text: src, removed: 0 };
  const lines = splitLines(text);
  const remove = new Uint8Array(lines.length);
  const boundaries: number[] = [];
  lines.forEach((line, i) => {
    if (line.key && isPageMarker(line.key)) {
      remove[i] = 1;
      boundaries.push(i);
    }
    if (line.pageBreakAfter) boundaries.push(i + 0.5);
  });

  const candidate = (line: Line) =>
    line.key.length >= 4 && letters(line.key) >= 3 && findOficioNumbers(text.slice(line.start, line.end)).length === 0;

  if (boundaries.length > 0) {
    // Lines within three non-blank lines of a page boundary (or of the text's start or end).
    const near = new Set<number>();
    const mark = (from: number, step: number) => {
      let seen = 0;
      for (let i = from; i >= 0 && i < lines.length && seen < 3; i += step) {
        if (remove[i] || !lines[i].key) continue;
        near.add(i);
        seen++;
      }
    };
    mark(0, 1);
    mark(lines.length - 1, -1);
    for (const b of boundaries) {
      mark(Math.floor(b) - (Number.isInteger(b) ? 1 : 0), -1);
      mark(Math.floor(b) + 1, 1);
    }
    const counts = new Map<string, number[]>();
    for (const i of near) {
      if (!candidate(lines[i])) continue;
      const list = counts.get(lines[i].key) ?? [];
      list.push(i);
      counts.set(lines[i].key, list);
    }
    for (const list of counts.values()) if (list.length >= 2) list.forEach((i) => (remove[i] = 1));
  }

  const counts = new Map<string, number[]>();
  lines.forEach((line, i) => {
    if (remove[i] || line.key.length < 12 || line.key.length > 200) return;
    const list = counts.get(line.key) ?? [];
    list.push(i);
    counts.set(line.key, list);
  });
  for (const list of counts.values()) {
    if (list.length < 3) continue;
    const line = lines[list[0]];
    const raw = text.slice(line.start, line.end);
    const upper = (raw.match(/[A-ZÁÉÍÓÚÜÑ]/g) ?? []).length;
    const looksLikeHeading = upper >= 0.6 * letters(raw) && !/^\s*(?:[•*\-–]|\d{1,3}[.)])/.test(raw);
    if (looksLikeHeading && candidate(line) && findDates(fold(raw)).length === 0) list.forEach((i) => (remove[i] = 1));
  }

  const edits: Edit[] = [];
  let removed = 0;
  lines.forEach((line, i) => {
    if (remove[i]) {
      removed++;
      edits.push({ start: line.start, end: line.next, text: '' });
    } else if (line.pageBreakAfter) {
      edits.push({ start: line.end, end: line.next, text: '\n' });
    }
  });
  return { text: applyEdits(src, edits), removed };
}
