import { DateTime } from 'luxon';

/**
 * Mandatory rest days of the Ley Federal del Trabajo, art. 74, for one year, as local dates:
 * 1 Jan; first Monday of Feb; third Monday of Mar; 1 May; 16 Sep; third Monday of Nov; 25 Dec;
 * 1 Oct of the years the federal executive changes (every six years from 2024); and the day of
 * the federal ordinary election (first Sunday of June, every three years from 2024). Local
 * election days and INE's own closed days are added per OPLE as `closedDays`.
 */
export function federalHolidays(year: number): string[] {
  const days = [
    iso(year, 1, 1),
    nthWeekday(year, 2, 1, 1),
    nthWeekday(year, 3, 1, 3),
    iso(year, 5, 1),
    iso(year, 9, 16),
    nthWeekday(year, 11, 1, 3),
    iso(year, 12, 25),
  ];
  if ((year - 2024) % 6 === 0) days.push(iso(year, 10, 1));
  if ((year - 2024) % 3 === 0) days.push(nthWeekday(year, 6, 7, 1));
  return days.sort();
}

function iso(year: number, month: number, day: number): string {
  return DateTime.utc(year, month, day).toISODate()!;
}

/** The n-th given weekday (1 = Monday … 7 = Sunday) of a month. */
function nthWeekday(year: number, month: number, weekday: number, n: number): string {
  const first = DateTime.utc(year, month, 1);
  const offset = (weekday - first.weekday + 7) % 7;
  return first.plus({ days: offset + 7 * (n - 1) }).toISODate()!;
}
