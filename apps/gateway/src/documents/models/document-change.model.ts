import { Field, ObjectType } from '@nestjs/graphql';
import { Document } from './document.model';

@ObjectType({ description: 'El resultado de registrar algo sobre un documento.' })
export class DocumentChange {
  @Field(() => Document, { description: 'El documento tal como quedó (ya visible para las consultas).' })
  document!: Document;

  @Field({ description: 'Verdadero si el oficio ya estaba registrado: no cambió nada.' })
  alreadyRecorded!: boolean;
}
