import { Field, ObjectType } from '@nestjs/graphql';
import type { CaseChange } from '@seguimiento/application';
import type { DocumentState } from '@seguimiento/domain';
import { toDocument } from '../document-reader';
import { Document } from './document.model';

@ObjectType({ description: 'El resultado de registrar algo sobre un documento.' })
export class DocumentChange {
  @Field(() => Document, { description: 'El documento tal como quedó (ya visible para las consultas).' })
  document!: Document;

  @Field({ description: 'Verdadero si el oficio ya estaba registrado: no cambió nada.' })
  alreadyRecorded!: boolean;
}

export function toDocumentChange(change: CaseChange<DocumentState>): DocumentChange {
  return { document: toDocument(change.state), alreadyRecorded: change.alreadyRecorded };
}
