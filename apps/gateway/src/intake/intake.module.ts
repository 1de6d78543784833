import { Module } from '@nestjs/common';
import { OficiosModule } from '../oficios/oficios.module';
import { IntakeResolver } from './intake.resolver';
import { IntakeService } from './intake.service';

/** Correspondence text → oficios, through the oficio doors. */
@Module({ imports: [OficiosModule], providers: [IntakeResolver, IntakeService] })
export class IntakeModule {}
