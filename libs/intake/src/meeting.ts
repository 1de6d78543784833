import { MEXICO_CITY } from '@seguimiento/domain';
import { DateTime } from 'luxon';
import { findDates, resolveDate } from './dates';
import type { MeetingTime } from './model';

/**
 * The date and time of a meeting an invitation announces, in folded text: "asistir el 5 de
 * marzo a las 13:00 horas (tiempo del centro)", "el lunes 4 de marzo de 2024, a las 10:30 hrs.",
 * "a las 5:00 p.m. del 8 de abril". The zone is the one the oficio names; Mexico's centre when
 * it names none.
 */
const TIME =
  /\b(?:a\s+las|a\s+la|alas|en\s+punto\s+de\s+las)\s+([0-9]{1,2})(?:\s*[:.]\s*([0-9]{2}))?\s*(?:(horas|hrs?\b\.?|h\b)|(a\.?\s?m\b\.?|p\.?\s?m\b\.?))?/g;

const ZONES: readonly [RegExp, string, string][] = [
  [
    /\b(?:tiempo|hora|horario)\s+del\s+centro\b|\bhora\s+de\s+la\s+ciudad\s+de\s+mexico\b|\bzona\s+centro\b/,
    MEXICO_CITY,
    'tiempo del centro',
  ],
  [/\b(?:tiempo|hora|horario)\s+del\s+pacifico\b|\bzona\s+pacifico\b/, 'America/Mazatlan', 'tiempo del Pacífico'],
  [/\b(?:tiempo|hora|horario)\s+del\s+noroeste\b|\bzona\s+noroeste\b/, 'America/Tijuana', 'tiempo del noroeste'],
  [/\b(?:tiempo|hora|horario)\s+del\s+sureste\b|\bzona\s+sureste\b/, 'America/Cancun', 'tiempo del sureste'],
];

/** How the report writes a zone, so that it reads back the same. */
export function zonePhrase(zone: string): string {
  return ZONES.find((z) => z[1] === zone)?.[2] ?? 'tiempo del centro';
}

export interface FoundMeeting {
  meeting: MeetingTime | null;
  /** Spanish reasons when a meeting is announced but its date or time cannot be told. */
  problems: string[];
  /** Folded-text range of the date-and-time phrase (so it is not read as a deadline). */
  start: number;
  end: number;
}

export function findMeeting(folded: string, reference: string | null): FoundMeeting {
  TIME.lastIndex = 0;
  let time: RegExpExecArray | null = null;
  for (let m = TIME.exec(folded); m; m = TIME.exec(folded)) {
    if (m[2] !== undefined || m[3] !== undefined || m[4] !== undefined) {
      time = m;
      break;
    }
  }
  const dates = findDates(folded);
  if (!time) {
    return { meeting: null, problems: ['no se reconoce la hora de la reunión'], start: 0, end: 0 };
  }
  const timeAt = time.index;
  const timeEnd = time.index + time[0].length;
  const before = dates.filter((d) => d.end <= timeAt && timeAt - d.end <= 80).pop();
  const after = dates.find((d) => d.start >= timeEnd && d.start - timeEnd <= 40);
  const date = before ?? after;
  const iso = date ? resolveDate(date, reference) : null;
  if (!iso) {
    return { meeting: null, problems: ['no se reconoce la fecha de la reunión'], start: timeAt, end: timeEnd };
  }
  let hour = Number(time[1]);
  const minute = time[2] !== undefined ? Number(time[2]) : 0;
  const meridiem = time[4]?.replace(/[\s.]/g, '');
  if (meridiem === 'pm' && hour < 12) hour += 12;
  if (meridiem === 'am' && hour === 12) hour = 0;
  const zoneText = folded.slice(timeEnd, timeEnd + 60);
  const stated = ZONES.find(([re]) => re.test(zoneText));
  const zone = stated?.[1] ?? MEXICO_CITY;
  const [year, month, day] = iso.split('-').map(Number);
  const at = DateTime.fromObject({ year, month, day, hour, minute }, { zone });
  if (!at.isValid || hour > 23 || minute > 59) {
    return { meeting: null, problems: ['la hora de la reunión no es válida'], start: timeAt, end: timeEnd };
  }
  return {
    meeting: { at: at.toISO({ suppressMilliseconds: true })!, zone, zoneStated: Boolean(stated) },
    problems: [],
    start: Math.min(date!.start, timeAt),
    end: Math.max(date!.end, timeEnd),
  };
}
