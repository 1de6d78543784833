import { registerEnumType } from '@nestjs/graphql';

export enum BallInCourt {
  INE = 'INE',
  OPLE = 'OPLE',
  NONE = 'NONE',
}
registerEnumType(BallInCourt, {
  name: 'BallInCourt',
  description:
    'Quién tiene la pelota: el INE revisa, el OPLE atiende observaciones o entrega; NONE cuando ya no hay nada pendiente.',
});

export enum DocumentStatus {
  EXPECTED = 'EXPECTED',
  UNDER_REVIEW = 'UNDER_REVIEW',
  OBSERVED = 'OBSERVED',
  RESOLVED = 'RESOLVED',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(DocumentStatus, {
  name: 'DocumentStatus',
  description: 'Estado del documento.',
  valuesMap: {
    EXPECTED: { description: 'Entregable esperado: aún no remitido por el OPLE.' },
    UNDER_REVIEW: { description: 'Remitido: en revisión del INE.' },
    OBSERVED: { description: 'Con observaciones pendientes: el OPLE debe atenderlas.' },
    RESOLVED: { description: 'Resuelto: observaciones atendidas sin adicionales, o documento recibido.' },
    WITHDRAWN: { description: 'Retirado.' },
  },
});

export enum VersionKind {
  PROYECTO = 'PROYECTO',
  FINAL = 'FINAL',
}
registerEnumType(VersionKind, {
  name: 'VersionKind',
  description: 'Versión del entregable: proyecto (preliminar) o versión final.',
});

export enum ReviewOutcome {
  OBSERVATIONS = 'OBSERVATIONS',
  PARTIALLY_ADDRESSED = 'PARTIALLY_ADDRESSED',
  ADDRESSED = 'ADDRESSED',
  ACCEPTED = 'ACCEPTED',
}
registerEnumType(ReviewOutcome, {
  name: 'ReviewOutcome',
  description: 'Lo que dice el oficio del INE sobre el documento.',
  valuesMap: {
    OBSERVATIONS: { description: '"Remite observaciones": primera ronda de observaciones.' },
    PARTIALLY_ADDRESSED: { description: '"Se tienen por atendidas de manera parcial las observaciones…".' },
    ADDRESSED: { description: '"Se tienen por atendidas las observaciones…".' },
    ACCEPTED: { description: '"Se tiene por recibido y no se generan observaciones" o "se toma de conocimiento".' },
  },
});

export enum ObservationStatus {
  OPEN = 'OPEN',
  PARTIALLY_ADDRESSED = 'PARTIALLY_ADDRESSED',
  ADDRESSED = 'ADDRESSED',
}
registerEnumType(ObservationStatus, {
  name: 'ObservationStatus',
  description: 'Estado de una observación: abierta, atendida de manera parcial o atendida.',
});

export enum Party {
  INE = 'INE',
  OPLE = 'OPLE',
}
registerEnumType(Party, { name: 'Party', description: 'Quién corre con el plazo.' });

export enum DeadlineKind {
  DELIVERY = 'DELIVERY',
  REVIEW = 'REVIEW',
  ANSWER = 'ANSWER',
  REQUEST = 'REQUEST',
}
registerEnumType(DeadlineKind, {
  name: 'DeadlineKind',
  description:
    'Para qué corre el plazo: entrega de un entregable esperado, revisión del INE, respuesta a observaciones o a una solicitud.',
});

export enum EscalationStep {
  REMINDER = 'REMINDER',
  OVERDUE = 'OVERDUE',
  LEVEL_1 = 'LEVEL_1',
  LEVEL_2 = 'LEVEL_2',
  LEVEL_3 = 'LEVEL_3',
}
registerEnumType(EscalationStep, {
  name: 'EscalationStep',
  description:
    'Peldaño del escalamiento: recordatorio, plazo vencido, nivel 1 (área responsable), 2 (Secretaría Técnica), 3 (Comisión).',
});

export enum DeadlineOutcome {
  MET = 'MET',
  MET_LATE = 'MET_LATE',
  MET_INFERRED = 'MET_INFERRED',
  EXTENDED = 'EXTENDED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(DeadlineOutcome, {
  name: 'DeadlineOutcome',
  description:
    'Cómo terminó un plazo: cumplido, cumplido fuera de plazo, cumplido (inferido: el INE revisó de nuevo, así que el OPLE respondió entre tanto, en una fecha no registrada), prorrogado o cancelado.',
});
