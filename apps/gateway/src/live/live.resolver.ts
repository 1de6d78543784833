import { Args, Field, ObjectType, Resolver, Subscription } from '@nestjs/graphql';
import { type Principal, confinedTo } from '@seguimiento/auth';
import { CurrentPrincipal } from '../auth/current-principal';
import { scopedOple } from '../auth/scope';
import { Document } from '../documents/models/document.model';
import { ChangeFeed, DOCUMENT_CHANGED, ESCALATION_RAISED, type EscalationNotice } from './change-feed';

@ObjectType({ description: 'Un escalamiento recién disparado.' })
export class EscalationRaisedNotice implements EscalationNotice {
  @Field({ description: 'El caso (documento o solicitud).' })
  streamId!: string;

  @Field({ description: 'Clave del OPLE.' })
  ople!: string;

  @Field({ description: 'Peldaño: REMINDER, OVERDUE, LEVEL_1, LEVEL_2, LEVEL_3.' })
  step!: string;

  @Field({ description: 'Destinatario.' })
  recipient!: string;

  @Field({ description: 'Vencimiento del plazo (ISO 8601).' })
  dueAt!: string;

  @Field({ description: 'Cuándo se disparó (ISO 8601).' })
  firedAt!: string;
}

type Ctx = { req: { principal?: Principal } };

/** Whether a change about `ople` goes to this subscriber (their OPLE filter, and their own scope). */
function visible(ople: string, asked: string | undefined, context: Ctx): boolean {
  const principal = context.req.principal;
  if (!principal) return false;
  const own = confinedTo(principal);
  if (own && ople !== own) return false;
  return !asked || asked === ople;
}

@Resolver()
export class LiveResolver {
  constructor(private readonly feed: ChangeFeed) {}

  @Subscription(() => Document, {
    description: 'Cada documento que cambia (opcionalmente de un OPLE), ya visible en las consultas.',
    filter: (payload: { documentChanged: Document }, variables: { ople?: string }, context: Ctx) =>
      visible(payload.documentChanged.ople, variables.ople, context),
  })
  documentChanged(
    @Args('ople', { type: () => String, nullable: true, description: 'Solo los de este OPLE.' })
    ople: string | undefined,
    @CurrentPrincipal() who: Principal,
  ) {
    scopedOple(who, ople);
    return this.feed.pubSub.asyncIterableIterator(DOCUMENT_CHANGED);
  }

  @Subscription(() => EscalationRaisedNotice, {
    description: 'Cada escalamiento que se dispara (opcionalmente de un OPLE).',
    filter: (payload: { escalationRaised: EscalationNotice }, variables: { ople?: string }, context: Ctx) =>
      visible(payload.escalationRaised.ople, variables.ople, context),
  })
  escalationRaised(
    @Args('ople', { type: () => String, nullable: true, description: 'Solo los de este OPLE.' })
    ople: string | undefined,
    @CurrentPrincipal() who: Principal,
  ) {
    scopedOple(who, ople);
    return this.feed.pubSub.asyncIterableIterator(ESCALATION_RAISED);
  }
}
