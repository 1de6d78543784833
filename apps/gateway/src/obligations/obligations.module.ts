import { Module } from '@nestjs/common';
import { DocumentsModule } from '../documents/documents.module';
import { ObligationsResolver } from './obligations.resolver';
import { ObligationsService } from './obligations.service';

@Module({
  imports: [DocumentsModule],
  providers: [ObligationsResolver, ObligationsService],
  exports: [ObligationsService],
})
export class ObligationsModule {}
