import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { FulfillRequestInput, RecordIneReminderInput, RecordIneRequestInput } from './dto/obligation.inputs';
import { ReminderChange, Request, RequestChange } from './models/request.model';
import { ObligationsService } from './obligations.service';

@Resolver(() => Request)
export class ObligationsResolver {
  constructor(private readonly obligations: ObligationsService) {}

  @Query(() => Request, { description: 'Una solicitud del INE por su identificador (request:<OPLE>:<oficio>).' })
  request(@Args('id', { type: () => ID, description: 'Identificador de la solicitud.' }) id: string): Promise<Request> {
    return this.obligations.find(id);
  }

  @Mutation(() => ReminderChange, { description: 'Registra un "atento recordatorio" del INE: un entregable esperado por elemento, con su plazo máximo.' })
  recordIneReminder(@Args('input') input: RecordIneReminderInput): Promise<ReminderChange> {
    return this.obligations.recordReminder(input);
  }

  @Mutation(() => RequestChange, { description: 'Registra una solicitud del INE con su plazo ("a más tardar").' })
  recordIneRequest(@Args('input') input: RecordIneRequestInput): Promise<RequestChange> {
    return this.obligations.recordRequest(input);
  }

  @Mutation(() => RequestChange, { description: 'Registra lo que atiende una solicitud: la respuesta del OPLE o el oficio del INE que la tiene por recibida.' })
  fulfillRequest(@Args('input') input: FulfillRequestInput): Promise<RequestChange> {
    return this.obligations.fulfillRequest(input);
  }
}
