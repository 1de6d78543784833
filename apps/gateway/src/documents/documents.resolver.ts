import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Document } from './models/document.model';
import { DocumentChange } from './models/document-change.model';
import { DocumentsService } from './documents.service';
import { ExtendDeadlineInput, WithdrawDocumentInput } from './dto/document-change.inputs';
import { RecordIneOficioInput } from './dto/record-ine-oficio.input';
import { SubmitDocumentInput } from './dto/submit-document.input';

@Resolver(() => Document)
export class DocumentsResolver {
  constructor(private readonly documents: DocumentsService) {}

  @Query(() => Document, { description: 'Un documento por su identificador (document:<OPLE>:<clave>).' })
  document(@Args('id', { type: () => ID, description: 'Identificador del documento.' }) id: string): Promise<Document> {
    return this.documents.find(id);
  }

  @Mutation(() => DocumentChange, { description: 'Registra la remisión de un documento del OPLE al INE (primera versión o nueva versión tras observaciones).' })
  submitDocument(@Args('input') input: SubmitDocumentInput): Promise<DocumentChange> {
    return this.documents.submit(input);
  }

  @Mutation(() => DocumentChange, {
    description: 'Registra un oficio del INE que revisa un documento; se enlaza con su documento por los oficios que cita.',
  })
  recordIneOficio(@Args('input') input: RecordIneOficioInput): Promise<DocumentChange> {
    return this.documents.recordIneOficio(input);
  }

  @Mutation(() => DocumentChange, { description: 'Prorroga el plazo en curso de un documento.' })
  extendDeadline(@Args('input') input: ExtendDeadlineInput): Promise<DocumentChange> {
    return this.documents.extendDeadline(input);
  }

  @Mutation(() => DocumentChange, { description: 'Retira un documento: deja de correr su plazo.' })
  withdrawDocument(@Args('input') input: WithdrawDocumentInput): Promise<DocumentChange> {
    return this.documents.withdraw(input);
  }
}
