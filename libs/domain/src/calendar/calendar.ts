import { DateTime } from 'luxon';
import { MEXICO_CITY } from '../shared/local-date';
import { federalHolidays } from './holidays';

/**
 * How an OPLE counts days: during an electoral process every day counts (LGSMIME art. 7.1);
 * outside it only business days do (no weekends, no federal holidays, no `closedDays`).
 */
export type DayCount = 'CALENDAR' | 'BUSINESS';

export interface CalendarPolicy {
  dayCount: DayCount;
  /** Extra closed days (YYYY-MM-DD): INE's published closed days, local election days… */
  closedDays: readonly string[];
}

const holidayCache = new Map<number, ReadonlySet<string>>();
function holidaysOf(year: number): ReadonlySet<string> {
  let set = holidayCache.get(year);
  if (!set) {
    set = new Set(federalHolidays(year));
    holidayCache.set(year, set);
  }
  return set;
}

export function isBusinessDay(date: string, policy: CalendarPolicy): boolean {
  const day = DateTime.fromISO(date, { zone: 'utc' });
  if (day.weekday >= 6) return false;
  if (holidaysOf(day.year).has(date)) return false;
  return !policy.closedDays.includes(date);
}

/** Whether the day counts under the policy. */
function counts(date: string, policy: CalendarPolicy): boolean {
  return policy.dayCount === 'CALENDAR' || isBusinessDay(date, policy);
}

/**
 * The date `n` counted days after `from` (the day of the oficio itself does not count).
 * With business days, a deadline never lands on a closed day.
 */
export function addCountedDays(from: string, n: number, policy: CalendarPolicy): string {
  let day = DateTime.fromISO(from, { zone: 'utc' });
  let left = n;
  while (left > 0) {
    day = day.plus({ days: 1 });
    if (counts(day.toISODate()!, policy)) left -= 1;
  }
  return day.toISODate()!;
}

/** "A más tardar <fecha>": until the end of that local day, i.e. the start of the next one. */
export function endOfLocalDay(date: string): string {
  return DateTime.fromISO(date, { zone: MEXICO_CITY }).plus({ days: 1 }).startOf('day').toUTC().toISO()!;
}

/** The local (Mexico City) date of an instant. */
export function localDateOf(instant: string | Date): string {
  const dt = typeof instant === 'string' ? DateTime.fromISO(instant) : DateTime.fromJSDate(instant);
  return dt.setZone(MEXICO_CITY).toISODate()!;
}

/** Shifts an instant by whole days (24 h, Mexico City has no daylight saving since 2022). */
export function shiftDays(instant: string, days: number): string {
  return DateTime.fromISO(instant).toUTC().plus({ days }).toISO()!;
}
