import { findDeliverable } from '../catalogue/deliverables';
import { findOple } from '../catalogue/oples';
import type { FollowUpPolicy } from '../deadlines/policy';
import { isOficioNumber } from '../oficio/oficio-number';
import { DomainError } from '../shared/domain-error';
import { isLocalDate } from '../shared/local-date';
import type {
  DocumentIdentity,
  ExpectDocumentData,
  ExtendDeadlineData,
  RecordIneAnswerData,
  SubmitDocumentData,
  WithdrawDocumentData,
} from './document.commands';

/**
 * Input checks: each failure names the field and the reason. They run in the workflow's update
 * validators (so bad input is refused before anything is written) and again in the decider.
 */
const invalid = (field: string, reason: string): never => {
  throw new DomainError('INVALID_INPUT', `${field}: ${reason}`, field);
};

const REVIEW_OUTCOMES = ['OBSERVATIONS', 'PARTIALLY_ADDRESSED', 'ADDRESSED', 'ACCEPTED'];

function checkOficio(field: string, value: unknown): void {
  if (typeof value !== 'string' || !isOficioNumber(value)) {
    invalid(
      field,
      `"${String(value).slice(0, 80)}" no tiene la forma de un número de oficio (p. ej. INE/UTSI/1121/2024).`,
    );
  }
}

function checkDate(field: string, value: unknown): void {
  if (typeof value !== 'string' || !isLocalDate(value))
    invalid(field, `"${String(value).slice(0, 40)}" no es una fecha válida AAAA-MM-DD.`);
}

function checkText(field: string, value: unknown, max: number, required = true): void {
  if (value === undefined && !required) return;
  if (typeof value !== 'string' || (required && value.trim() === '')) invalid(field, 'es obligatorio.');
  if ((value as string).length > max) invalid(field, `no puede exceder ${max} caracteres.`);
}

function checkPolicy(policy: Partial<FollowUpPolicy> | undefined): void {
  if (!policy) return;
  if (policy.dayCount !== undefined && policy.dayCount !== 'CALENDAR' && policy.dayCount !== 'BUSINESS')
    invalid('policy.dayCount', 'debe ser CALENDAR o BUSINESS.');
  for (const key of ['opleAnswerDays', 'ineReviewDays', 'reminderDaysBefore'] as const) {
    const v = policy[key];
    if (v !== undefined && (!Number.isInteger(v) || v < 0 || v > 365))
      invalid(`policy.${key}`, 'debe ser un entero de 0 a 365.');
  }
  const grace = policy.escalationGraceDays;
  if (
    grace !== undefined &&
    (grace.length !== 3 || grace.some((g, i) => !Number.isInteger(g) || g < 0 || (i > 0 && g < grace[i - 1])))
  ) {
    invalid('policy.escalationGraceDays', 'debe tener tres enteros no negativos en orden creciente.');
  }
  policy.closedDays?.forEach((d, i) => checkDate(`policy.closedDays[${i}]`, d));
}

export function validateIdentity(data: DocumentIdentity): void {
  if (typeof data.documentId !== 'string' || !data.documentId.startsWith('document:'))
    invalid('documentId', 'debe tener la forma document:<OPLE>:<clave>.');
  if (!findOple(data.ople))
    invalid('ople', `"${data.ople}" no es un OPLE conocido (use la clave ISO del estado, p. ej. GRO).`);
  if (!findDeliverable(data.deliverable))
    invalid('deliverable', `debe ser un entregable del lineamiento 33 (1 a 34), no ${data.deliverable}.`);
  if (data.versionKind !== 'PROYECTO' && data.versionKind !== 'FINAL')
    invalid('versionKind', `debe ser PROYECTO o FINAL, no "${data.versionKind}".`);
  checkText('title', data.title, 500, false);
  checkPolicy(data.policy);
}

export function validateExpectation(data: ExpectDocumentData): void {
  validateIdentity(data);
  checkDate('dueDate', data.dueDate);
  if (data.sourceOficio !== undefined) checkOficio('sourceOficio', data.sourceOficio);
  if (data.sourceDate !== undefined) checkDate('sourceDate', data.sourceDate);
}

export function validateSubmission(data: SubmitDocumentData): void {
  validateIdentity(data);
  checkOficio('oficioNumber', data.oficioNumber);
  checkDate('submittedOn', data.submittedOn);
  if (data.references !== undefined) {
    if (!Array.isArray(data.references) || data.references.length > 20)
      invalid('references', 'debe ser una lista de hasta 20 números de oficio.');
    data.references.forEach((r, i) => checkOficio(`references[${i}]`, r));
  }
}

export function validateIneAnswer(data: RecordIneAnswerData): void {
  checkOficio('oficioNumber', data.oficioNumber);
  checkDate('date', data.date);
  if (!REVIEW_OUTCOMES.includes(data.outcome))
    invalid('outcome', `debe ser uno de ${REVIEW_OUTCOMES.join(', ')}, no "${data.outcome}".`);
  if (typeof data.additionalObservations !== 'boolean')
    invalid('additionalObservations', 'debe ser verdadero o falso.');
  if (data.outcome === 'ACCEPTED' && data.additionalObservations) {
    invalid(
      'additionalObservations',
      'un oficio que tiene por recibido el documento sin observaciones no puede generar observaciones adicionales.',
    );
  }
  if (data.outcome === 'OBSERVATIONS' && data.additionalObservations) {
    invalid(
      'additionalObservations',
      'solo aplica cuando el oficio juzga observaciones anteriores; use OBSERVATIONS sin adicionales para una primera revisión.',
    );
  }
  if (!Array.isArray(data.references)) invalid('references', 'debe ser una lista de números de oficio.');
  if (data.references.length > 20) invalid('references', 'no puede citar más de 20 oficios.');
  data.references.forEach((r, i) => checkOficio(`references[${i}]`, r));
  if (data.observations !== undefined) {
    if (!Array.isArray(data.observations) || data.observations.length > 200)
      invalid('observations', 'debe ser una lista de hasta 200 observaciones.');
    const raises = data.outcome === 'OBSERVATIONS' || data.additionalObservations;
    if (data.observations.length > 0 && !raises)
      invalid('observations', 'solo un oficio que remite observaciones (o genera adicionales) puede listarlas.');
    data.observations.forEach((o, i) => {
      if (o === null || typeof o !== 'object') invalid(`observations[${i}]`, 'debe ser una observación con su texto.');
      checkText(`observations[${i}].text`, o.text, 4000);
      if (o.id !== undefined) checkText(`observations[${i}].id`, o.id, 100);
    });
  }
  if (data.addressedObservationIds !== undefined && data.outcome !== 'PARTIALLY_ADDRESSED') {
    invalid(
      'addressedObservationIds',
      'solo aplica a oficios que tienen por atendidas de manera parcial las observaciones.',
    );
  }
  if (data.identity) validateIdentity(data.identity);
}

export function validateWithdrawal(data: WithdrawDocumentData): void {
  checkDate('date', data.date);
  checkText('reason', data.reason, 1000);
  // Absent or null (GraphQL sends an explicit null): no oficio granted it.
  if (data.oficioNumber != null) checkOficio('oficioNumber', data.oficioNumber);
}

export function validateExtension(data: ExtendDeadlineData): void {
  checkDate('dueDate', data.dueDate);
  checkText('reason', data.reason, 1000);
  // Absent or null (GraphQL sends an explicit null): no oficio granted it.
  if (data.oficioNumber != null) checkOficio('oficioNumber', data.oficioNumber);
}
