import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Application } from '@seguimiento/application';
import type { Principal } from '@seguimiento/auth';
import { opleOfReview } from '@seguimiento/domain';
import { listReviews } from '@seguimiento/persistence';
import { DataSource } from 'typeorm';
import { Writes } from '../auth/auth.guard';
import { CurrentPrincipal, assertOpleAccess } from '../auth/current-principal';
import { scopedOple } from '../auth/scope';
import { ReviewStatus } from '../common/enums';
import { DismissReviewInput, ResolveReviewInput, ReviewItem, toReviewItem } from './review.models';

/** The review queue (issue 15, rule 6): listed by anyone who reads, resolved or dismissed by an operator. */
@Resolver()
export class ReviewsResolver {
  constructor(
    private readonly app: Application,
    private readonly dataSource: DataSource,
  ) {}

  @Query(() => [ReviewItem], {
    description:
      'La cola de revisión: lo que la ingesta dejó a una persona, por fecha del oficio. Un usuario de un OPLE ve solo la de su OPLE.',
  })
  async reviewQueue(
    @CurrentPrincipal() who: Principal,
    @Args('ople', {
      nullable: true,
      description: 'Clave del OPLE; sin ella, todos (los de su OPLE para un usuario de un OPLE).',
    })
    ople?: string,
    @Args('status', {
      type: () => ReviewStatus,
      nullable: true,
      description: 'PENDING, RESOLVED o DISMISSED; sin él, todos.',
    })
    status?: ReviewStatus,
  ): Promise<ReviewItem[]> {
    // An OPLE's user gets their OPLE's queue whatever they ask (an empty ople included).
    const items = await listReviews(this.dataSource, { ople: scopedOple(who, ople) ?? null, status: status ?? null });
    return items.map(toReviewItem);
  }

  @Query(() => ReviewItem, { description: 'Un elemento de la cola de revisión por su identificador.' })
  async reviewItem(
    @Args('id', { type: () => ID, description: 'Identificador de la revisión (review:<OPLE>:<clave>).' }) id: string,
    @CurrentPrincipal() who: Principal,
  ): Promise<ReviewItem> {
    assertOpleAccess(who, opleOfReview(id.trim()));
    return toReviewItem(await this.app.reviews.find(id));
  }

  @Writes()
  @Mutation(() => ReviewItem, {
    description:
      'Resuelve una revisión: registra el oficio por las puertas normales en el documento, entregable o versión que elige el operador (el evento lleva a quien lo hizo). Resolver dos veces: CONFLICT.',
  })
  async resolveReview(
    @Args('input', { description: 'La revisión y lo que elige el operador.' }) input: ResolveReviewInput,
    @CurrentPrincipal() who: Principal,
  ): Promise<ReviewItem> {
    assertOpleAccess(who, opleOfReview(input.id.trim()));
    return toReviewItem(await this.app.reviews.resolve(input, who.subject));
  }

  @Writes()
  @Mutation(() => ReviewItem, {
    description:
      'Descarta una revisión con su motivo (el evento lleva a quien lo hizo). Descartar una ya resuelta: CONFLICT.',
  })
  async dismissReview(
    @Args('input', { description: 'La revisión y el motivo.' }) input: DismissReviewInput,
    @CurrentPrincipal() who: Principal,
  ): Promise<ReviewItem> {
    assertOpleAccess(who, opleOfReview(input.id.trim()));
    return toReviewItem(await this.app.reviews.dismiss(input, who.subject));
  }
}
