import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Document } from './models/document.model';
import { DocumentsService } from './documents.service';
import { SubmitDocumentInput } from './dto/submit-document.input';

@Resolver(() => Document)
export class DocumentsResolver {
  constructor(private readonly documents: DocumentsService) {}

  @Query(() => Document, { description: 'Un documento por su identificador (document:<OPLE>:<clave>).' })
  document(@Args('id', { type: () => ID, description: 'Identificador del documento.' }) id: string): Promise<Document> {
    return this.documents.find(id);
  }

  @Mutation(() => Document, { description: 'Registra la remisión de un documento del OPLE al INE y arranca su seguimiento.' })
  submitDocument(@Args('input') input: SubmitDocumentInput): Promise<Document> {
    return this.documents.submit(input);
  }
}
