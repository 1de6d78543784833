import { Field, ObjectType } from '@nestjs/graphql';
import type { IneOficioRecorded as IneRecorded, OpleOficioRecorded as OpleRecorded } from '@seguimiento/application';
import { IneOficioKind } from '../../common/enums';
import { toDocument } from '../../documents/document-reader';
import { Document } from '../../documents/models/document.model';
import { Request, toRequest } from '../../obligations/models/request.model';
import { Notice, toNotice } from './notice.model';

@ObjectType({ description: 'Lo que cambió al registrar un oficio del INE (ya visible para las consultas).' })
export class IneOficioRecorded {
  @Field(() => IneOficioKind, { description: 'Qué oficio era.' })
  kind!: IneOficioKind;

  @Field({ description: 'Verdadero si el oficio ya estaba registrado: no cambió nada.' })
  alreadyRecorded!: boolean;

  @Field(() => Document, { nullable: true, description: 'REVIEW: el documento revisado, tal como quedó.' })
  document!: Document | null;

  @Field(() => [Document], { description: 'REMINDER: un entregable esperado por elemento del recordatorio.' })
  documents!: Document[];

  @Field(() => Request, { nullable: true, description: 'REQUEST: la solicitud abierta.' })
  request!: Request | null;

  @Field(() => Notice, { nullable: true, description: 'INVITATION o NOTICE: el aviso registrado.' })
  notice!: Notice | null;
}

@ObjectType({ description: 'Lo que cambió al registrar un oficio del OPLE (ya visible para las consultas).' })
export class OpleOficioRecorded {
  @Field({ description: 'Verdadero si el oficio ya estaba registrado: no cambió nada.' })
  alreadyRecorded!: boolean;

  @Field(() => Document, {
    nullable: true,
    description: 'El documento remitido (primera versión, o nueva versión que atiende observaciones).',
  })
  document!: Document | null;

  @Field(() => Request, { nullable: true, description: 'La solicitud del INE que el oficio atiende.' })
  request!: Request | null;
}

export function toIneOficioRecorded(done: IneRecorded): IneOficioRecorded {
  return {
    kind: done.kind,
    alreadyRecorded: done.alreadyRecorded,
    document: done.document && toDocument(done.document),
    documents: done.documents.map((d) => toDocument(d)),
    request: done.request && toRequest(done.request),
    notice: done.notice && toNotice(done.notice),
  };
}

export function toOpleOficioRecorded(done: OpleRecorded): OpleOficioRecorded {
  return {
    alreadyRecorded: done.alreadyRecorded,
    document: done.document && toDocument(done.document),
    request: done.request && toRequest(done.request),
  };
}
