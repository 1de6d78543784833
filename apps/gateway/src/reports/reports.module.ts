import { Module } from '@nestjs/common';
import { CommissionsModule } from '../commissions/commissions.module';
import { ReportResolver } from './report.resolver';
import { ReportService } from './report.service';

/** The commission's correspondence report. */
@Module({ imports: [CommissionsModule], providers: [ReportResolver, ReportService] })
export class ReportsModule {}
