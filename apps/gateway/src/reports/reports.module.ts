import { Module } from '@nestjs/common';
import { ReportResolver } from './report.resolver';

/** The commission's correspondence report. */
@Module({ providers: [ReportResolver] })
export class ReportsModule {}
