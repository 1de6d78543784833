import { Args, ArgsType, Query, Resolver } from '@nestjs/graphql';
import { scopedOple } from '../auth/scope';
import { CurrentPrincipal } from '../auth/current-principal';
import type { Principal } from '@seguimiento/auth';
import { OpleField } from '../common/input-fields';
import { DocumentsArgs } from './dto/documents.args';
import { Dashboard, DocumentConnection } from './models/supervision.models';
import { SupervisionService } from './supervision.service';

@ArgsType()
class DashboardArgs {
  @OpleField('El OPLE del tablero; sin él, todos.', true)
  ople?: string;
}

@Resolver()
export class SupervisionResolver {
  constructor(private readonly supervision: SupervisionService) {}

  @Query(() => DocumentConnection, { description: 'Documentos con filtros, orden y paginación por cursor.' })
  documents(@Args() args: DocumentsArgs, @CurrentPrincipal() who: Principal): Promise<DocumentConnection> {
    return this.supervision.documents({ ...args, filter: { ...args.filter, ople: scopedOple(who, args.filter?.ople) } });
  }

  @Query(() => Dashboard, { description: 'Tablero: documentos por estado y por quién tiene la pelota, vencidos, el más antiguo vencido y lo que vence en 7 días.' })
  dashboard(@Args() args: DashboardArgs, @CurrentPrincipal() who: Principal): Promise<Dashboard> {
    return this.supervision.dashboard(scopedOple(who, args.ople) ?? null);
  }
}
