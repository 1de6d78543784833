import { Module } from '@nestjs/common';
import { ReportResolver } from './report.resolver';
import { ReportService } from './report.service';

/** The commission's correspondence report. */
@Module({ providers: [ReportResolver, ReportService] })
export class ReportsModule {}
