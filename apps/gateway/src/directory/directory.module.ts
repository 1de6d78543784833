import { Module } from '@nestjs/common';
import { DirectoryResolver } from './directory.resolver';

/** The directory of who receives mail (ADMIN edits it) and the mail sent (issue 18). */
@Module({ providers: [DirectoryResolver] })
export class DirectoryModule {}
