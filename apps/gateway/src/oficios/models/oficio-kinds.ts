import { registerEnumType } from '@nestjs/graphql';

export enum IneOficioKind {
  REVIEW = 'REVIEW',
  REQUEST = 'REQUEST',
  REMINDER = 'REMINDER',
  INVITATION = 'INVITATION',
  NOTICE = 'NOTICE',
}
registerEnumType(IneOficioKind, {
  name: 'IneOficioKind',
  description: 'Qué es un oficio del INE.',
  valuesMap: {
    REVIEW: { description: 'Revisa un documento: observaciones, atendidas (total o parcialmente), recibido.' },
    REQUEST: { description: 'Solicita algo al OPLE ("a más tardar …").' },
    REMINDER: { description: 'Atento recordatorio: entregables esperados con su plazo máximo de remisión.' },
    INVITATION: { description: 'Invita a una reunión (fecha y hora en tiempo del centro).' },
    NOTICE: { description: 'Informa o comunica algo; no pide respuesta.' },
  },
});
