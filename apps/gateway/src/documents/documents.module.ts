import { Module } from '@nestjs/common';
import { DocumentsResolver } from './documents.resolver';
import { TimelineLoader } from './timeline';

@Module({ providers: [DocumentsResolver, TimelineLoader] })
export class DocumentsModule {}
