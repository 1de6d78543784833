import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import {
  BallInCourt,
  DeadlineKind,
  DeadlineOutcome,
  DocumentStatus,
  EscalationStep,
  ObservationStatus,
  Party,
  ReviewOutcome,
  VersionKind,
} from '../../common/enums';

@ObjectType({ description: 'Un plazo en curso: quién lo debe, para qué y hasta cuándo.' })
export class Deadline {
  @Field(() => Party, { description: 'Quién corre con el plazo.' })
  party!: Party;

  @Field(() => DeadlineKind, { description: 'Para qué corre el plazo.' })
  kind!: DeadlineKind;

  @Field({ description: 'Último día (AAAA-MM-DD, hora del centro) para cumplir.' })
  dueDate!: string;

  @Field({ description: 'Instante en que vence (fin del día, en ISO 8601 UTC).' })
  dueAt!: string;
}

@ObjectType({ description: 'Un plazo que ya no corre, y cómo terminó.' })
export class PastDeadline {
  @Field(() => Deadline, { description: 'El plazo.' })
  deadline!: Deadline;

  @Field(() => DeadlineOutcome, { description: 'Cómo terminó.' })
  outcome!: DeadlineOutcome;

  @Field(() => String, { nullable: true, description: 'El oficio que lo cumplió o lo cambió; vacío si se infiere.' })
  by!: string | null;

  @Field(() => String, { nullable: true, description: 'Fecha de ese oficio (AAAA-MM-DD); vacía si se infiere.' })
  on!: string | null;
}

@ObjectType({ description: 'Una ronda: el OPLE remite una versión y el INE la revisa.' })
export class Round {
  @Field(() => Int, { description: 'Número de ronda (1, 2, …).' })
  number!: number;

  @Field(() => String, {
    nullable: true,
    description:
      'Oficio del OPLE con el que remitió; vacío si la remisión no se registró y se infiere de la respuesta del INE.',
  })
  submittedBy!: string | null;

  @Field(() => String, { nullable: true, description: 'Fecha de la remisión (AAAA-MM-DD).' })
  submittedOn!: string | null;

  @Field(() => String, { nullable: true, description: 'Oficio del INE que respondió esta ronda.' })
  answeredBy!: string | null;

  @Field(() => String, { nullable: true, description: 'Fecha de la respuesta del INE.' })
  answeredOn!: string | null;

  @Field(() => ReviewOutcome, { nullable: true, description: 'Lo que dijo el INE.' })
  outcome!: ReviewOutcome | null;

  @Field(() => Boolean, { nullable: true, description: 'Si el INE generó observaciones adicionales.' })
  additionalObservations!: boolean | null;
}

@ObjectType({ description: 'Una observación del INE y su estado a lo largo de las rondas.' })
export class Observation {
  @Field({ description: 'Identificador: <oficio>#<n>, p. ej. INE/UTSI/1147/2024#1.' })
  id!: string;

  @Field({ description: 'Texto de la observación (o resumen cuando el oficio no las detalla).' })
  text!: string;

  @Field({ description: 'Oficio del INE que la remitió.' })
  raisedBy!: string;

  @Field(() => Int, { description: 'Ronda en que se remitió.' })
  raisedInRound!: number;

  @Field({
    description: 'Verdadero si representa observaciones de un oficio que no se registró y se dedujo de la cadena.',
  })
  inferred!: boolean;

  @Field(() => ObservationStatus, { description: 'Estado actual.' })
  status!: ObservationStatus;

  @Field(() => String, { nullable: true, description: 'Oficio que cambió su estado por última vez.' })
  lastJudgedBy!: string | null;
}

@ObjectType({ description: 'Un escalamiento disparado por un plazo.' })
export class Escalation {
  @Field({ description: 'Clave única del escalamiento (para hacerse cargo de él).' })
  key!: string;

  @Field(() => EscalationStep, { description: 'Peldaño del escalamiento.' })
  step!: EscalationStep;

  @Field({ description: 'Destinatario: parte responsable, área responsable, Secretaría Técnica o Comisión.' })
  recipient!: string;

  @Field(() => Deadline, { description: 'El plazo que lo disparó.' })
  deadline!: Deadline;

  @Field({ description: 'Cuándo debía dispararse (ISO 8601).' })
  dueToFireAt!: string;

  @Field({ description: 'Cuándo se disparó (ISO 8601).' })
  firedAt!: string;

  @Field(() => String, { nullable: true, description: 'Quién se hizo cargo del escalamiento.' })
  acknowledgedBy?: string;

  @Field(() => String, { nullable: true, description: 'Cuándo se hizo cargo (ISO 8601).' })
  acknowledgedAt?: string;

  @Field({
    description:
      'Hallado al importar: el plazo seguía vencido al terminar una importación de correspondencia pasada; se avisó una sola vez, en su peldaño más alto.',
  })
  foundAtImport!: boolean;
}

@ObjectType({ description: 'Un documento (entregable) que un OPLE remite al INE y su estado de seguimiento.' })
export class Document {
  @Field(() => ID, {
    description: 'Identificador del documento: document:<OPLE>:<clave>, p. ej. document:GRO:e15-proyecto.',
  })
  id!: string;

  @Field({ description: 'Clave del OPLE (código ISO del estado), p. ej. GRO para el IEPC Guerrero.' })
  ople!: string;

  @Field(() => Int, { description: 'Número de entregable del lineamiento 33 del Anexo 13 (1 a 34).' })
  deliverable!: number;

  @Field(() => VersionKind, { description: 'Proyecto o versión final.' })
  versionKind!: VersionKind;

  @Field({ description: 'Título del documento.' })
  title!: string;

  @Field(() => DocumentStatus, { description: 'Estado actual del documento.' })
  status!: DocumentStatus;

  @Field(() => BallInCourt, { description: 'Quién tiene la pelota: quién debe actuar a continuación.' })
  ballInCourt!: BallInCourt;

  @Field(() => String, {
    nullable: true,
    description: 'Cómo se resolvió: ADDRESSED (observaciones atendidas) o ACCEPTED (recibido).',
  })
  resolution!: string | null;

  @Field(() => Int, { description: 'Cuántas veces el OPLE ha remitido este documento (registradas).' })
  submissions!: number;

  @Field(() => String, { nullable: true, description: 'Último oficio con el que el OPLE remitió el documento.' })
  lastOficioNumber!: string | null;

  @Field(() => String, { nullable: true, description: 'Fecha (AAAA-MM-DD) de la última remisión.' })
  lastSubmittedOn!: string | null;

  @Field(() => [Round], { description: 'Las rondas de revisión, en orden.' })
  rounds!: Round[];

  @Field(() => [Observation], { description: 'Todas las observaciones, con su estado.' })
  observations!: Observation[];

  @Field(() => Int, { description: 'Cuántas observaciones siguen abiertas (no atendidas por completo).' })
  openObservations!: number;

  @Field(() => Deadline, { nullable: true, description: 'El plazo en curso, si alguien debe algo.' })
  deadline!: Deadline | null;

  @Field({ description: 'Si el plazo en curso ya venció.' })
  overdue!: boolean;

  @Field(() => [PastDeadline], {
    description:
      'Los plazos que ya no corren, en orden, y cómo terminó cada uno (cumplido, fuera de plazo, inferido…).',
  })
  pastDeadlines!: PastDeadline[];

  @Field(() => Int, { description: 'Nivel de escalamiento alcanzado en el plazo en curso (0 a 3).' })
  escalationLevel!: number;

  @Field(() => [Escalation], { description: 'Los escalamientos disparados, en orden.' })
  escalations!: Escalation[];

  @Field(() => Int, {
    description: 'Número de eventos registrados para el documento (versión de su flujo de eventos).',
  })
  version!: number;
}
