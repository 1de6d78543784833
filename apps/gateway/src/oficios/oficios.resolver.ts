import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Application, opleOfNotice } from '@seguimiento/application';
import type { Principal } from '@seguimiento/auth';
import { Writes } from '../auth/auth.guard';
import { CurrentPrincipal, assertOpleAccess } from '../auth/current-principal';
import { RecordIneOficioInput } from './dto/record-ine-oficio.input';
import { RecordOpleOficioInput } from './dto/record-ople-oficio.input';
import { Notice, toNotice } from './models/notice.model';
import {
  IneOficioRecorded,
  OpleOficioRecorded,
  toIneOficioRecorded,
  toOpleOficioRecorded,
} from './models/oficio-recorded.model';

@Resolver()
export class OficiosResolver {
  constructor(private readonly app: Application) {}

  @Writes()
  @Mutation(() => IneOficioRecorded, {
    description:
      'Registra un oficio del INE: una revisión (se enlaza con su documento por los oficios que cita), una solicitud, un recordatorio, una invitación o un aviso.',
  })
  recordIneOficio(
    @Args('input', { description: 'Lo que se registra; cada campo está descrito en su tipo de entrada.' })
    input: RecordIneOficioInput,
    @CurrentPrincipal() who: Principal,
  ): Promise<IneOficioRecorded> {
    assertOpleAccess(who, input.ople);
    return this.app.oficios.recordIne(input, who.subject).then(toIneOficioRecorded);
  }

  @Writes()
  @Mutation(() => OpleOficioRecorded, {
    description:
      'Registra un oficio del OPLE: remite un entregable, una nueva versión que atiende observaciones, o responde una solicitud.',
  })
  recordOpleOficio(
    @Args('input', { description: 'Lo que se registra; cada campo está descrito en su tipo de entrada.' })
    input: RecordOpleOficioInput,
    @CurrentPrincipal() who: Principal,
  ): Promise<OpleOficioRecorded> {
    assertOpleAccess(who, input.ople);
    return this.app.oficios.recordOple(input, who.subject).then(toOpleOficioRecorded);
  }

  @Query(() => Notice, {
    description: 'Una invitación o un aviso del INE por su identificador (notice:<OPLE>:<oficio>).',
  })
  notice(
    @Args('id', { description: 'Identificador del aviso.' }) id: string,
    @CurrentPrincipal() who: Principal,
  ): Promise<Notice> {
    assertOpleAccess(who, opleOfNotice(id));
    return this.app.notices.find(id).then(toNotice);
  }
}
