import { registerEnumType } from '@nestjs/graphql';
import type {
  BallInCourt as DomainBallInCourt,
  DeadlineKind as DomainDeadlineKind,
  DeadlineOutcome as DomainDeadlineOutcome,
  DocumentStatus as DomainDocumentStatus,
  DocumentVersionKind,
  EscalationStep as DomainEscalationStep,
  IneOficioKind as DomainIneOficioKind,
  ObservationStatus as DomainObservationStatus,
  Party as DomainParty,
  RequestStatus as DomainRequestStatus,
  ReviewOutcome as DomainReviewOutcome,
  ReviewStatus as DomainReviewStatus,
} from '@seguimiento/domain';

/**
 * The GraphQL enums every feature shares, each derived from the domain's union (the object must
 * name every member, and only those) and registered once, here. Each is both a value (for
 * `@Field(() => X)` and `IsEnum(X)`) and a type (the domain's union itself, so no casts).
 */
function graphqlEnum<T extends string>(
  values: { readonly [K in T]: K },
  options: Parameters<typeof registerEnumType>[1],
): { readonly [K in T]: K } {
  registerEnumType(values, options);
  return values;
}

export type BallInCourt = DomainBallInCourt;
export const BallInCourt = graphqlEnum<BallInCourt>(
  { INE: 'INE', OPLE: 'OPLE', NONE: 'NONE' },
  {
    name: 'BallInCourt',
    description:
      'Quién tiene la pelota: el INE revisa, el OPLE atiende observaciones o entrega; NONE cuando ya no hay nada pendiente.',
  },
);

export type DocumentStatus = DomainDocumentStatus;
export const DocumentStatus = graphqlEnum<DocumentStatus>(
  {
    EXPECTED: 'EXPECTED',
    UNDER_REVIEW: 'UNDER_REVIEW',
    OBSERVED: 'OBSERVED',
    RESOLVED: 'RESOLVED',
    WITHDRAWN: 'WITHDRAWN',
  },
  {
    name: 'DocumentStatus',
    description: 'Estado del documento.',
    valuesMap: {
      EXPECTED: { description: 'Entregable esperado: aún no remitido por el OPLE.' },
      UNDER_REVIEW: { description: 'Remitido: en revisión del INE.' },
      OBSERVED: { description: 'Con observaciones pendientes: el OPLE debe atenderlas.' },
      RESOLVED: { description: 'Resuelto: observaciones atendidas sin adicionales, o documento recibido.' },
      WITHDRAWN: { description: 'Retirado.' },
    },
  },
);

export type VersionKind = DocumentVersionKind;
export const VersionKind = graphqlEnum<VersionKind>(
  { PROYECTO: 'PROYECTO', FINAL: 'FINAL' },
  { name: 'VersionKind', description: 'Versión del entregable: proyecto (preliminar) o versión final.' },
);

export type ReviewOutcome = DomainReviewOutcome;
export const ReviewOutcome = graphqlEnum<ReviewOutcome>(
  {
    OBSERVATIONS: 'OBSERVATIONS',
    PARTIALLY_ADDRESSED: 'PARTIALLY_ADDRESSED',
    ADDRESSED: 'ADDRESSED',
    ACCEPTED: 'ACCEPTED',
  },
  {
    name: 'ReviewOutcome',
    description: 'Lo que dice el oficio del INE sobre el documento.',
    valuesMap: {
      OBSERVATIONS: { description: '"Remite observaciones": primera ronda de observaciones.' },
      PARTIALLY_ADDRESSED: { description: '"Se tienen por atendidas de manera parcial las observaciones…".' },
      ADDRESSED: { description: '"Se tienen por atendidas las observaciones…".' },
      ACCEPTED: { description: '"Se tiene por recibido y no se generan observaciones" o "se toma de conocimiento".' },
    },
  },
);

export type ObservationStatus = DomainObservationStatus;
export const ObservationStatus = graphqlEnum<ObservationStatus>(
  { OPEN: 'OPEN', PARTIALLY_ADDRESSED: 'PARTIALLY_ADDRESSED', ADDRESSED: 'ADDRESSED' },
  {
    name: 'ObservationStatus',
    description: 'Estado de una observación: abierta, atendida de manera parcial o atendida.',
  },
);

export type Party = DomainParty;
export const Party = graphqlEnum<Party>(
  { INE: 'INE', OPLE: 'OPLE' },
  { name: 'Party', description: 'Quién corre con el plazo.' },
);

export type DeadlineKind = DomainDeadlineKind;
export const DeadlineKind = graphqlEnum<DeadlineKind>(
  { DELIVERY: 'DELIVERY', REVIEW: 'REVIEW', ANSWER: 'ANSWER', REQUEST: 'REQUEST' },
  {
    name: 'DeadlineKind',
    description:
      'Para qué corre el plazo: entrega de un entregable esperado, revisión del INE, respuesta a observaciones o a una solicitud.',
  },
);

export type EscalationStep = DomainEscalationStep;
export const EscalationStep = graphqlEnum<EscalationStep>(
  { REMINDER: 'REMINDER', OVERDUE: 'OVERDUE', LEVEL_1: 'LEVEL_1', LEVEL_2: 'LEVEL_2', LEVEL_3: 'LEVEL_3' },
  {
    name: 'EscalationStep',
    description:
      'Peldaño del escalamiento: recordatorio, plazo vencido, nivel 1 (área responsable), 2 (Secretaría Técnica), 3 (Comisión).',
  },
);

export type IneOficioKind = DomainIneOficioKind;
export const IneOficioKind = graphqlEnum<IneOficioKind>(
  { REVIEW: 'REVIEW', REQUEST: 'REQUEST', REMINDER: 'REMINDER', INVITATION: 'INVITATION', NOTICE: 'NOTICE' },
  {
    name: 'IneOficioKind',
    description: 'Qué es un oficio del INE.',
    valuesMap: {
      REVIEW: { description: 'Revisa un documento: observaciones, atendidas (total o parcialmente), recibido.' },
      REQUEST: { description: 'Solicita algo al OPLE ("a más tardar …").' },
      REMINDER: { description: 'Atento recordatorio: entregables esperados con su plazo máximo de remisión.' },
      INVITATION: { description: 'Invita a una reunión (fecha y hora en tiempo del centro).' },
      NOTICE: { description: 'Informa o comunica algo; no pide respuesta.' },
    },
  },
);

export type RequestStatus = DomainRequestStatus;
export const RequestStatus = graphqlEnum<RequestStatus>(
  { OPEN: 'OPEN', FULFILLED: 'FULFILLED', CANCELLED: 'CANCELLED' },
  { name: 'RequestStatus', description: 'Estado de una solicitud: abierta, atendida o cancelada.' },
);

export type DeadlineOutcome = DomainDeadlineOutcome;
export const DeadlineOutcome = graphqlEnum<DeadlineOutcome>(
  { MET: 'MET', MET_LATE: 'MET_LATE', MET_INFERRED: 'MET_INFERRED', EXTENDED: 'EXTENDED', CANCELLED: 'CANCELLED' },
  {
    name: 'DeadlineOutcome',
    description:
      'Cómo terminó un plazo: cumplido, cumplido fuera de plazo, cumplido (inferido: el INE revisó de nuevo, así que el OPLE respondió entre tanto, en una fecha no registrada), prorrogado o cancelado.',
  },
);

export type ReviewStatus = DomainReviewStatus;
export const ReviewStatus = graphqlEnum<ReviewStatus>(
  { PENDING: 'PENDING', RESOLVED: 'RESOLVED', DISMISSED: 'DISMISSED' },
  {
    name: 'ReviewStatus',
    description:
      'Estado de un elemento de la cola de revisión. PENDING: espera a una persona; RESOLVED: registrado donde el operador eligió; DISMISSED: descartado.',
  },
);
