import type { Commissions } from '@seguimiento/reports';
import { CaseSender } from './cases/send-to-case';
import { DocumentCommands } from './documents/document-commands';
import { FileIngest } from './intake/ingest-file';
import { Ingest } from './intake/ingest';
import type { FileReader, SourceFileStore } from './intake/source-files';
import { Notices } from './notices/notices';
import { OficioDoors } from './oficios/oficio-doors';
import { OficioRouter } from './oficios/oficio-router';
import type {
  CaseCommands,
  CitationIndex,
  Clock,
  DocumentStates,
  EventLog,
  FollowUpPolicySource,
  ImportRuns,
  ProjectionWait,
  ReportSources,
} from './ports';
import { CorrespondenceReports } from './reports/correspondence-report';
import { RequestCommands } from './requests/request-commands';
import { ReviewQueue } from './reviews/review-queue';

/** Everything the use cases need from outside, provided by the edge that runs them. */
export interface ApplicationPorts {
  commands: CaseCommands;
  projection: ProjectionWait;
  log: EventLog;
  documents: DocumentStates;
  citations: CitationIndex;
  policies: FollowUpPolicySource;
  clock: Clock;
  reports: ReportSources;
  /** Each OPLE's commission, for the report's institutional form (config/commissions.json). */
  commissions: Commissions;
  imports: ImportRuns;
  /** Where received originals are kept, and how a file's text is read. */
  sourceFiles: SourceFileStore;
  readFile: FileReader;
}

/** The use cases, wired once over the ports (the gateway provides one of these; a test, another over fakes). */
export class Application {
  readonly documents: DocumentCommands;
  readonly requests: RequestCommands;
  readonly notices: Notices;
  readonly router: OficioRouter;
  readonly oficios: OficioDoors;
  readonly intake: Ingest;
  readonly files: FileIngest;
  readonly reviews: ReviewQueue;
  readonly reports: CorrespondenceReports;

  constructor(ports: ApplicationPorts) {
    const sender = new CaseSender(ports.commands, ports.projection);
    this.documents = new DocumentCommands(sender, ports.documents, ports.policies);
    this.requests = new RequestCommands(sender, this.documents, ports.log);
    this.notices = new Notices(ports.log, ports.projection, ports.clock);
    this.router = new OficioRouter(ports.citations);
    this.oficios = new OficioDoors(this.documents, this.requests, this.notices, this.router, ports.documents);
    this.reviews = new ReviewQueue(ports.log, this.oficios, ports.projection, ports.clock);
    this.intake = new Ingest(this.oficios, ports.imports, this.reviews);
    this.files = new FileIngest(this.intake, ports.sourceFiles, ports.readFile);
    this.reports = new CorrespondenceReports(ports.reports, ports.clock, ports.commissions);
  }
}
