import { Commissions } from '@seguimiento/reports';
import {
  DEFAULT_POLICY,
  type DocumentCommand,
  type DocumentEvent,
  type DocumentState,
  DomainError,
  type FollowUpPolicy,
  type RequestCommand,
  type RequestEvent,
  decideDocument,
  decideRequest,
  foldDocument,
  foldRequest,
  isDocumentClosed,
  isRequestClosed,
} from '@seguimiento/domain';
import type { UpdateDefinition } from '@temporalio/common';
import { readFile } from '@seguimiento/files';
import { Application } from '../application';
import type { SourceFile, SourceFileLink, SourceFileStore } from '../intake/source-files';
import { CaseClosed, Conflict, InvalidInput } from '../errors';
import type {
  AppendOutcome,
  CaseCommands,
  CaseTarget,
  CasesAsOf,
  CitationIndex,
  CitedCase,
  Clock,
  DocumentStates,
  EventLog,
  EventToAppend,
  FollowUpPolicySource,
  FoundAtImport,
  ImportRuns,
  LogEvent,
  LoggedEvent,
  ProjectionWait,
  ReportSources,
} from '../ports';

/** The domain command each workflow update carries. */
const DOCUMENT_UPDATES: Record<string, DocumentCommand['type']> = {
  expectDocument: 'ExpectDocument',
  submitDocument: 'SubmitDocument',
  recordIneAnswer: 'RecordIneAnswer',
  withdrawDocument: 'WithdrawDocument',
  extendDeadline: 'ExtendDeadline',
};
const REQUEST_UPDATES: Record<string, RequestCommand['type']> = {
  openRequest: 'OpenRequest',
  fulfillRequest: 'FulfillRequest',
};

export interface SentCommand {
  workflowId: string;
  workflowType: string;
  update: string;
  input: unknown;
  mayStart: boolean;
  actor: string;
}

/**
 * The cases in memory, run by the domain's own deciders: what the workflows would do, without
 * Temporal or PostgreSQL. A closed case's workflow no longer takes commands (CaseClosed), and a
 * case that never opened takes only a command that may open it — as the real workflows do.
 */
export class InMemoryCases implements CaseCommands, EventLog, DocumentStates {
  readonly streams = new Map<string, LoggedEvent[]>();
  readonly sent: SentCommand[] = [];
  readonly appended: Array<{ streamId: string; events: readonly EventToAppend[] }> = [];
  private position = 0;

  async send<A, R>(
    target: CaseTarget,
    definition: UpdateDefinition<R, [A]>,
    input: A,
    mayStart: boolean,
    actor: string,
  ): Promise<R> {
    const { workflowId, workflowType } = target;
    this.sent.push({ workflowId, workflowType, update: definition.name, input, mayStart, actor });
    const history = this.streams.get(workflowId) ?? [];
    if (history.length === 0 && !mayStart) throw new CaseClosed(workflowId);
    const decided = workflowId.startsWith('request:')
      ? this.decideRequest(workflowId, definition.name, input, history)
      : this.decideDocument(definition.name, input, history);
    if (decided.closed) throw new CaseClosed(workflowId);
    const events = refusalsAsErrors(decided.decide);
    this.streams.set(workflowId, [...history, ...events]);
    const position = events.length ? String((this.position += events.length)) : null;
    return { state: decided.fold([...history, ...events]), changed: events.length > 0, position } as R;
  }

  private decideDocument(update: string, input: unknown, history: LoggedEvent[]) {
    const state = foldDocument(history as unknown as DocumentEvent[]);
    const command = { type: DOCUMENT_UPDATES[update], data: withoutActor(input) } as unknown as DocumentCommand;
    return {
      closed: history.length > 0 && isDocumentClosed(state),
      decide: () => decideDocument(command, state) as unknown as LoggedEvent[],
      fold: (all: LoggedEvent[]) => foldDocument(all as unknown as DocumentEvent[]),
    };
  }

  private decideRequest(requestId: string, update: string, input: unknown, history: LoggedEvent[]) {
    const state = foldRequest(history as unknown as RequestEvent[]);
    const data = { ...withoutActor(input), ...(update === 'openRequest' ? { requestId } : {}) };
    const command = { type: REQUEST_UPDATES[update], data } as unknown as RequestCommand;
    return {
      closed: history.length > 0 && isRequestClosed(state),
      decide: () => decideRequest(command, state) as unknown as LoggedEvent[],
      fold: (all: LoggedEvent[]) => foldRequest(all as unknown as RequestEvent[]),
    };
  }

  async readStream(streamId: string): Promise<LoggedEvent[]> {
    return this.streams.get(streamId) ?? [];
  }

  async append(streamId: string, expectedVersion: number, events: readonly EventToAppend[]): Promise<AppendOutcome> {
    const history = this.streams.get(streamId) ?? [];
    if (history.length !== expectedVersion) return { status: 'VersionConflict' };
    this.appended.push({ streamId, events });
    this.streams.set(streamId, [...history, ...events.map((e) => ({ type: e.type, data: { ...e.data } }))]);
    return { status: 'Appended', lastPosition: String((this.position += events.length)) };
  }

  async state(documentId: string): Promise<DocumentState | null> {
    const history = this.streams.get(documentId);
    return history?.length ? foldDocument(history as unknown as DocumentEvent[]) : null;
  }

  /** The update names sent, in order ("submitDocument → document:GRO:e6-proyecto"). */
  sentUpdates(): string[] {
    return this.sent.map((s) => `${s.update} → ${s.workflowId}`);
  }
}

function withoutActor(input: unknown): Record<string, unknown> {
  const { actor: _actor, ...data } = input as Record<string, unknown>;
  return data;
}

/** A workflow's refusal as the Temporal adapter reports it: INVALID_INPUT → InvalidInput, any other rule → Conflict. */
function refusalsAsErrors<T>(decide: () => T): T {
  try {
    return decide();
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    throw error.code === 'INVALID_INPUT'
      ? InvalidInput.said(error.message, error.field)
      : new Conflict(error.message, error.field);
  }
}

/**
 * The citation index: what a test states (which cases each oficio touches, own or an inferred
 * link), plus what the cases in memory record — each oficio a document's events carry is one of
 * its own, and the oficio that opened a request names it — as the index written with the events.
 */
export class InMemoryCitations implements CitationIndex {
  private readonly documents = new Map<string, CitedCase[]>();
  private readonly requests = new Map<string, string[]>();
  lookups = 0;

  constructor(private readonly cases?: InMemoryCases) {}

  private recorded(): { documents: Map<string, CitedCase[]>; requests: Map<string, string[]> } {
    const documents = new Map(this.documents);
    const requests = new Map(this.requests);
    for (const [streamId, events] of this.cases?.streams ?? []) {
      for (const { type, data } of events) {
        const oficio = (data.oficioNumber ?? data.sourceOficio) as string | undefined;
        if (!oficio) continue;
        if (streamId.startsWith('document:'))
          documents.set(oficio, [...(documents.get(oficio) ?? []), { streamId, own: true }]);
        if (type === 'RequestOpened') requests.set(oficio, [...(requests.get(oficio) ?? []), streamId]);
      }
    }
    return { documents, requests };
  }

  /** `oficio` belongs to (own) or links to the document. */
  document(oficio: string, streamId: string, own = true): this {
    this.documents.set(oficio, [...(this.documents.get(oficio) ?? []), { streamId, own }]);
    return this;
  }

  /** `oficio` opened the request. */
  request(oficio: string, requestId: string): this {
    this.requests.set(oficio, [...(this.requests.get(oficio) ?? []), requestId]);
    return this;
  }

  async documentsCiting(ople: string, oficioNumbers: string[]): Promise<CitedCase[]> {
    this.lookups += 1;
    const byStream = new Map<string, boolean>();
    const { documents } = this.recorded();
    for (const cited of oficioNumbers.flatMap((n) => documents.get(n) ?? []))
      if (cited.streamId.includes(`:${ople}:`))
        byStream.set(cited.streamId, (byStream.get(cited.streamId) ?? false) || cited.own);
    return [...byStream].sort(([a], [b]) => a.localeCompare(b)).map(([streamId, own]) => ({ streamId, own }));
  }

  async requestsCiting(ople: string, oficioNumbers: string[]): Promise<string[]> {
    this.lookups += 1;
    const { requests } = this.recorded();
    const found = oficioNumbers.flatMap((n) => requests.get(n) ?? []).filter((id) => id.includes(`:${ople}:`));
    return [...new Set(found)].sort();
  }
}

/** Read-your-writes that remembers what it was asked to wait for. */
export class RecordingProjection implements ProjectionWait {
  readonly waitedFor: Array<string | null> = [];

  async waitFor(position: string | null): Promise<void> {
    this.waitedFor.push(position);
  }
}

export const fixedClock = (now: string): Clock => ({ now: () => now });

export const defaultPolicies: FollowUpPolicySource = { of: (): FollowUpPolicy => DEFAULT_POLICY };

/** The report's sources, as a test gives them. */
export class GivenReportSources implements ReportSources {
  constructor(
    readonly log: LogEvent[] = [],
    readonly cases: Omit<CasesAsOf, 'asOf'> = { documents: [], requests: [], open: [] },
  ) {}

  async events(ople: string): Promise<LogEvent[]> {
    return this.log.filter((e) => e.stream_id.includes(`:${ople}:`));
  }

  async casesAsOf(asOf: string): Promise<CasesAsOf> {
    return { asOf, ...this.cases };
  }
}

/** The use cases over in-memory fakes of every port, and the fakes themselves to arrange and inspect. */
export function inMemoryApplication(options: { now?: string; reports?: GivenReportSources } = {}) {
  const cases = new InMemoryCases();
  const citations = new InMemoryCitations(cases);
  const projection = new RecordingProjection();
  const reports = options.reports ?? new GivenReportSources();
  const imports = new RecordingImports();
  const sourceFiles = new InMemorySourceFiles();
  const app = new Application({
    sourceFiles,
    readFile: (bytes, name) => readFile(bytes, name),
    commissions: Commissions.from({}, 'prueba'),
    imports,
    commands: cases,
    projection,
    log: cases,
    documents: cases,
    citations,
    policies: defaultPolicies,
    clock: fixedClock(options.now ?? '2024-03-15T18:00:00.000Z'),
    reports,
  });
  return { app, cases, citations, projection, reports, imports, sourceFiles };
}

/** Runs each import's work and counts the imports, as if no case were overdue at the end. */
export class RecordingImports implements ImportRuns {
  runs = 0;

  async run<T>(work: () => Promise<T>): Promise<[T, FoundAtImport[]]> {
    this.runs += 1;
    return [await work(), []];
  }
}

/** Originals kept in memory, with the links to their oficios, as PostgreSQL keeps them. */
export class InMemorySourceFiles implements SourceFileStore {
  readonly files = new Map<string, SourceFile & { bytes: Uint8Array }>();
  readonly links: Array<SourceFileLink & { sha256: string }> = [];
  private seconds = 0;

  async find(sha256: string): Promise<SourceFile | null> {
    const file = this.files.get(sha256);
    if (!file) return null;
    const { bytes: _bytes, ...kept } = file;
    return kept;
  }

  async keep(
    file: Omit<SourceFile, 'firstSeenAt'> & { bytes: Uint8Array },
    links: readonly SourceFileLink[],
  ): Promise<{ file: SourceFile; kept: boolean }> {
    const known = this.files.has(file.sha256);
    if (!known) {
      this.seconds += 1;
      this.files.set(file.sha256, {
        ...file,
        firstSeenAt: new Date(Date.UTC(2024, 2, 15, 18, 0, this.seconds)).toISOString(),
      });
    }
    for (const link of links) {
      const same = (l: SourceFileLink & { sha256: string }) =>
        l.sha256 === file.sha256 &&
        l.ople === link.ople &&
        l.oficioNumber === link.oficioNumber &&
        l.caseId === link.caseId;
      if (!this.links.some(same)) this.links.push({ sha256: file.sha256, ...link });
    }
    return { file: (await this.find(file.sha256))!, kept: !known };
  }
}
