import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Principal } from '@seguimiento/auth';
import { Writes } from '../auth/auth.guard';
import { userError } from '../errors/graphql-errors';
import { CurrentPrincipal, assertOpleAccess } from '../auth/current-principal';
import { RecordIneOficioInput } from '../documents/dto/record-ine-oficio.input';
import { RecordOpleOficioInput } from './dto/record-ople-oficio.input';
import { Notice } from './models/notice.model';
import { IneOficioRecorded, OpleOficioRecorded } from './models/oficio-recorded.model';
import { NoticesService } from './notices.service';
import { OficiosService } from './oficios.service';

@Resolver()
export class OficiosResolver {
  constructor(
    private readonly oficios: OficiosService,
    private readonly notices: NoticesService,
  ) {}

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
    return this.oficios.recordIne(input, who.subject);
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
    return this.oficios.recordOple(input, who.subject);
  }

  @Query(() => Notice, {
    description: 'Una invitación o un aviso del INE por su identificador (notice:<OPLE>:<oficio>).',
  })
  notice(
    @Args('id', { description: 'Identificador del aviso.' }) id: string,
    @CurrentPrincipal() who: Principal,
  ): Promise<Notice> {
    const ople = /^notice:([A-Z]{3}):/.exec(id)?.[1];
    if (!ople) throw userError('BAD_USER_INPUT', `id: "${id}" no tiene la forma notice:<OPLE>:<oficio>`, 'id');
    assertOpleAccess(who, ople);
    return this.notices.find(id);
  }
}
