import { Args, Query, Resolver } from '@nestjs/graphql';
import { Application } from '@seguimiento/application';
import type { Principal } from '@seguimiento/auth';
import { CurrentPrincipal, assertOpleAccess } from '../auth/current-principal';
import { CorrespondenceReportArgs, ReportFile } from './report.models';

@Resolver()
export class ReportResolver {
  constructor(private readonly app: Application) {}

  @Query(() => ReportFile, {
    description:
      'El informe de la comisión para un OPLE y un periodo: los oficios recibidos (fecha, número y un párrafo de resumen), ' +
      'el estado de cada documento tocado, lo vencido al final del periodo y lo que vence en los 14 días siguientes.',
  })
  correspondenceReport(
    @Args() args: CorrespondenceReportArgs,
    @CurrentPrincipal() who: Principal,
  ): Promise<ReportFile> {
    assertOpleAccess(who, args.ople);
    return this.app.reports.render(args.ople, args.from, args.to, args.format);
  }
}
