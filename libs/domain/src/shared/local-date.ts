import { DateTime } from 'luxon';

/** Dates in oficios are local to Mexico City ("tiempo del centro"). */
export const MEXICO_CITY = 'America/Mexico_City';

/** A calendar date as written in an oficio (YYYY-MM-DD), with no time of day. */
export function isLocalDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && DateTime.fromISO(value, { zone: MEXICO_CITY }).isValid;
}
