import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum BallInCourt {
  INE = 'INE',
  OPLE = 'OPLE',
  NONE = 'NONE',
}
registerEnumType(BallInCourt, {
  name: 'BallInCourt',
  description: 'Quién debe actuar: el INE revisa, el OPLE atiende observaciones; NONE cuando ya no hay nada pendiente.',
});

export enum DocumentStatus {
  EXPECTED = 'EXPECTED',
  UNDER_REVIEW = 'UNDER_REVIEW',
}
registerEnumType(DocumentStatus, {
  name: 'DocumentStatus',
  description: 'Estado del documento: EXPECTED (entregable esperado, aún no remitido), UNDER_REVIEW (remitido, en revisión del INE).',
});

export enum VersionKind {
  PROYECTO = 'PROYECTO',
  FINAL = 'FINAL',
}
registerEnumType(VersionKind, { name: 'VersionKind', description: 'Versión del entregable: proyecto (preliminar) o versión final.' });

@ObjectType({ description: 'Un documento (entregable) que un OPLE remite al INE y su estado de seguimiento.' })
export class Document {
  @Field(() => ID, { description: 'Identificador del documento: document:<OPLE>:<clave>, p. ej. document:GRO:e15-proyecto.' })
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

  @Field(() => Int, { description: 'Cuántas veces el OPLE ha remitido este documento.' })
  submissions!: number;

  @Field(() => String, { nullable: true, description: 'Último oficio con el que el OPLE remitió el documento.' })
  lastOficioNumber!: string | null;

  @Field(() => String, { nullable: true, description: 'Fecha (AAAA-MM-DD) de la última remisión.' })
  lastSubmittedOn!: string | null;

  @Field(() => Int, { description: 'Número de eventos registrados para el documento (versión de su flujo de eventos).' })
  version!: number;
}
