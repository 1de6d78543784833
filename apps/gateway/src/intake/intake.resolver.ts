import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Application } from '@seguimiento/application';
import type { Principal } from '@seguimiento/auth';
import { Writes } from '../auth/auth.guard';
import { CurrentPrincipal, assertOpleAccess } from '../auth/current-principal';
import { IngestCorrespondenceArgs } from './dto/ingest.args';
import { IngestReport } from './models/ingest.models';

@Resolver()
export class IntakeResolver {
  constructor(private readonly app: Application) {}

  @Writes()
  @Mutation(() => IngestReport, {
    description:
      'Lee un texto de correspondencia (como el informe mensual, o texto extraído de un PDF) y registra cada oficio por las mismas vías que recordIneOficio y recordOpleOficio. ' +
      'Con dryRun solo dice qué haría. Lo que no se puede leer con certeza se informa para revisión; nunca se registra a ciegas.',
  })
  ingestCorrespondence(
    @Args() args: IngestCorrespondenceArgs,
    @CurrentPrincipal() who: Principal,
  ): Promise<IngestReport> {
    assertOpleAccess(who, args.ople);
    return this.app.intake.ingest(args.text, args.ople, args.dryRun, who.subject);
  }
}
