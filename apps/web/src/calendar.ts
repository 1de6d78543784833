/**
 * The console's own date field, its pure part: days typed as AAAA-MM-DD (never the browser's
 * locale-dependent native picker, which says «mm/dd/yyyy» in an English browser), read with a
 * Spanish message, and a month as weeks that start on Monday, in Spanish.
 */
import { MONTHS } from './catalogue';
import { isDay } from './format';

/** The days of the week from Monday: abbreviation and full name. */
export const WEEKDAYS: Array<[string, string]> = [
  ['lu', 'lunes'],
  ['ma', 'martes'],
  ['mi', 'miércoles'],
  ['ju', 'jueves'],
  ['vi', 'viernes'],
  ['sá', 'sábado'],
  ['do', 'domingo'],
];

export const DAY_PLACEHOLDER = 'AAAA-MM-DD';

/**
 * What is wrong with a typed day, in Spanish, or null when it is a real day (or empty and not
 * required). `label` names the field in the message.
 */
export function dayProblem(text: string, label: string, required = false): string | null {
  const value = text.trim();
  if (!value) return required ? `${label}: es obligatorio.` : null;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return `${label}: escriba la fecha como AAAA-MM-DD (por ejemplo 2024-03-22).`;
  if (!isDay(value)) return `${label}: ${value} no es un día del calendario.`;
  return null;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The day `y`-`m`-`d` (month 1–12) as YYYY-MM-DD. */
export const dayOf = (y: number, m: number, d: number): string => `${String(y).padStart(4, '0')}-${pad(m)}-${pad(d)}`;

/** A month: its year and number (1–12). */
export interface Month {
  year: number;
  month: number;
}

export const monthOfDay = (day: string): Month => ({ year: Number(day.slice(0, 4)), month: Number(day.slice(5, 7)) });

/** `month` moved by `n` months. */
export function addMonths({ year, month }: Month, n: number): Month {
  const index = year * 12 + (month - 1) + n;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/** «marzo de 2024». */
export const monthTitle = ({ year, month }: Month): string => `${MONTHS[month - 1]} de ${year}`;

const daysIn = ({ year, month }: Month) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** 0 for Monday … 6 for Sunday. */
export const weekdayIndex = (day: string): number => (new Date(`${day}T12:00:00Z`).getUTCDay() + 6) % 7;

/** «viernes, 22 de marzo de 2024» (what a screen reader says for a day of the calendar). */
export function spokenDay(day: string): string {
  const { year, month } = monthOfDay(day);
  return `${WEEKDAYS[weekdayIndex(day)][1]}, ${Number(day.slice(8, 10))} de ${MONTHS[month - 1]} de ${year}`;
}

/** The weeks of a month, Monday first; days of the neighbouring months are null. */
export function monthWeeks(month: Month): Array<Array<string | null>> {
  const first = dayOf(month.year, month.month, 1);
  const cells: Array<string | null> = Array.from({ length: weekdayIndex(first) }, () => null);
  for (let d = 1; d <= daysIn(month); d += 1) cells.push(dayOf(month.year, month.month, d));
  while (cells.length % 7) cells.push(null);
  const weeks: Array<Array<string | null>> = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

/** Where a calendar key moves the focused day (arrows, Home/End within the week, PageUp/PageDown by month). */
export function moveDay(day: string, key: string): string | null {
  const at = new Date(`${day}T12:00:00Z`);
  const plus = (n: number) => new Date(at.getTime() + n * 86_400_000).toISOString().slice(0, 10);
  switch (key) {
    case 'ArrowLeft':
      return plus(-1);
    case 'ArrowRight':
      return plus(1);
    case 'ArrowUp':
      return plus(-7);
    case 'ArrowDown':
      return plus(7);
    case 'Home':
      return plus(-weekdayIndex(day));
    case 'End':
      return plus(6 - weekdayIndex(day));
    case 'PageUp':
    case 'PageDown': {
      const target = addMonths(monthOfDay(day), key === 'PageUp' ? -1 : 1);
      return dayOf(target.year, target.month, Math.min(Number(day.slice(8, 10)), daysIn(target)));
    }
    default:
      return null;
  }
}
