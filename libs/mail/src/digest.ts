import { DateTime } from 'luxon';
import { daysBetween, localDate, spanishDate } from './layout';
import type { DigestMail } from './messages';

/** A case with a running deadline, as the read models have it. */
export interface DigestCase {
  caseId: string;
  ople: string;
  title: string;
  party: 'INE' | 'OPLE';
  dueDate: string;
  dueAt: string;
}

/** An event of a case, from the log. */
export interface DigestChange {
  caseId: string;
  ople: string;
  title: string;
  type: string;
  data: Record<string, unknown>;
  occurredAt: string;
}

/** One person of the directory, with every institution they belong to. */
export interface DigestRecipient {
  email: string;
  name: string;
  roleLabel: string;
  institutions: readonly string[];
}

const STEP: Record<string, string> = {
  REMINDER: 'recordatorio de vencimiento',
  OVERDUE: 'plazo vencido',
  LEVEL_1: 'escalamiento nivel 1',
  LEVEL_2: 'escalamiento nivel 2',
  LEVEL_3: 'escalamiento nivel 3',
};

/** What an event says, in a few words of the domain; null for events not worth a line. */
export function describeChange(type: string, data: Record<string, unknown>): string | null {
  const oficio = typeof data.oficioNumber === 'string' ? ` (oficio ${data.oficioNumber})` : '';
  const deadline = data.deadline as { dueDate?: string } | null | undefined;
  switch (type) {
    case 'DocumentOpened':
      return 'se abrió el caso';
    case 'DocumentSubmitted':
      return `el OPLE remitió el documento${oficio}`;
    case 'IneAnswerRecorded':
      return data.outcome === 'OBSERVATIONS' || data.additionalObservations === true
        ? `el INE remitió observaciones${oficio}`
        : `el INE respondió${oficio}`;
    case 'DocumentResolved':
      return `quedó resuelto${oficio}`;
    case 'DocumentWithdrawn':
      return 'se retiró';
    case 'DeadlineSet':
      return deadline?.dueDate ? `corre un plazo nuevo: vence el ${spanishDate(deadline.dueDate)}` : null;
    case 'DeadlineExtended':
      return deadline?.dueDate ? `se prorrogó el plazo al ${spanishDate(deadline.dueDate)}` : null;
    case 'RequestOpened':
      return `el INE hizo una solicitud${oficio}`;
    case 'RequestFulfilled':
      return `se atendió la solicitud${oficio}`;
    case 'RequestCancelled':
      return 'se canceló la solicitud';
    case 'IneNoticeRecorded':
      return `aviso del INE${oficio}`;
    case 'EscalationRaised':
      return STEP[String(data.step)] ?? 'escalamiento';
    case 'EscalationAcknowledged':
      return `${String(data.by ?? 'alguien')} tomó conocimiento del escalamiento`;
    default:
      return null;
  }
}

/**
 * The daily digest of one person on a local date, at `at` (08:00 of that day), from the cases with
 * a running deadline and the changes since `changesFrom` (through yesterday). An OPLE's people see
 * their OPLE's cases; INE's see the deadlines INE owes and every OPLE's changes. Null: nothing to
 * say, so no mail.
 */
export function composeDigest(
  to: DigestRecipient,
  input: {
    date: string;
    at: string;
    changesFrom: string;
    cases: readonly DigestCase[];
    changes: readonly DigestChange[];
  },
): Omit<DigestMail, 'to'> | null {
  const isIne = to.institutions.includes('INE');
  const ofMine = (ople: string) => isIne || to.institutions.includes(ople);
  const mine = input.cases.filter((c) => to.institutions.includes(c.ople) || (isIne && c.party === 'INE'));
  const at = Date.parse(input.at);
  const weekEnd = DateTime.fromISO(input.date, { zone: 'utc' }).plus({ days: 7 }).toISODate()!;
  const overdue = mine
    .filter((c) => Date.parse(c.dueAt) <= at)
    .map((c) => ({
      caseId: c.caseId,
      ople: c.ople,
      title: c.title,
      dueDate: c.dueDate,
      daysLate: Math.max(daysBetween(c.dueDate, input.date), 0),
    }));
  const dueSoon = mine
    .filter((c) => Date.parse(c.dueAt) > at && c.dueDate <= weekEnd)
    .map((c) => ({ caseId: c.caseId, ople: c.ople, title: c.title, dueDate: c.dueDate, party: c.party }));
  // One line per case: what happened to it, in order, each thing once.
  const byCase = new Map<string, { caseId: string; ople: string; title: string; what: string[]; first: string }>();
  for (const e of [...input.changes].sort((a, b) => a.occurredAt.localeCompare(b.occurredAt))) {
    const day = localDate(e.occurredAt);
    if (day < input.changesFrom || day >= input.date || !ofMine(e.ople)) continue;
    const what = describeChange(e.type, e.data);
    if (!what) continue;
    const line = byCase.get(e.caseId) ?? {
      caseId: e.caseId,
      ople: e.ople,
      title: e.title,
      what: [],
      first: e.occurredAt,
    };
    if (!line.what.includes(what)) line.what.push(what);
    byCase.set(e.caseId, line);
  }
  const changedYesterday = [...byCase.values()]
    .sort((a, b) => a.first.localeCompare(b.first) || a.caseId.localeCompare(b.caseId))
    .map((l) => ({ caseId: l.caseId, ople: l.ople, title: l.title, what: l.what.join('; ') }));
  if (!overdue.length && !dueSoon.length && !changedYesterday.length) return null;
  return { date: input.date, overdue, dueSoon, changedYesterday, changesFrom: input.changesFrom };
}
