import { DateTime } from 'luxon';
import { MEXICO_CITY, isLocalDate } from '@seguimiento/domain';
import { InvalidInput } from './errors';

/** The years a date in a query may name: PostgreSQL and the calendar agree on all of them. */
const FIRST_YEAR = 1900;
const LAST_YEAR = 2999;

const inRange = (year: number): boolean => year >= FIRST_YEAR && year <= LAST_YEAR;

/**
 * A calendar date argument of a query (YYYY-MM-DD), checked before it reaches SQL: a real day
 * (not 2024-02-30) between 1900 and 2999. Returns it, or refuses naming the field.
 */
export function checkedLocalDate(value: string, field: string): string {
  if (!isLocalDate(value)) throw new InvalidInput(field, `"${value.slice(0, 40)}" no es una fecha AAAA-MM-DD`);
  if (!inRange(Number(value.slice(0, 4))))
    throw new InvalidInput(field, `"${value}" está fuera del intervalo admitido (${FIRST_YEAR} a ${LAST_YEAR})`);
  return value;
}

/**
 * `asOf` as supervisors write it: a day (YYYY-MM-DD: as things stood at the end of that day in
 * Mexico City) or an ISO 8601 instant, between 1900 and 2999. Returns the instant, or refuses
 * naming the field.
 */
export function parseAsOf(value: string, field = 'asOf'): Date {
  let instant: DateTime | null = null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const day = DateTime.fromISO(value, { zone: MEXICO_CITY });
    if (day.isValid) instant = day.endOf('day');
  } else if (/T/.test(value)) {
    const parsed = DateTime.fromISO(value, { setZone: true });
    if (parsed.isValid) instant = parsed;
  }
  if (!instant)
    throw new InvalidInput(field, `"${value.slice(0, 40)}" no es una fecha (AAAA-MM-DD) ni un instante ISO 8601`);
  if (!inRange(instant.toUTC().year))
    throw new InvalidInput(
      field,
      `"${value.slice(0, 40)}" está fuera del intervalo admitido (${FIRST_YEAR} a ${LAST_YEAR})`,
    );
  return instant.toJSDate();
}
