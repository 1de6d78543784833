import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Writes } from '../auth/auth.guard';
import { CurrentPrincipal, assertOpleAccess } from '../auth/current-principal';
import type { Principal } from '@seguimiento/auth';
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
  document(@Args('id', { type: () => ID, description: 'Identificador del documento.' }) id: string, @CurrentPrincipal() who: Principal): Promise<Document> {
    assertOpleAccess(who, this.documents.opleOf(id));
    return this.documents.find(id);
  }

  @Writes()
  @Mutation(() => DocumentChange, { description: 'Registra la remisión de un documento del OPLE al INE (primera versión o nueva versión tras observaciones).' })
  submitDocument(@Args('input') input: SubmitDocumentInput, @CurrentPrincipal() who: Principal): Promise<DocumentChange> {
    assertOpleAccess(who, input.ople);
    return this.documents.submit(input, who.subject);
  }

  @Writes()
  @Mutation(() => DocumentChange, {
    description: 'Registra un oficio del INE que revisa un documento; se enlaza con su documento por los oficios que cita.',
  })
  recordIneOficio(@Args('input') input: RecordIneOficioInput, @CurrentPrincipal() who: Principal): Promise<DocumentChange> {
    assertOpleAccess(who, input.ople);
    return this.documents.recordIneOficio(input, who.subject);
  }

  @Writes()
  @Mutation(() => DocumentChange, { description: 'Prorroga el plazo en curso de un documento.' })
  extendDeadline(@Args('input') input: ExtendDeadlineInput, @CurrentPrincipal() who: Principal): Promise<DocumentChange> {
    assertOpleAccess(who, this.documents.opleOf(input.documentId));
    return this.documents.extendDeadline(input, who.subject);
  }

  @Writes()
  @Mutation(() => DocumentChange, { description: 'Retira un documento: deja de correr su plazo.' })
  withdrawDocument(@Args('input') input: WithdrawDocumentInput, @CurrentPrincipal() who: Principal): Promise<DocumentChange> {
    assertOpleAccess(who, this.documents.opleOf(input.documentId));
    return this.documents.withdraw(input, who.subject);
  }
}
