import { Global, Module } from '@nestjs/common';
import { Application } from '@seguimiento/application';
import { Commissions } from '@seguimiento/reports';
import { CommissionsModule } from '../commissions/commissions.module';
import { readFile } from '@seguimiento/files';
import { EventStore, SourceFiles } from '@seguimiento/persistence';
import { DataSource } from 'typeorm';
import { DocumentReader } from '../documents/document-reader';
import { CaseOficiosIndex, ReportLog, systemClock } from './adapters';
import { FollowUpPolicies } from './follow-up-policies';
import { TemporalImportRuns } from './import-run';
import { ReadYourWrites } from './read-your-writes';
import { WorkflowCommands } from './workflow-commands';

/** The use cases (libs/application), wired once over the gateway's adapters; resolvers inject `Application`. */
@Global()
@Module({
  imports: [CommissionsModule],
  providers: [
    DocumentReader,
    CaseOficiosIndex,
    ReportLog,
    TemporalImportRuns,
    { provide: SourceFiles, inject: [DataSource], useFactory: (ds: DataSource) => new SourceFiles(ds) },
    { provide: FollowUpPolicies, useFactory: () => FollowUpPolicies.fromFile() },
    {
      provide: Application,
      inject: [
        WorkflowCommands,
        ReadYourWrites,
        EventStore,
        DocumentReader,
        CaseOficiosIndex,
        FollowUpPolicies,
        ReportLog,
        Commissions,
        TemporalImportRuns,
        SourceFiles,
      ],
      useFactory: (
        commands: WorkflowCommands,
        projection: ReadYourWrites,
        log: EventStore,
        documents: DocumentReader,
        citations: CaseOficiosIndex,
        policies: FollowUpPolicies,
        reports: ReportLog,
        commissions: Commissions,
        imports: TemporalImportRuns,
        sourceFiles: SourceFiles,
      ) =>
        new Application({
          commands,
          projection,
          log,
          documents,
          citations,
          policies,
          clock: systemClock,
          reports,
          commissions,
          imports,
          sourceFiles,
          readFile: (bytes, name) => readFile(bytes, name),
        }),
    },
  ],
  exports: [Application, DocumentReader, SourceFiles],
})
export class ApplicationModule {}
