import { Global, Module } from '@nestjs/common';
import { Application } from '@seguimiento/application';
import { EventStore } from '@seguimiento/persistence';
import { DocumentReader } from '../documents/document-reader';
import { CaseOficiosIndex, ReportLog, systemClock } from './adapters';
import { FollowUpPolicies } from './follow-up-policies';
import { ReadYourWrites } from './read-your-writes';
import { WorkflowCommands } from './workflow-commands';

/** The use cases (libs/application), wired once over the gateway's adapters; resolvers inject `Application`. */
@Global()
@Module({
  providers: [
    DocumentReader,
    CaseOficiosIndex,
    ReportLog,
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
      ],
      useFactory: (
        commands: WorkflowCommands,
        projection: ReadYourWrites,
        log: EventStore,
        documents: DocumentReader,
        citations: CaseOficiosIndex,
        policies: FollowUpPolicies,
        reports: ReportLog,
      ) => new Application({ commands, projection, log, documents, citations, policies, clock: systemClock, reports }),
    },
  ],
  exports: [Application, DocumentReader],
})
export class ApplicationModule {}
