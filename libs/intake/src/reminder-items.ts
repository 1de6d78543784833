import { findDates, resolveDate } from './dates';
import { findDeadlines } from './deadlines';
import { recogniseDeliverable } from './deliverables';
import { fold, squash } from './fold';
import type { ReminderItem } from './model';

/**
 * The expected deliverables a reminder lists, each with its due date. Items are introduced by a
 * bullet (•, -, *, ◦, a), 1.), 1), i)) or, with no bullets, cut after each one's "plazo" (a list
 * in running prose, a one-item register row, a single sentence). Positions are relative to the
 * body given.
 */
export interface FoundItem extends ReminderItem {
  start: number;
  end: number;
}

const LINE_MARKER =
  /^[ \t]*(?:[-*–]|\(?[a-z]\)|\(?[0-9]{1,2}[ \t]*\.?[ \t]*\)|[0-9]{1,2}\.(?=[ \t])|[ivx]{1,4}\))[ \t]+/gm;
/** Where the plazo's phrase opens: "(Con plazo…", or ", con plazo…" in running prose (the "con" is not part of the title). */
const PLAZO_OPENING =
  /\(\s*(?:con\s+)?(?:plazo|fecha\s+limite|a\s+mas\s+tardar)|,?\s+con\s+(?=plazo\b|fecha\s+limite\b)/;

function markers(folded: string): { start: number; end: number }[] {
  const found: { start: number; end: number }[] = [];
  const starts = new Set<number>();
  for (let i = folded.indexOf('•'); i >= 0; i = folded.indexOf('•', i + 1)) {
    let end = i + 1;
    while (end < folded.length && (folded[end] === ' ' || folded[end] === '\t')) end++;
    found.push({ start: i, end });
    starts.add(i);
  }
  LINE_MARKER.lastIndex = 0;
  for (let m = LINE_MARKER.exec(folded); m; m = LINE_MARKER.exec(folded)) {
    const start = m.index + m[0].search(/\S/);
    if (!starts.has(start)) found.push({ start, end: m.index + m[0].length });
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Where the items of an unbulleted reminder start: after its colon, or after "recordatorio de la entrega del". */
const INTRO =
  /\brecordatorio\s+(?:(?:de|sobre)\s+la\s+(?:entrega|remision)\s+(?:del|de\s+la|de\s+los|de\s+las|de)\s+|(?:del|de\s+la|de\s+los|de\s+las|de|sobre)\s+(?:(?:entregables?|documentos?)\s+)?)|\brecuerda\s+(?:a\s+[a-z\s]{0,40}?\s+)?que\s+|\brecordarle\s+que\s+/;

/**
 * An unbulleted reminder: items cut after each deadline — "…: item one (plazo …); item two
 * (plazo …), y item three (plazo …)", a one-item register row ("Recordatorio del entregable:
 * Informe de marzo | Plazo: 05/04/2024") or a single sentence ("se le recuerda que el informe …
 * deberá remitirse a más tardar el 5 de abril").
 */
function sentenceItems(folded: string, reference: string | null): { start: number; end: number }[] {
  const deadlines = findDeadlines(folded, reference);
  if (deadlines.length === 0) return [];
  const colon = folded.indexOf(':');
  const intro = INTRO.exec(folded);
  let start: number;
  if (colon >= 0 && colon < deadlines[0].start) start = colon + 1;
  else if (intro && intro.index < deadlines[0].start) start = intro.index + intro[0].length;
  else return [];
  const parts: { start: number; end: number }[] = [];
  for (const d of deadlines) {
    if (d.start < start) continue;
    const close = /^[\s)]*(?:[;,.|][ \t]*)?/.exec(folded.slice(d.end))!;
    parts.push({ start, end: d.end + close[0].length });
    start = d.end + close[0].length;
  }
  return parts;
}

/** "…, que deberá remitirse" after a title in running prose. */
const MUST_BE_SENT =
  /\s*,?\s*(?:(?:el|la)\s+cual(?:es)?\s+|que\s+)?(?:deber[áa]n?|deben?|tendr[áa]n?\s+que|habr[áa]n?\s+de)\s+(?:ser\s+)?(?:remitid[oa]s?|remitirse|entregad[oa]s?|entregarse|enviad[oa]s?|enviarse|presentad[oa]s?|presentarse)\b[\s\S]*$/i;

function cleanTitle(text: string): string {
  return squash(text)
    .replace(MUST_BE_SENT, '')
    .replace(/[\s;,.:]+$/, '')
    .replace(/\s+(?:y|e)$/, '')
    .replace(/^(?:y|e)\s+/, '')
    .replace(/^(?:\(?[a-z]\)|\(?[0-9]{1,2}\s*\.?\s*\)|[0-9]{1,2}\.|[ivx]{1,4}\)|[-*–•])\s+/, '');
}

function item(display: string, folded: string, start: number, end: number, reference: string | null): FoundItem | null {
  const f = folded.slice(start, end);
  const deadlines = findDeadlines(f, reference);
  let titleEnd = f.length;
  let itemEnd = f.length;
  let dueDate: string | null = null;
  const opening = PLAZO_OPENING.exec(f);
  if (deadlines.length > 0) {
    const d = deadlines[0];
    dueDate = d.iso;
    titleEnd = opening && opening.index <= d.start ? opening.index : d.start;
    // What follows the plazo (a closing parenthesis, ";" and, on the last item, the rest of the
    // letter) is not part of the item.
    const close = /^[ \t]*\)?[ \t]*[;.,]?/.exec(f.slice(d.end))!;
    itemEnd = d.end + close[0].length;
  } else {
    // A flattened table row: the due date closes the line ("Informe de marzo  05/04/2024").
    const dates = findDates(f);
    const last = dates[dates.length - 1];
    if (last && /^[\s;.,)]*$/.test(f.slice(last.end))) {
      dueDate = resolveDate(last, reference);
      titleEnd = last.start;
    }
  }
  const title = cleanTitle(display.slice(start, start + titleEnd).replace(/[(\s|]+$/, ''));
  if (!title) return null;
  const recognised = recogniseDeliverable(fold(title));
  return {
    title,
    deliverable: recognised.deliverable,
    version: recognised.version,
    dueDate,
    start,
    end: start + itemEnd,
  };
}

export function extractItems(
  display: string,
  folded: string,
  reference: string | null,
): { items: FoundItem[]; introEnd: number } {
  const found = markers(folded);
  const ranges: { start: number; end: number }[] = [];
  if (found.length > 0) {
    found.forEach((m, i) =>
      ranges.push({ start: m.end, end: i + 1 < found.length ? found[i + 1].start : folded.length }),
    );
  } else {
    ranges.push(...sentenceItems(folded, reference));
  }
  const items: FoundItem[] = [];
  for (const r of ranges) {
    const it = item(display, folded, r.start, r.end, reference);
    if (it) items.push(it);
  }
  const introEnd = found.length > 0 ? found[0].start : ranges.length > 0 ? ranges[0].start : folded.length;
  return { items, introEnd };
}
