import { createEvent } from 'ics';
import {
  type Block,
  caseLink,
  compose,
  daysBetween,
  heading,
  holderOf,
  institutionName,
  link,
  list,
  localDate,
  paragraph,
  plural,
  spanishDate,
  spanishDateTime,
} from './layout';

/** A rendered mail: subject, plain text, HTML, and an iCalendar event when it announces a time. */
export interface MailContent {
  subject: string;
  text: string;
  html: string;
  calendar?: { filename: string; method: 'PUBLISH'; content: string };
}

export type EscalationStep = 'REMINDER' | 'OVERDUE' | 'LEVEL_1' | 'LEVEL_2' | 'LEVEL_3';

export interface DeadlineLike {
  party: 'INE' | 'OPLE';
  kind: string;
  dueDate: string;
  dueAt: string;
}

/** Who the mail is for, as the directory names them. */
export interface Addressee {
  name: string;
  /** The role's label, e.g. "Secretaría Técnica de la Comisión". */
  roleLabel: string;
}

const STEP_TITLE: Record<EscalationStep, string> = {
  REMINDER: 'Recordatorio: el plazo está por vencer',
  OVERDUE: 'Plazo vencido',
  LEVEL_1: 'Escalamiento nivel 1 (área responsable)',
  LEVEL_2: 'Escalamiento nivel 2 (Secretaría Técnica de la Comisión)',
  LEVEL_3: 'Escalamiento nivel 3 (Comisión)',
};

const KIND_TEXT: Record<string, string> = {
  DELIVERY: 'la entrega del documento',
  REVIEW: 'la revisión del INE',
  ANSWER: 'la respuesta a las observaciones',
  REQUEST: 'la respuesta a la solicitud',
};

const greet = (to: Addressee) => `Estimada/o ${to.name} (${to.roleLabel}):`;

/** How late (or how close) a deadline is at an instant: "lleva 3 días de atraso", "vence en 2 días". */
export function lateness(deadline: DeadlineLike, at: string): { daysLate: number; phrase: string } {
  const days = daysBetween(deadline.dueDate, localDate(at));
  if (Date.parse(at) < Date.parse(deadline.dueAt)) {
    const left = -days;
    return {
      daysLate: 0,
      phrase: `vence el ${spanishDate(deadline.dueDate)} (${left === 0 ? 'hoy' : `en ${plural(left, 'día', 'días')}`})`,
    };
  }
  const late = Math.max(days, 0);
  return {
    daysLate: late,
    phrase:
      late === 0
        ? `venció el ${spanishDate(deadline.dueDate)}`
        : `venció el ${spanishDate(deadline.dueDate)}: lleva ${plural(late, 'día', 'días')} de atraso`,
  };
}

export interface EscalationMail {
  to: Addressee;
  step: EscalationStep;
  caseId: string;
  ople: string;
  /** The case's line: "Entregable 16, versión final — Plan de seguridad…" or the request's subject. */
  title: string;
  deadline: DeadlineLike;
  firedAt: string;
}

/** One rung of the ladder, to the people of its level. */
export function escalationMail(m: EscalationMail, consoleUrl: string): MailContent {
  const { phrase } = lateness(m.deadline, m.firedAt);
  const what = KIND_TEXT[m.deadline.kind] ?? 'el plazo';
  const body = compose(greet(m.to), [
    paragraph(`${STEP_TITLE[m.step]} en ${institutionName(m.ople)}.`),
    paragraph(`${m.title}`),
    paragraph(`El plazo para ${what} ${phrase}.`),
    paragraph(`Tiene la pelota: ${holderOf(m.deadline.party, m.ople)}.`),
    link('Ver el caso en la consola', caseLink(consoleUrl, m.caseId)),
  ]);
  return { subject: `[${m.ople}] ${STEP_TITLE[m.step]}: ${cut(m.title)}`, ...body };
}

export interface ReminderItemsMail {
  to: Addressee;
  ople: string;
  /** The INE reminder's oficio, e.g. INE/UTSI/1654/2024. */
  oficioNumber: string;
  items: ReadonlyArray<{ caseId: string; title: string; dueDate: string }>;
}

/** An INE reminder's "plazo máximo" items, to the OPLE's technical secretary. */
export function reminderItemsMail(m: ReminderItemsMail, consoleUrl: string): MailContent {
  const items = [...m.items].sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.title.localeCompare(b.title));
  const body = compose(greet(m.to), [
    paragraph(
      `El INE, mediante el oficio ${m.oficioNumber}, recuerda a ${institutionName(m.ople)} ${plural(items.length, 'entregable', 'entregables')} con plazo máximo de remisión:`,
    ),
    list(
      items.map((i) => ({
        text: `${i.title} — plazo máximo: ${spanishDate(i.dueDate)}`,
        url: caseLink(consoleUrl, i.caseId),
      })),
    ),
  ]);
  return {
    subject: `[${m.ople}] Recordatorio del INE ${m.oficioNumber}: ${plural(items.length, 'entregable', 'entregables')} con plazo máximo`,
    ...body,
  };
}

export interface ReminderSenderSummaryMail {
  to: Addressee;
  ople: string;
  oficioNumber: string;
  items: ReadonlyArray<{ caseId: string; title: string; dueDate: string }>;
  /** Who received the reminder's items at once (the OPLE's technical secretary with immediate mail). */
  notified: ReadonlyArray<{ name: string; email: string; roleLabel: string }>;
}

/** To whoever recorded an INE reminder: who was notified of its items. */
export function reminderSenderSummaryMail(m: ReminderSenderSummaryMail, consoleUrl: string): MailContent {
  const items = [...m.items].sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.title.localeCompare(b.title));
  const people = m.notified.filter((p, i) => m.notified.findIndex((o) => o.email === p.email) === i);
  const body = compose(greet(m.to), [
    paragraph(
      `Se registró el recordatorio del INE ${m.oficioNumber} a ${institutionName(m.ople)}: ${plural(items.length, 'entregable', 'entregables')} con plazo máximo.`,
    ),
    heading(people.length ? `Se notificó a (${people.length})` : 'Nadie recibió aviso inmediato'),
    people.length
      ? list(people.map((p) => ({ text: `${p.name} <${p.email}> — ${p.roleLabel}` })))
      : paragraph(
          'El directorio no tiene a nadie de la Secretaría Técnica de ese OPLE que reciba cada correo; lo verán en el resumen diario.',
        ),
    heading('Entregables'),
    list(
      items.map((i) => ({
        text: `${i.title} — plazo máximo: ${spanishDate(i.dueDate)}`,
        url: caseLink(consoleUrl, i.caseId),
      })),
    ),
  ]);
  return {
    subject: `[${m.ople}] Recordatorio ${m.oficioNumber}: ${people.length ? `se notificó a ${plural(people.length, 'persona', 'personas')}` : 'nadie fue notificado'}`,
    ...body,
  };
}

export interface InvitationMail {
  to: Addressee;
  ople: string;
  oficioNumber: string;
  subject: string;
  /** ISO instant with offset. */
  meetingAt: string;
  noticeId: string;
}

/** An invitation to a meeting, with its .ics at the meeting's time. */
export function invitationMail(m: InvitationMail, consoleUrl: string): MailContent {
  const when = spanishDateTime(m.meetingAt);
  const body = compose(greet(m.to), [
    paragraph(
      `El INE, mediante el oficio ${m.oficioNumber}, invita a ${institutionName(m.ople)} a una reunión el ${when}.`,
    ),
    paragraph(`Asunto: ${m.subject}`),
    paragraph('Se adjunta el evento de calendario (invitacion.ics).'),
  ]);
  const calendar = icsEvent({
    uid: `${m.noticeId}@seguimiento`,
    start: Date.parse(m.meetingAt),
    durationHours: 1,
    title: `Reunión INE (${m.oficioNumber}): ${cut(m.subject, 120)}`,
    description: `${m.subject}\n\n${when}.\nOficio ${m.oficioNumber}. ${caseLink(consoleUrl, m.noticeId)}`,
    alarmHoursBefore: 1,
  });
  return {
    subject: `[${m.ople}] Invitación del INE: reunión el ${when}`,
    ...body,
    calendar: { filename: 'invitacion.ics', method: 'PUBLISH', content: calendar },
  };
}

export interface DeadlineMail {
  to: Addressee;
  caseId: string;
  ople: string;
  title: string;
  deadline: DeadlineLike;
  /** The deadline it replaces, for an extension. */
  previousDueDate?: string;
}

/** A new (or extended) deadline, with an .ics reminder on its last day. */
export function deadlineMail(m: DeadlineMail, consoleUrl: string): MailContent {
  const what = KIND_TEXT[m.deadline.kind] ?? 'el plazo';
  const url = caseLink(consoleUrl, m.caseId);
  const body = compose(greet(m.to), [
    paragraph(
      m.previousDueDate
        ? `Se prorrogó el plazo para ${what}: del ${spanishDate(m.previousDueDate)} al ${spanishDate(m.deadline.dueDate)}.`
        : `Corre un plazo nuevo para ${what}: vence el ${spanishDate(m.deadline.dueDate)} (al final del día, tiempo del centro).`,
    ),
    paragraph(m.title),
    paragraph(`Tiene la pelota: ${holderOf(m.deadline.party, m.ople)}.`),
    link('Ver el caso en la consola', url),
    paragraph('Se adjunta un recordatorio de calendario (plazo.ics).'),
  ]);
  // The last hour of the last day, with an alarm the day before.
  const calendar = icsEvent({
    uid: `${m.caseId}:${m.deadline.kind}:${m.deadline.dueDate}@seguimiento`,
    start: Date.parse(m.deadline.dueAt) - 3_600_000,
    durationHours: 1,
    title: `Vence el plazo: ${cut(m.title, 120)}`,
    description: `${m.title}\nEl plazo para ${what} vence el ${spanishDate(m.deadline.dueDate)}.\n${url}`,
    alarmHoursBefore: 24,
  });
  return {
    subject: `[${m.ople}] ${m.previousDueDate ? 'Prórroga' : 'Plazo nuevo'}: vence el ${spanishDate(m.deadline.dueDate)} — ${cut(m.title)}`,
    ...body,
    calendar: { filename: 'plazo.ics', method: 'PUBLISH', content: calendar },
  };
}

export interface OverdueItem {
  caseId: string;
  ople: string;
  title: string;
  dueDate: string;
  daysLate: number;
}

/** What an import of past correspondence found overdue: one summary per person, instead of the ladder. */
export function importSummaryMail(
  m: { to: Addressee; items: readonly OverdueItem[] },
  consoleUrl: string,
): MailContent {
  const items = [...m.items].sort((a, b) => b.daysLate - a.daysLate || a.title.localeCompare(b.title));
  const body = compose(greet(m.to), [
    paragraph(
      `Al importar la correspondencia anterior se encontraron ${plural(items.length, 'plazo vencido', 'plazos vencidos')}. No se envió un aviso por cada escalamiento: este es el resumen.`,
    ),
    list(items.map((i) => ({ text: overdueLine(i), url: caseLink(consoleUrl, i.caseId) }))),
  ]);
  return { subject: `Importación: ${plural(items.length, 'plazo vencido', 'plazos vencidos')}`, ...body };
}

export interface DigestMail {
  to: Addressee;
  /** The local day of the digest. */
  date: string;
  overdue: readonly OverdueItem[];
  dueSoon: ReadonlyArray<{ caseId: string; ople: string; title: string; dueDate: string; party: 'INE' | 'OPLE' }>;
  changedYesterday: ReadonlyArray<{ caseId: string; ople: string; title: string; what: string }>;
  /** The first local date the changes cover, when more than yesterday (Monday's after a quiet weekend). */
  changesFrom?: string;
}

/** The daily digest; null when there is nothing to say. */
export function digestMail(m: DigestMail, consoleUrl: string): MailContent | null {
  if (!m.overdue.length && !m.dueSoon.length && !m.changedYesterday.length) return null;
  const blocks: Block[] = [paragraph(`Resumen del ${spanishDate(m.date)}.`)];
  if (m.overdue.length) {
    blocks.push(heading(`Vencido (${m.overdue.length})`));
    const sorted = [...m.overdue].sort((a, b) => b.daysLate - a.daysLate || a.title.localeCompare(b.title));
    blocks.push(list(sorted.map((i) => ({ text: overdueLine(i), url: caseLink(consoleUrl, i.caseId) }))));
  }
  if (m.dueSoon.length) {
    blocks.push(heading(`Vence en los próximos 7 días (${m.dueSoon.length})`));
    const sorted = [...m.dueSoon].sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.title.localeCompare(b.title));
    blocks.push(
      list(
        sorted.map((i) => ({
          text: `[${i.ople}] ${i.title} — vence el ${spanishDate(i.dueDate)} (${inDays(daysBetween(m.date, i.dueDate))}); tiene la pelota ${holderOf(i.party, i.ople)}`,
          url: caseLink(consoleUrl, i.caseId),
        })),
      ),
    );
  }
  if (m.changedYesterday.length) {
    const since = m.changesFrom && daysBetween(m.changesFrom, m.date) > 1 ? m.changesFrom : null;
    blocks.push(
      heading(
        since
          ? `Cambios desde el ${spanishDate(since)} (${m.changedYesterday.length})`
          : `Cambios de ayer (${m.changedYesterday.length})`,
      ),
    );
    blocks.push(
      list(
        m.changedYesterday.map((i) => ({
          text: `[${i.ople}] ${i.title}: ${i.what}`,
          url: caseLink(consoleUrl, i.caseId),
        })),
      ),
    );
  }
  const counts = [
    m.overdue.length ? plural(m.overdue.length, 'vencido', 'vencidos') : null,
    m.dueSoon.length ? `${m.dueSoon.length} por vencer` : null,
    m.changedYesterday.length ? plural(m.changedYesterday.length, 'cambio', 'cambios') : null,
  ].filter(Boolean);
  return {
    subject: `Resumen diario del ${spanishDate(m.date)}: ${counts.join(', ')}`,
    ...compose(greet(m.to), blocks),
  };
}

const inDays = (n: number) => (n === 0 ? 'hoy' : `en ${plural(n, 'día', 'días')}`);

const overdueLine = (i: OverdueItem) =>
  `[${i.ople}] ${i.title} — venció el ${spanishDate(i.dueDate)}, ${plural(i.daysLate, 'día', 'días')} de atraso`;

const cut = (text: string, width = 80): string => (text.length > width ? `${text.slice(0, width - 1)}…` : text);

function icsEvent(e: {
  uid: string;
  start: number;
  durationHours: number;
  title: string;
  description: string;
  alarmHoursBefore: number;
}): string {
  const { error, value } = createEvent({
    uid: e.uid,
    productId: 'seguimiento/PREP',
    method: 'PUBLISH',
    start: e.start,
    startInputType: 'utc',
    startOutputType: 'utc',
    duration: { hours: e.durationHours },
    title: e.title,
    description: e.description,
    alarms: [{ action: 'display', description: e.title, trigger: { hours: e.alarmHoursBefore, before: true } }],
  });
  if (error || !value) throw new Error(`calendario: ${error?.message ?? 'no se generó el evento'}`);
  return value;
}
