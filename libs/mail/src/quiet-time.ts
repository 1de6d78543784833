import { DateTime } from 'luxon';

const MEXICO_CITY = 'America/Mexico_City';

/**
 * When an institution does not want immediate mail (issue 18, item 3): a span of the local day
 * (quiet hours, e.g. 20:00–08:00, which may cross midnight) and, if `quietWeekends`, all of
 * Saturday and Sunday. Immediate mail that falls in quiet time is held until it ends; the daily
 * digest is not composed on a quiet weekend day (Monday's then covers the weekend's changes).
 */
export interface QuietRules {
  quietHours: { from: string; to: string } | null;
  quietWeekends: boolean;
}

/** Quiet rules per institution (an OPLE's key, or INE); an institution not named has none. */
export type QuietSettings = Readonly<Record<string, QuietRules>>;

export const NO_QUIET: QuietRules = { quietHours: null, quietWeekends: false };

/** A quiet setting refused: names the field (institutions.GRO.quietHours.from…) and the reason, in Spanish. */
export class QuietSettingsError extends Error {}

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;
const minutesOf = (hhmm: string): number => {
  const [, h, m] = HHMM.exec(hhmm)!;
  return Number(h) * 60 + Number(m);
};

/**
 * The `institutions` object of the directory file: `{ "GRO": { "quietHours": { "from": "20:00",
 * "to": "08:00" }, "quietWeekends": true } }`. Absent: no institution has quiet time.
 */
export function parseQuietSettings(raw: unknown, isInstitution: (key: string) => boolean): QuietSettings {
  if (raw === undefined || raw === null) return {};
  if (typeof raw !== 'object' || Array.isArray(raw))
    throw new QuietSettingsError('institutions: debe ser un objeto por institución (p. ej. {"GRO": {…}})');
  const settings: Record<string, QuietRules> = {};
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    const at = `institutions.${key}`;
    if (!isInstitution(key)) throw new QuietSettingsError(`${at}: "${key}" no es INE ni un OPLE conocido`);
    if (!value || typeof value !== 'object' || Array.isArray(value))
      throw new QuietSettingsError(`${at}: debe ser un objeto con quietHours y quietWeekends`);
    const v = value as { quietHours?: unknown; quietWeekends?: unknown };
    let quietHours: QuietRules['quietHours'] = null;
    if (v.quietHours !== undefined && v.quietHours !== null) {
      const h = v.quietHours as { from?: unknown; to?: unknown };
      for (const field of ['from', 'to'] as const)
        if (typeof h[field] !== 'string' || !HHMM.test(h[field] as string))
          throw new QuietSettingsError(
            `${at}.quietHours.${field}: "${String(h[field])}" debe ser una hora HH:MM (tiempo del centro), p. ej. 20:00`,
          );
      if (h.from === h.to)
        throw new QuietSettingsError(
          `${at}.quietHours: from y to son la misma hora; omita quietHours para no tener horas de silencio`,
        );
      quietHours = { from: h.from as string, to: h.to as string };
    }
    if (v.quietWeekends !== undefined && typeof v.quietWeekends !== 'boolean')
      throw new QuietSettingsError(`${at}.quietWeekends: debe ser true (sin correo en fin de semana) o false`);
    settings[key] = { quietHours, quietWeekends: v.quietWeekends === true };
  }
  return settings;
}

const isWeekend = (t: DateTime): boolean => t.weekday === 6 || t.weekday === 7;

/**
 * The end of the quiet time `at` falls in, or null when `at` is not quiet: the first instant after
 * `at` that is neither a quiet weekend day nor within quiet hours (quiet hours are [from, to)).
 */
export function quietUntil(at: Date, rules: QuietRules | undefined): Date | null {
  if (!rules || (!rules.quietHours && !rules.quietWeekends)) return null;
  let t = DateTime.fromJSDate(at, { zone: MEXICO_CITY });
  const start = t;
  // Each step moves strictly forward to the end of one quiet span; two spans can follow each other
  // (Friday night's hours, then the weekend, then Monday's early hours).
  for (let i = 0; i < 6; i++) {
    if (rules.quietWeekends && isWeekend(t)) {
      t = t.plus({ days: t.weekday === 6 ? 2 : 1 }).startOf('day');
      continue;
    }
    const q = rules.quietHours;
    if (q) {
      const from = minutesOf(q.from);
      const to = minutesOf(q.to);
      const now = t.hour * 60 + t.minute;
      const endToday = t.startOf('day').plus({ minutes: to });
      if (from < to ? now >= from && now < to : now < to) {
        t = endToday;
        continue;
      }
      if (from > to && now >= from) {
        t = t.startOf('day').plus({ days: 1, minutes: to });
        continue;
      }
    }
    break;
  }
  return t.equals(start) ? null : t.toUTC().toJSDate();
}

/** Whether the daily digest is composed on a local date (not on a quiet weekend day). */
export function isDigestDay(date: string, rules: QuietRules | undefined): boolean {
  return !(rules?.quietWeekends && isWeekend(DateTime.fromISO(date, { zone: MEXICO_CITY })));
}

/**
 * The first local date whose changes a digest on `date` reports: yesterday, or — after days
 * without a digest (a quiet weekend) — the day of the previous digest, so no change goes unsaid.
 */
export function changesFrom(date: string, rules: QuietRules | undefined): string {
  let day = DateTime.fromISO(date, { zone: MEXICO_CITY }).minus({ days: 1 });
  for (let i = 0; i < 7 && !isDigestDay(day.toISODate()!, rules); i++) day = day.minus({ days: 1 });
  return day.toISODate()!;
}
