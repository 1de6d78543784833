/** Dates, labels and small text helpers of the console: Spanish, America/Mexico_City. */

export const TIME_ZONE = 'America/Mexico_City';

const dayFormat = new Intl.DateTimeFormat('es-MX', {
  timeZone: 'UTC',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
});
const longDayFormat = new Intl.DateTimeFormat('es-MX', {
  timeZone: 'UTC',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
const instantFormat = new Intl.DateTimeFormat('es-MX', {
  timeZone: TIME_ZONE,
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});
const clockFormat = new Intl.DateTimeFormat('es-MX', {
  timeZone: TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});
const partsFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

const YMD = /^(\d{4})-(\d{2})-(\d{2})$/;

export const isDay = (value: string): boolean => {
  const m = YMD.exec(value);
  if (!m) return false;
  const date = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return date.getUTCFullYear() === +m[1] && date.getUTCMonth() === +m[2] - 1 && date.getUTCDate() === +m[3];
};

const dayAsUtc = (day: string): Date => new Date(`${day}T12:00:00Z`);

/** 2024-03-22 → «22 mar 2024». */
export const formatDay = (day: string | null | undefined): string =>
  day && isDay(day) ? dayFormat.format(dayAsUtc(day)) : '—';

/** 2024-03-22 → «viernes, 22 de marzo de 2024». */
export const formatLongDay = (day: string): string => (isDay(day) ? longDayFormat.format(dayAsUtc(day)) : day);

/** An ISO instant, in Mexico City: «22 mar 2024, 10:15». */
export const formatInstant = (iso: string | null | undefined): string => {
  if (!iso) return '—';
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso : instantFormat.format(new Date(time));
};

/** The time of day in Mexico City, with seconds. */
export const formatClock = (time: number): string => clockFormat.format(new Date(time));

/** The calendar day (YYYY-MM-DD) an instant falls on in Mexico City. */
export const dayInMexico = (time: number): string => partsFormat.format(new Date(time));

/** Whole days from `from` to `to` (both YYYY-MM-DD); negative when `to` is earlier. */
export const daysBetween = (from: string, to: string): number =>
  Math.round((dayAsUtc(to).getTime() - dayAsUtc(from).getTime()) / 86_400_000);

/** `day` plus `n` calendar days. */
export const addDays = (day: string, n: number): string =>
  new Date(dayAsUtc(day).getTime() + n * 86_400_000).toISOString().slice(0, 10);

/** «vence hoy», «vence mañana», «vence en 5 días», «venció hace 3 días». */
export function countdown(dueDate: string, today: string): string {
  const days = daysBetween(today, dueDate);
  if (days === 0) return 'vence hoy';
  if (days === 1) return 'vence mañana';
  if (days > 1) return `vence en ${days} días`;
  if (days === -1) return 'venció ayer';
  return `venció hace ${-days} días`;
}

/** «hace 5 s», «hace 3 min», «hace 2 h». */
export function ago(seconds: number): string {
  if (seconds < 60) return `hace ${Math.max(0, Math.floor(seconds))} s`;
  if (seconds < 3600) return `hace ${Math.floor(seconds / 60)} min`;
  return `hace ${Math.floor(seconds / 3600)} h`;
}

/** «4 días», «1 día», «menos de un día». */
export function duration(days: number): string {
  if (days < 1) return 'menos de un día';
  return days === 1 ? '1 día' : `${days} días`;
}

export type Status = 'EXPECTED' | 'UNDER_REVIEW' | 'OBSERVED' | 'RESOLVED' | 'WITHDRAWN';

/** Each status with its words, a symbol (colour is never the only signal) and its CSS class. */
export const STATUS: Record<Status, { label: string; symbol: string; hint: string }> = {
  EXPECTED: { label: 'Esperado', symbol: '○', hint: 'aún no remitido por el OPLE' },
  UNDER_REVIEW: { label: 'En revisión', symbol: '◐', hint: 'remitido; el INE lo revisa' },
  OBSERVED: { label: 'Con observaciones', symbol: '!', hint: 'el OPLE debe atender observaciones' },
  RESOLVED: { label: 'Resuelto', symbol: '✓', hint: 'observaciones atendidas, o recibido' },
  WITHDRAWN: { label: 'Retirado', symbol: '×', hint: 'el OPLE lo retiró' },
};
export const STATUSES = Object.keys(STATUS) as Status[];

export const BALL: Record<string, string> = { INE: 'INE', OPLE: 'OPLE', NONE: 'Nadie' };
export const BALL_LONG: Record<string, string> = {
  INE: 'El INE (revisa)',
  OPLE: 'El OPLE (entrega o atiende)',
  NONE: 'Nadie: no hay nada pendiente',
};

export const STEP: Record<string, string> = {
  REMINDER: 'Recordatorio',
  OVERDUE: 'Plazo vencido',
  LEVEL_1: 'Nivel 1: área responsable',
  LEVEL_2: 'Nivel 2: Secretaría Técnica',
  LEVEL_3: 'Nivel 3: Comisión',
};
export const STEPS = Object.keys(STEP);

export const OUTCOME: Record<string, string> = {
  OBSERVATIONS: 'Remite observaciones',
  PARTIALLY_ADDRESSED: 'Observaciones atendidas en parte',
  ADDRESSED: 'Observaciones atendidas',
  ACCEPTED: 'Recibido sin observaciones',
};

export const OBSERVATION_STATUS: Record<string, string> = {
  OPEN: 'Abierta',
  PARTIALLY_ADDRESSED: 'Atendida en parte',
  ADDRESSED: 'Atendida',
};

export const VERSION: Record<string, string> = { PROYECTO: 'Proyecto', FINAL: 'Versión final' };

export const DEADLINE_KIND: Record<string, string> = {
  DELIVERY: 'entrega del OPLE',
  REVIEW: 'revisión del INE',
  ANSWER: 'respuesta del OPLE a observaciones',
  REQUEST: 'respuesta del OPLE a una solicitud',
};

export const ROLE_IN_CASE: Record<string, string> = {
  SUBMISSION: 'Remisión',
  ANSWER: 'Respuesta del INE',
  REQUEST: 'Solicitud',
  FULFILMENT: 'Atiende solicitud',
  SOURCE: 'Origen',
  INFERRED: 'Inferido',
  EXTENSION: 'Prórroga',
  WITHDRAWAL: 'Retiro',
  INVITATION: 'Invitación',
  NOTICE: 'Aviso',
};

export const USER_ROLE: Record<string, string> = {
  SUPERVISOR: 'Supervisión',
  OPERATOR: 'Operación',
  ADMIN: 'Administración',
};

/** A CSV file (RFC 4180, with a BOM so spreadsheet programs read the accents). */
export function toCsv(header: string[], rows: Array<Array<string | number | null | undefined>>): string {
  const cell = (value: string | number | null | undefined) => {
    const text = value === null || value === undefined ? '' : String(value);
    return /[",\n\r;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return `\uFEFF${[header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}
