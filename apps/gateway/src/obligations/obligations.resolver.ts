import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Application, opleOfRequest } from '@seguimiento/application';
import { Writes } from '../auth/auth.guard';
import { CurrentPrincipal, assertOpleAccess } from '../auth/current-principal';
import type { Principal } from '@seguimiento/auth';
import { FulfillRequestInput, RecordIneReminderInput, RecordIneRequestInput } from './dto/obligation.inputs';
import {
  ReminderChange,
  Request,
  RequestChange,
  toReminderChange,
  toRequest,
  toRequestChange,
} from './models/request.model';

@Resolver(() => Request)
export class ObligationsResolver {
  constructor(private readonly app: Application) {}

  @Query(() => Request, { description: 'Una solicitud del INE por su identificador (request:<OPLE>:<oficio>).' })
  request(
    @Args('id', { type: () => ID, description: 'Identificador de la solicitud.' }) id: string,
    @CurrentPrincipal() who: Principal,
  ): Promise<Request> {
    assertOpleAccess(who, opleOfRequest(id, 'id'));
    return this.app.requests.find(id).then((state) => toRequest(state));
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
    return this.app.requests.recordReminder(input, who.subject).then(toReminderChange);
  }

  @Writes()
  @Mutation(() => RequestChange, { description: 'Registra una solicitud del INE con su plazo ("a más tardar").' })
  recordIneRequest(
    @Args('input', { description: 'Lo que se registra; cada campo está descrito en su tipo de entrada.' })
    input: RecordIneRequestInput,
    @CurrentPrincipal() who: Principal,
  ): Promise<RequestChange> {
    assertOpleAccess(who, input.ople);
    return this.app.requests.recordRequest(input, who.subject).then(toRequestChange);
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
    return this.app.requests.fulfillRequest(input, who.subject).then(toRequestChange);
  }
}
