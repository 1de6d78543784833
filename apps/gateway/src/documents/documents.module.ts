import { Module } from '@nestjs/common';
import { DocumentReader } from './document-reader';
import { DocumentsResolver } from './documents.resolver';
import { DocumentsService } from './documents.service';
import { OficioRouter } from './oficio-router';

@Module({ providers: [DocumentsResolver, DocumentsService, DocumentReader, OficioRouter] })
export class DocumentsModule {}
