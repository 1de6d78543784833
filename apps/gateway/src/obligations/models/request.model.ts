import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { CaseChange, ReminderChange as ReminderRecorded } from '@seguimiento/application';
import { type RequestState, isOverdue, isRequestClosed } from '@seguimiento/domain';
import { Deadline, Escalation, PastDeadline } from '../../documents/models/document.model';
import { DocumentChange, toDocumentChange } from '../../documents/models/document-change.model';
import { clockHistory } from '../../common/case-history';
import { Party, RequestStatus } from '../../common/enums';

@ObjectType({ description: 'Quién atendió una solicitud y con qué oficio.' })
export class RequestFulfilment {
  @Field({ description: 'Oficio que la atendió.' })
  oficioNumber!: string;

  @Field({ description: 'Fecha del oficio.' })
  date!: string;

  @Field(() => Party, { description: 'OPLE (su respuesta) o INE (oficio que recibe lo solicitado).' })
  by!: Party;
}

@ObjectType({ description: 'Una solicitud del INE al OPLE, con su plazo y sus escalamientos.' })
export class Request {
  @Field(() => ID, { description: 'Identificador: request:<OPLE>:<oficio>.' })
  id!: string;

  @Field({ description: 'Clave del OPLE.' })
  ople!: string;

  @Field({ description: 'Oficio del INE que solicita.' })
  oficioNumber!: string;

  @Field({ description: 'Fecha del oficio.' })
  date!: string;

  @Field({ description: 'Qué solicita.' })
  subject!: string;

  @Field(() => Int, { nullable: true, description: 'Entregable al que se refiere.' })
  deliverable!: number | null;

  @Field({ description: 'Si el oficio fija la fecha ("a más tardar"); si no, aplica el plazo de la política.' })
  explicitDeadline!: boolean;

  @Field(() => RequestStatus, { description: 'Estado de la solicitud.' })
  status!: RequestStatus;

  @Field(() => RequestFulfilment, { nullable: true, description: 'Cómo se atendió.' })
  fulfilledBy!: RequestFulfilment | null;

  @Field(() => Deadline, { nullable: true, description: 'Plazo en curso.' })
  deadline!: Deadline | null;

  @Field({ description: 'Si el plazo ya venció.' })
  overdue!: boolean;

  @Field(() => [Escalation], { description: 'Escalamientos disparados.' })
  escalations!: Escalation[];

  @Field(() => [PastDeadline], { description: 'Los plazos que ya no corren y cómo terminó cada uno.' })
  pastDeadlines!: PastDeadline[];
}

@ObjectType({ description: 'El resultado de registrar algo sobre una solicitud.' })
export class RequestChange {
  @Field(() => Request, { description: 'La solicitud tal como quedó.' })
  request!: Request;

  @Field({ description: 'Verdadero si ya estaba registrado: no cambió nada.' })
  alreadyRecorded!: boolean;
}

@ObjectType({ description: 'El resultado de registrar un recordatorio: un entregable esperado por elemento.' })
export class ReminderChange {
  @Field({ description: 'Oficio del recordatorio.' })
  oficioNumber!: string;

  @Field(() => [DocumentChange], { description: 'Los entregables esperados, en el orden del oficio.' })
  documents!: DocumentChange[];
}

export function toRequest(state: RequestState, now = new Date().toISOString()): Request {
  return {
    id: state.requestId!,
    ople: state.ople!,
    oficioNumber: state.oficioNumber!,
    date: state.date!,
    subject: state.subject!,
    deliverable: state.deliverable,
    explicitDeadline: state.explicitDeadline,
    status: state.status,
    fulfilledBy: state.fulfilledBy,
    deadline: state.deadline,
    overdue: !isRequestClosed(state) && isOverdue(state, now),
    ...clockHistory(state),
  };
}

export function toRequestChange(change: CaseChange<RequestState>): RequestChange {
  return { request: toRequest(change.state), alreadyRecorded: change.alreadyRecorded };
}

export function toReminderChange(change: ReminderRecorded): ReminderChange {
  return { oficioNumber: change.oficioNumber, documents: change.documents.map(toDocumentChange) };
}
