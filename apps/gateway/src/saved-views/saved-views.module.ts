import { Module } from '@nestjs/common';
import { SavedViewsResolver } from './saved-views.resolver';

/** The console's saved views, shared within an institution (issue 17). */
@Module({ providers: [SavedViewsResolver] })
export class SavedViewsModule {}
