import { Field, ObjectType } from '@nestjs/graphql';
import { Document } from '../../documents/models/document.model';
import { Request } from '../../obligations/models/request.model';
import { Notice } from './notice.model';
import { IneOficioKind } from './oficio-kinds';

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
