import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Application } from '@seguimiento/application';
import type { Principal } from '@seguimiento/auth';
import { Writes } from '../auth/auth.guard';
import { CurrentPrincipal, assertOpleAccess } from '../auth/current-principal';
import { decodeBase64, downloadUrl } from './base64';
import { IngestCorrespondenceArgs } from './dto/ingest.args';
import { IngestFileInput } from './dto/ingest-file.input';
import { IngestFileReport, IngestReport } from './models/ingest.models';

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

  @Writes()
  @Mutation(() => IngestFileReport, {
    description:
      'Lee un archivo recibido (PDF con capa de texto u OCR, DOCX, registro XLSX o CSV, mensaje .eml con sus adjuntos, texto), registra sus oficios como ingestCorrespondence y guarda el original (hasta 25 MiB), ' +
      'identificado por su SHA-256: el mismo archivo dos veces se reconoce (file.alreadyReceived) y no se guarda ni registra dos veces. Se descarga en file.downloadUrl. Con dryRun no se registra ni guarda nada.',
  })
  async ingestFile(
    @Args('input', { description: 'El archivo y el OPLE; cada campo está descrito en su tipo de entrada.' })
    input: IngestFileInput,
    @CurrentPrincipal() who: Principal,
  ): Promise<IngestFileReport> {
    assertOpleAccess(who, input.ople);
    const bytes = decodeBase64(input.contentBase64);
    const report = await this.app.files.ingestFile(
      { ople: input.ople, fileName: input.fileName, bytes, dryRun: input.dryRun, skip: input.skip ?? [] },
      who.subject,
    );
    return { ...report, file: { ...report.file, downloadUrl: downloadUrl(report.file.sha256) } };
  }
}
