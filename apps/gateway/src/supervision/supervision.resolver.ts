import { Args, ArgsType, Query, Resolver } from '@nestjs/graphql';
import { scopedOple } from '../auth/scope';
import { CurrentPrincipal } from '../auth/current-principal';
import type { Principal } from '@seguimiento/auth';
import { AsOfField, OpleField } from '../common/input-fields';
import { DocumentsArgs } from './dto/documents.args';
import { Dashboard, DocumentConnection, DocumentMatrixCell } from './models/supervision.models';
import { parseAsOf } from '../common/query-dates';
import { SupervisionService } from './supervision.service';
import { TimeTravelService } from './time-travel.service';

@ArgsType()
class DashboardArgs {
  @OpleField('El OPLE del tablero; sin él, todos.', true)
  ople?: string;

  @AsOfField()
  asOf?: string;
}

@ArgsType()
class DocumentMatrixArgs {
  @OpleField('Solo las celdas de ese OPLE; sin él, las de todos (un usuario de un OPLE ve solo las suyas).', true)
  ople?: string;

  @AsOfField()
  asOf?: string;
}

@Resolver()
export class SupervisionResolver {
  constructor(
    private readonly supervision: SupervisionService,
    private readonly timeTravel: TimeTravelService,
  ) {}

  @Query(() => DocumentConnection, { description: 'Documentos con filtros, orden y paginación por cursor.' })
  documents(@Args() args: DocumentsArgs, @CurrentPrincipal() who: Principal): Promise<DocumentConnection> {
    const scoped = { ...args, filter: { ...args.filter, ople: scopedOple(who, args.filter?.ople, 'filter.ople') } };
    return args.asOf ? this.timeTravel.documents(scoped, parseAsOf(args.asOf)) : this.supervision.documents(scoped);
  }

  @Query(() => Dashboard, {
    description:
      'Tablero: documentos por estado y por quién tiene la pelota, vencidos, el más antiguo vencido y lo que vence en 7 días.',
  })
  dashboard(@Args() args: DashboardArgs, @CurrentPrincipal() who: Principal): Promise<Dashboard> {
    const ople = scopedOple(who, args.ople) ?? null;
    return args.asOf ? this.timeTravel.dashboard(ople, parseAsOf(args.asOf)) : this.supervision.dashboard(ople);
  }

  @Query(() => [DocumentMatrixCell], {
    description:
      'La vista nacional: los documentos agrupados por OPLE × entregable × versión (una celda por grupo, en ese orden), sin leer cada documento.',
  })
  documentMatrix(@Args() args: DocumentMatrixArgs, @CurrentPrincipal() who: Principal): Promise<DocumentMatrixCell[]> {
    const ople = scopedOple(who, args.ople) ?? null;
    return args.asOf
      ? this.timeTravel.documentMatrix(ople, parseAsOf(args.asOf))
      : this.supervision.documentMatrix(ople);
  }
}
