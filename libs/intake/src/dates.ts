import { MONTHS } from '@seguimiento/domain';
import { DateTime } from 'luxon';

/**
 * Dates as oficios write them, found in FOLDED text (lower case, no accents): "19 de febrero de
 * 2024", "08 de abril del 2024", "lunes 4 de marzo de 2024", "4 de marzo" (year taken from the
 * oficio), "19/02/2024", "5/3/24", "2024-02-19". Local to Mexico City.
 */

const MONTH_ALTERNATION =
  'enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre';
const DAY_NAMES = 'lunes|martes|miercoles|jueves|viernes|sabado|domingo';

const LONG = `(?<![0-9])(?:(?:${DAY_NAMES})(?:\\s*,\\s*|\\s+))?([0-9]{1,2})(?:[ \\t]*(?:o|º|°|ro)\\.?)?\\s+(?:de\\s+)?(${MONTH_ALTERNATION})(?![a-z])(?:(?:\\s+(?:de|del)(?:\\s+ano)?\\s+|[ \\t]*,[ \\t]*|[ \\t]+)((?:19|20)[0-9]{2})(?![0-9]))?`;
const NUMERIC = `(?<![0-9/.\\-])([0-9]{1,2})([/.\\-])([0-9]{1,2})\\5((?:19|20)?[0-9]{2})(?![0-9/]|[.\\-][0-9])`;
const ISO = `(?<![0-9/.\\-])((?:19|20)[0-9]{2})-([0-9]{2})-([0-9]{2})(?![0-9])`;
// Abbreviated months ("12-feb-2024", "20/feb/2024", "29 feb. 2024", "11 de mzo. de 2024") only with a year.
const ABBREVIATED = `(?<![0-9])([0-9]{1,2})(?:\\s+(?:de\\s+)?|[-/.])(ene|feb|mar|mzo|abr|may|jun|jul|ago|sept?|set|oct|nov|dic)\\.?(?:\\s+(?:de|del)\\s+|[ \\t]*[-/.,]?[ \\t]*)((?:19|20)[0-9]{2})(?![0-9])`;
const ABBREVIATIONS = ['ene', 'feb', 'mar', 'abr', 'may', 'jun', 'jul', 'ago', 'sep', 'oct', 'nov', 'dic'];
const SOURCE = `${LONG}|${NUMERIC}|${ISO}|${ABBREVIATED}`;

export interface FoundDate {
  start: number;
  end: number;
  /** YYYY-MM-DD when the date is complete and valid; null otherwise. */
  iso: string | null;
  hasYear: boolean;
  /** False for impossible dates such as "31 de febrero de 2024" or "13/13/2024". */
  valid: boolean;
  day: number;
  month: number;
  year: number | null;
}

function build(m: RegExpExecArray): FoundDate {
  let day: number;
  let month: number;
  let year: number | null;
  if (m[1] !== undefined) {
    day = Number(m[1]);
    const name = m[2] === 'setiembre' ? 'septiembre' : m[2];
    month = MONTHS.indexOf(name as (typeof MONTHS)[number]) + 1;
    year = m[3] !== undefined ? Number(m[3]) : null;
  } else if (m[4] !== undefined) {
    day = Number(m[4]);
    month = Number(m[6]);
    year = m[7].length === 2 ? 2000 + Number(m[7]) : Number(m[7]);
  } else if (m[8] !== undefined) {
    year = Number(m[8]);
    month = Number(m[9]);
    day = Number(m[10]);
  } else {
    day = Number(m[11]);
    const abbreviation = m[12] === 'mzo' ? 'mar' : m[12] === 'set' || m[12] === 'sept' ? 'sep' : m[12];
    month = ABBREVIATIONS.indexOf(abbreviation) + 1;
    year = Number(m[13]);
  }
  const valid = isValidDay(year ?? 2024, month, day);
  return {
    start: m.index,
    end: m.index + m[0].length,
    iso: valid && year !== null ? isoOf(year, month, day) : null,
    hasYear: year !== null,
    valid,
    day,
    month,
    year,
  };
}

// A calendar date written in an oficio is local to Mexico City, but as a date (no time of day)
// it needs no zone arithmetic: UTC calendars agree, and spare the zone lookups on big inputs.
function isValidDay(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= (DateTime.utc(year, month, 1).daysInMonth ?? 0);
}

function isoOf(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Every date in a folded text (pass the entry's own slice: the scan covers the whole string). */
export function findDates(folded: string): FoundDate[] {
  const re = new RegExp(SOURCE, 'g');
  const found: FoundDate[] = [];
  for (let m = re.exec(folded); m; m = re.exec(folded)) found.push(build(m));
  return found;
}

/** The date that starts exactly at `pos`, if any. */
const STICKY = new RegExp(SOURCE, 'y');

export function dateAt(folded: string, pos: number): FoundDate | null {
  STICKY.lastIndex = pos;
  const m = STICKY.exec(folded);
  return m ? build(m) : null;
}

/**
 * The ISO date of a found date, completing a missing year from the oficio's own date: the year
 * (before, same or after) that puts it closest to the oficio ("a más tardar el 4 de marzo" in an
 * oficio of 29 Feb 2024 is 2024-03-04; "5 de enero" in one of 20 Dec 2023 is 2024-01-05).
 */
export function resolveDate(found: FoundDate, reference: string | null): string | null {
  if (!found.valid) return null;
  if (found.iso) return found.iso;
  if (!reference) return null;
  const ref = DateTime.fromISO(reference, { zone: 'utc' });
  if (!ref.isValid) return null;
  let best: { iso: string; distance: number } | null = null;
  for (const year of [ref.year - 1, ref.year, ref.year + 1]) {
    if (!isValidDay(year, found.month, found.day)) continue;
    const distance = Math.abs(Date.UTC(year, found.month - 1, found.day) - ref.toMillis());
    if (!best || distance < best.distance) best = { iso: isoOf(year, found.month, found.day), distance };
  }
  return best ? best.iso : null;
}

/** "2024-02-19" → "19 de febrero de 2024". */
export function formatLongDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} de ${MONTHS[m - 1]} de ${y}`;
}
