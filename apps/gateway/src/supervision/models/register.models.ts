import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({
  description: 'Una obligación con plazo: una solicitud del INE, o un entregable esperado (de un recordatorio).',
})
export class Obligation {
  @Field({ description: 'Identificador: request:… o document:….' })
  id!: string;

  @Field({ description: 'REQUEST (solicitud) o EXPECTED_DELIVERABLE (entregable esperado).' })
  kind!: string;

  @Field({ description: 'Clave del OPLE.' })
  ople!: string;

  @Field(() => String, { nullable: true, description: 'Oficio del INE que la originó.' })
  sourceOficio!: string | null;

  @Field({ description: 'Qué se pide.' })
  subject!: string;

  @Field(() => Int, { nullable: true, description: 'Entregable, si aplica.' })
  deliverable!: number | null;

  @Field(() => String, { nullable: true, description: 'Último día del plazo (AAAA-MM-DD).' })
  dueDate!: string | null;

  @Field({ description: 'OPEN, FULFILLED o CANCELLED.' })
  status!: string;

  @Field({ description: 'Si está abierta y su plazo ya pasó.' })
  overdue!: boolean;

  @Field(() => String, { nullable: true, description: 'Oficio que la atendió.' })
  closedBy!: string | null;
}

@ObjectType({ description: 'Un escalamiento en el registro de escalamientos.' })
export class EscalationEntry {
  @Field({ description: 'El caso (documento o solicitud).' })
  streamId!: string;

  @Field({ description: 'Clave del OPLE.' })
  ople!: string;

  @Field({ description: 'Clave única del escalamiento (para hacerse cargo de él).' })
  key!: string;

  @Field({ description: 'Peldaño: REMINDER, OVERDUE, LEVEL_1, LEVEL_2, LEVEL_3.' })
  step!: string;

  @Field({ description: 'Destinatario.' })
  recipient!: string;

  @Field({ description: 'Vencimiento del plazo que lo disparó (ISO 8601).' })
  dueAt!: string;

  @Field({ description: 'Cuándo se disparó (ISO 8601).' })
  firedAt!: string;

  @Field({ description: 'Si el plazo que lo disparó sigue en curso (el caso no se ha atendido).' })
  open!: boolean;

  @Field(() => String, { nullable: true, description: 'Quién se hizo cargo del escalamiento.' })
  acknowledgedBy!: string | null;

  @Field(() => String, { nullable: true, description: 'Cuándo se hizo cargo (ISO 8601).' })
  acknowledgedAt!: string | null;

  @Field({
    description:
      'Si se encontró al importar correspondencia pasada: el caso ya estaba vencido al terminar la importación (un solo aviso en su peldaño más alto, resumido por correo).',
  })
  foundAtImport!: boolean;
}

@ObjectType({ description: 'Un oficio en el registro de correspondencia, en uno de los casos que toca.' })
export class CorrespondenceEntry {
  @Field({ description: 'Número del oficio.' })
  oficioNumber!: string;

  @Field({ description: 'El caso que toca (documento, solicitud o aviso).' })
  streamId!: string;

  @Field({ description: 'Clave del OPLE.' })
  ople!: string;

  @Field({ description: 'IN (recibido del INE) u OUT (enviado por el OPLE).' })
  direction!: string;

  @Field(() => String, { nullable: true, description: 'Fecha del oficio (AAAA-MM-DD), si se conoce.' })
  date!: string | null;

  @Field({
    description:
      'Papel en el caso: SUBMISSION, ANSWER, REQUEST, FULFILMENT, SOURCE, INFERRED, EXTENSION, WITHDRAWAL, INVITATION, NOTICE.',
  })
  role!: string;

  @Field(() => [String], { description: 'Oficios que cita.' })
  cites!: string[];

  @Field(() => String, { nullable: true, description: 'De qué trata (invitaciones y avisos).' })
  subject!: string | null;

  @Field(() => String, { nullable: true, description: 'Fecha y hora de la reunión a la que invita (ISO 8601).' })
  meetingAt!: string | null;
}

@ObjectType({ description: 'Un oficio: los casos que toca, lo que cita y quién lo cita.' })
export class Oficio {
  @Field({ description: 'Número del oficio.' })
  number!: string;

  @Field(() => [CorrespondenceEntry], { description: 'Sus apariciones en el registro, una por caso.' })
  entries!: CorrespondenceEntry[];

  @Field(() => [String], { description: 'Oficios que cita.' })
  cites!: string[];

  @Field(() => [String], { description: 'Oficios que lo citan.' })
  citedBy!: string[];
}
