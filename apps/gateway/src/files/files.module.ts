import { Module } from '@nestjs/common';
import { FilesController } from './files.controller';

/** The kept originals, downloaded at /files/<sha256> (issue 16). */
@Module({ controllers: [FilesController] })
export class FilesModule {}
