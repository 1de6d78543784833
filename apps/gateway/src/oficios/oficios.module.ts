import { Module } from '@nestjs/common';
import { DocumentsModule } from '../documents/documents.module';
import { ObligationsModule } from '../obligations/obligations.module';
import { NoticesService } from './notices.service';
import { OficiosResolver } from './oficios.resolver';
import { OficiosService } from './oficios.service';

/** The single entry points for oficios, INE's and the OPLE's, routed to the cases they concern. */
@Module({
  imports: [DocumentsModule, ObligationsModule],
  providers: [OficiosResolver, OficiosService, NoticesService],
  exports: [OficiosService],
})
export class OficiosModule {}
