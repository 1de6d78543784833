import { Module } from '@nestjs/common';
import { DocumentReader } from './document-reader';
import { DocumentsResolver } from './documents.resolver';
import { DocumentsService } from './documents.service';
import { FollowUpPolicies } from './follow-up-policies';
import { OficioRouter } from './oficio-router';
import { TimelineLoader } from './timeline';

@Module({
  providers: [
    DocumentsResolver,
    DocumentsService,
    DocumentReader,
    OficioRouter,
    TimelineLoader,
    { provide: FollowUpPolicies, useFactory: () => FollowUpPolicies.fromFile() },
  ],
  exports: [DocumentsService, DocumentReader, OficioRouter],
})
export class DocumentsModule {}
