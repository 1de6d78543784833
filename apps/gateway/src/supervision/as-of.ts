import { DateTime } from 'luxon';
import { MEXICO_CITY } from '@seguimiento/domain';
import { userError } from '../errors/graphql-errors';

/**
 * `asOf` as supervisors write it: a day (YYYY-MM-DD: as things stood at the end of that day in
 * Mexico City) or an ISO 8601 instant. Returns the instant, or refuses naming the field.
 */
export function parseAsOf(value: string, field = 'asOf'): Date {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const day = DateTime.fromISO(value, { zone: MEXICO_CITY });
    if (day.isValid) return day.endOf('day').toJSDate();
  } else {
    const instant = DateTime.fromISO(value, { setZone: true });
    if (instant.isValid && /T/.test(value)) return instant.toJSDate();
  }
  throw userError('BAD_USER_INPUT', `${field}: "${value}" no es una fecha (AAAA-MM-DD) ni un instante ISO 8601`, field);
}
