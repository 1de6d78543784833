import { DateTime } from 'luxon';
import { findDeliverable } from '../catalogue/deliverables';
import { findOple } from '../catalogue/oples';
import { isOficioNumber, normalizeOficioNumber } from '../oficio/oficio-number';
import { DomainError } from '../shared/domain-error';
import { isLocalDate } from '../shared/local-date';

/**
 * INE oficios that ask nothing of a document's review: an invitation (a meeting, with its date
 * and time) or a notice (information the OPLE should know). Nothing waits on them, so they are
 * one event each, on a stream of their own keyed by the oficio: `notice:<OPLE>:<oficio-slug>`.
 */
export type NoticeKind = 'INVITATION' | 'NOTICE';

export interface NoticeData {
  ople: string;
  oficioNumber: string;
  date: string;
  kind: NoticeKind;
  subject: string;
  /** For invitations: the meeting's date and time, ISO 8601 with its UTC offset. */
  meetingAt: string | null;
  references: string[];
  deliverable: number | null;
}

export interface IneNoticeRecorded {
  type: 'IneNoticeRecorded';
  data: NoticeData & { noticeId: string };
}

export function noticeStreamId(ople: string, oficioNumber: string): string {
  const slug = normalizeOficioNumber(oficioNumber)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `notice:${ople}:${slug}`;
}

const invalid = (field: string, reason: string): never => {
  throw new DomainError('INVALID_INPUT', `${field}: ${reason}`, field);
};

/** Checks a notice; each failure names the field and the reason. Returns it normalised. */
export function validateNotice(data: NoticeData): NoticeData {
  if (!findOple(data.ople))
    invalid('ople', `"${data.ople}" no es un OPLE conocido (use la clave ISO del estado, p. ej. GRO).`);
  if (typeof data.oficioNumber !== 'string' || !isOficioNumber(data.oficioNumber)) {
    invalid(
      'oficioNumber',
      `"${String(data.oficioNumber).slice(0, 80)}" no tiene la forma de un número de oficio (p. ej. INE/UTSI/1121/2024).`,
    );
  }
  if (typeof data.date !== 'string' || !isLocalDate(data.date))
    invalid('date', `"${String(data.date).slice(0, 40)}" no es una fecha válida AAAA-MM-DD.`);
  if (data.kind !== 'INVITATION' && data.kind !== 'NOTICE')
    invalid('kind', `debe ser INVITATION o NOTICE, no "${data.kind}".`);
  if (typeof data.subject !== 'string' || data.subject.trim() === '')
    invalid('subject', 'es obligatorio: diga de qué trata el oficio.');
  if (data.subject.length > 2000) invalid('subject', 'no puede exceder 2000 caracteres.');
  let meetingAt: string | null = null;
  if (data.meetingAt !== null && data.meetingAt !== undefined) {
    if (data.kind !== 'INVITATION') invalid('meetingAt', 'solo una invitación lleva fecha y hora de reunión.');
    const parsed = DateTime.fromISO(String(data.meetingAt), { setZone: true });
    // A date and a time with its zone: Luxon also reads a bare time ("12:00-06:00") as today's.
    if (
      !parsed.isValid ||
      !/^\d{4}-\d{2}-\d{2}T/.test(String(data.meetingAt)) ||
      !/[zZ]|[+-]\d{2}:?\d{2}$/.test(String(data.meetingAt))
    ) {
      invalid(
        'meetingAt',
        `"${String(data.meetingAt).slice(0, 40)}" no es una fecha y hora ISO 8601 con su zona (p. ej. 2024-03-12T10:00:00-06:00).`,
      );
    }
    meetingAt = parsed.toISO({ suppressMilliseconds: true });
  }
  if (!Array.isArray(data.references) || data.references.length > 20)
    invalid('references', 'debe ser una lista de hasta 20 números de oficio.');
  data.references.forEach((r, i) => {
    if (typeof r !== 'string' || !isOficioNumber(r))
      invalid(`references[${i}]`, `"${String(r).slice(0, 80)}" no tiene la forma de un número de oficio.`);
  });
  if (data.deliverable !== null && data.deliverable !== undefined && !findDeliverable(data.deliverable)) {
    invalid('deliverable', `debe ser un entregable del lineamiento 33 (1 a 34), no ${data.deliverable}.`);
  }
  return {
    ...data,
    oficioNumber: normalizeOficioNumber(data.oficioNumber),
    subject: data.subject.trim(),
    meetingAt,
    references: data.references.map(normalizeOficioNumber),
    deliverable: data.deliverable ?? null,
  };
}
