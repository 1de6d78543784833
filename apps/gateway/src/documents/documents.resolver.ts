import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Client } from '@temporalio/client';
import { Application, opleOfDocument } from '@seguimiento/application';
import { documentStateQuery } from '@seguimiento/contracts';
import { Writes } from '../auth/auth.guard';
import { CurrentPrincipal, assertOpleAccess } from '../auth/current-principal';
import type { Principal } from '@seguimiento/auth';
import { Document } from './models/document.model';
import { LiveWorkflowState, TimelineEntry } from './models/timeline.model';
import { TimelineLoader } from './timeline';
import { DocumentChange, toDocumentChange } from './models/document-change.model';
import { toDocument } from './document-reader';
import { ExtendDeadlineInput, WithdrawDocumentInput } from './dto/document-change.inputs';
import { SubmitDocumentInput } from './dto/submit-document.input';

type Resolved = { timeline?: Promise<TimelineEntry[]>; live?: Promise<LiveWorkflowState> };

/**
 * What `timeline` and `live` answered for each Document object. A change the live feed publishes
 * is one object sent to every subscriber, so it is resolved once per change rather than once per
 * subscription (400 subscriptions asking for both took 6–7 s to deliver one change). A query builds
 * its own objects, so nothing is shared between requests. Module-wide: the resolver is created per
 * request (its TimelineLoader is request-scoped).
 */
const resolved = new WeakMap<Document, Resolved>();

function once<K extends keyof Resolved>(
  document: Document,
  field: K,
  resolve: () => NonNullable<Resolved[K]>,
): NonNullable<Resolved[K]> {
  let entry = resolved.get(document);
  if (!entry) resolved.set(document, (entry = {}));
  return (entry[field] ??= resolve()) as NonNullable<Resolved[K]>;
}

@Resolver(() => Document)
export class DocumentsResolver {
  constructor(
    private readonly app: Application,
    private readonly timelines: TimelineLoader,
    private readonly temporal: Client,
  ) {}

  @ResolveField(() => [TimelineEntry], {
    description: 'La historia completa del documento: cada evento con su oficio, quién lo registró y cuándo.',
  })
  timeline(@Parent() document: Document): Promise<TimelineEntry[]> {
    return once(document, 'timeline', () => this.timelines.load(document.id));
  }

  @ResolveField(() => LiveWorkflowState, {
    description: 'El estado vivo de su flujo en Temporal (una consulta a Temporal por documento).',
  })
  live(@Parent() document: Document): Promise<LiveWorkflowState> {
    return once(document, 'live', () => this.liveState(document));
  }

  private async liveState(document: Document): Promise<LiveWorkflowState> {
    const handle = this.temporal.workflow.getHandle(document.id);
    const { status } = await handle.describe();
    if (status.name !== 'RUNNING') return { running: false, nextEscalationStep: null, nextEscalationAt: null };
    const view = await handle.query(documentStateQuery);
    return {
      running: true,
      nextEscalationStep: view.nextEscalation?.step ?? null,
      nextEscalationAt: view.nextEscalation?.at ?? null,
    };
  }

  @Query(() => Document, { description: 'Un documento por su identificador (document:<OPLE>:<clave>).' })
  document(
    @Args('id', { type: () => ID, description: 'Identificador del documento.' }) id: string,
    @CurrentPrincipal() who: Principal,
  ): Promise<Document> {
    assertOpleAccess(who, opleOfDocument(id));
    return this.app.documents.find(id).then((state) => toDocument(state));
  }

  @Writes()
  @Mutation(() => DocumentChange, {
    description:
      'Registra la remisión de un documento del OPLE al INE (primera versión o nueva versión tras observaciones).',
  })
  submitDocument(
    @Args('input', { description: 'Lo que se registra; cada campo está descrito en su tipo de entrada.' })
    input: SubmitDocumentInput,
    @CurrentPrincipal() who: Principal,
  ): Promise<DocumentChange> {
    assertOpleAccess(who, input.ople);
    return this.app.documents.submit(input, who.subject).then(toDocumentChange);
  }

  @Writes()
  @Mutation(() => DocumentChange, { description: 'Prorroga el plazo en curso de un documento.' })
  extendDeadline(
    @Args('input', { description: 'Lo que se registra; cada campo está descrito en su tipo de entrada.' })
    input: ExtendDeadlineInput,
    @CurrentPrincipal() who: Principal,
  ): Promise<DocumentChange> {
    assertOpleAccess(who, opleOfDocument(input.documentId));
    return this.app.documents.extendDeadline(input, who.subject).then(toDocumentChange);
  }

  @Writes()
  @Mutation(() => DocumentChange, { description: 'Retira un documento: deja de correr su plazo.' })
  withdrawDocument(
    @Args('input', { description: 'Lo que se registra; cada campo está descrito en su tipo de entrada.' })
    input: WithdrawDocumentInput,
    @CurrentPrincipal() who: Principal,
  ): Promise<DocumentChange> {
    assertOpleAccess(who, opleOfDocument(input.documentId));
    return this.app.documents.withdraw(input, who.subject).then(toDocumentChange);
  }
}
