import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { Principal } from '@seguimiento/auth';
import { confinedTo } from '@seguimiento/auth';
import { SourceFiles } from '@seguimiento/persistence';
import { CurrentPrincipal } from '../auth/current-principal';
import { downloadUrl } from '../intake/base64';
import { SourceFile } from '../intake/models/ingest.models';
import { Oficio } from './models/register.models';

/** The originals an oficio came from (ingestFile), as far as the user may see them. */
@Resolver(() => Oficio)
export class OficioFilesResolver {
  constructor(private readonly files: SourceFiles) {}

  @ResolveField(() => [SourceFile], {
    description:
      'Los archivos originales de los que se leyó (ingestFile), el primero primero; un usuario de un OPLE ve solo los de sus casos.',
  })
  async sourceFiles(@Parent() oficio: Oficio, @CurrentPrincipal() who: Principal): Promise<SourceFile[]> {
    const files = await this.files.ofOficio(oficio.number, confinedTo(who));
    return files.map((f) => ({ ...f, downloadUrl: downloadUrl(f.sha256) }));
  }

  @ResolveField(() => SourceFile, {
    nullable: true,
    description: 'El primer archivo original del que se leyó (ver sourceFiles), o nulo si se registró sin archivo.',
  })
  async sourceFile(@Parent() oficio: Oficio, @CurrentPrincipal() who: Principal): Promise<SourceFile | null> {
    return (await this.sourceFiles(oficio, who))[0] ?? null;
  }
}
