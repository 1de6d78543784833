import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { parseCaseId } from '@seguimiento/contracts';
import { userError } from '../errors/graphql-errors';
import { Writes } from '../auth/auth.guard';
import { CurrentPrincipal, assertOpleAccess } from '../auth/current-principal';
import type { Principal } from '@seguimiento/auth';
import { FulfillRequestInput, RecordIneReminderInput, RecordIneRequestInput } from './dto/obligation.inputs';
import { ReminderChange, Request, RequestChange } from './models/request.model';
import { ObligationsService } from './obligations.service';

/**
 * The OPLE of a request id (`request:<OPLE>:<key>`), or BAD_USER_INPUT naming the field: any other
 * id — a document's, a notice's — would have been read and folded as a request without an OPLE check.
 */
function opleOfRequest(id: string, field: string): string {
  const parsed = parseCaseId(id);
  if (parsed?.kind !== 'request')
    throw userError(
      'BAD_USER_INPUT',
      `${field}: "${id.slice(0, 120)}" no tiene la forma request:<OPLE>:<oficio>`,
      field,
    );
  return parsed.ople;
}

@Resolver(() => Request)
export class ObligationsResolver {
  constructor(private readonly obligations: ObligationsService) {}

  @Query(() => Request, { description: 'Una solicitud del INE por su identificador (request:<OPLE>:<oficio>).' })
  request(
    @Args('id', { type: () => ID, description: 'Identificador de la solicitud.' }) id: string,
    @CurrentPrincipal() who: Principal,
  ): Promise<Request> {
    assertOpleAccess(who, opleOfRequest(id, 'id'));
    return this.obligations.find(id);
  }

  @Writes()
  @Mutation(() => ReminderChange, {
    description: 'Registra un "atento recordatorio" del INE: un entregable esperado por elemento, con su plazo máximo.',
  })
  recordIneReminder(
    @Args('input', { description: 'Lo que se registra; cada campo está descrito en su tipo de entrada.' })
    input: RecordIneReminderInput,
    @CurrentPrincipal() who: Principal,
  ): Promise<ReminderChange> {
    assertOpleAccess(who, input.ople);
    return this.obligations.recordReminder(input, who.subject);
  }

  @Writes()
  @Mutation(() => RequestChange, { description: 'Registra una solicitud del INE con su plazo ("a más tardar").' })
  recordIneRequest(
    @Args('input', { description: 'Lo que se registra; cada campo está descrito en su tipo de entrada.' })
    input: RecordIneRequestInput,
    @CurrentPrincipal() who: Principal,
  ): Promise<RequestChange> {
    assertOpleAccess(who, input.ople);
    return this.obligations.recordRequest(input, who.subject);
  }

  @Writes()
  @Mutation(() => RequestChange, {
    description:
      'Registra lo que atiende una solicitud: la respuesta del OPLE o el oficio del INE que la tiene por recibida.',
  })
  fulfillRequest(
    @Args('input', { description: 'Lo que se registra; cada campo está descrito en su tipo de entrada.' })
    input: FulfillRequestInput,
    @CurrentPrincipal() who: Principal,
  ): Promise<RequestChange> {
    assertOpleAccess(who, opleOfRequest(input.requestId, 'requestId'));
    return this.obligations.fulfillRequest(input, who.subject);
  }
}
