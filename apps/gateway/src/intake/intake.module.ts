import { Module } from '@nestjs/common';
import { IntakeResolver } from './intake.resolver';

/** Correspondence text → oficios, through the oficio doors. */
@Module({ providers: [IntakeResolver] })
export class IntakeModule {}
