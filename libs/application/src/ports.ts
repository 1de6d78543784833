import type { DocumentState, EscalationStep, FollowUpPolicy, RequestState } from '@seguimiento/domain';
import type { UpdateDefinition } from '@temporalio/common';

/**
 * The ports the use cases are written against. The edges (the gateway's Nest modules, a test's
 * fakes in ./testing) provide the adapters; nothing here knows GraphQL, Nest or SQL.
 */

/** Which workflow a command goes to, and how to start it when the command may open the case. */
export interface CaseTarget {
  workflowType: string;
  workflowId: string;
  startArgs: unknown[];
}

/**
 * Sends a command to a case's workflow (Temporal update, starting it when `mayStart`). Throws
 * CaseClosed when the workflow is closed, InvalidInput or Conflict when the workflow refuses the
 * command, Unavailable when Temporal cannot be reached.
 */
export interface CaseCommands {
  send<A, R>(
    target: CaseTarget,
    definition: UpdateDefinition<R, [A]>,
    input: A,
    mayStart: boolean,
    actor: string,
  ): Promise<R>;
}

/** Read-your-writes: resolves once the read models include the event at `position` (bounded wait). */
export interface ProjectionWait {
  waitFor(position: string | null): Promise<void>;
}

/** One event of the log as stored. */
export interface LoggedEvent {
  type: string;
  data: Record<string, unknown>;
}

/** The outcome of an append: conflicts are values, not exceptions (as the event store answers). */
export type AppendOutcome =
  { status: 'Appended' | 'AlreadyAppended'; lastPosition: string } | { status: 'VersionConflict' };

export interface EventToAppend {
  eventId: string;
  type: string;
  data: object;
  metadata?: Record<string, unknown>;
  occurredAt: Date;
}

/** The event store, as narrow as the use cases need it. */
export interface EventLog {
  readStream(streamId: string): Promise<LoggedEvent[]>;
  append(streamId: string, expectedVersion: number, events: readonly EventToAppend[]): Promise<AppendOutcome>;
}

/** A document as its events say it is now (null when nothing was recorded). */
export interface DocumentStates {
  state(documentId: string): Promise<DocumentState | null>;
}

/** A cited oficio's case, and whether the oficio is one of the case's own (not an inferred link). */
export interface CitedCase {
  streamId: string;
  own: boolean;
}

/**
 * The index from oficio numbers to the cases they touch, written with the events (so routing
 * never waits for the projector). Numbers are given normalised.
 */
export interface CitationIndex {
  documentsCiting(ople: string, oficioNumbers: string[]): Promise<CitedCase[]>;
  requestsCiting(ople: string, oficioNumbers: string[]): Promise<string[]>;
}

/** Each OPLE's follow-up policy, fixed into a case when it opens. */
export interface FollowUpPolicySource {
  of(ople: string): FollowUpPolicy;
}

export interface Clock {
  /** Now, as an ISO 8601 instant. */
  now(): string;
}

/** One event of an OPLE's log, with its stream, as the commission's report reads it. */
export interface LogEvent {
  stream_id: string;
  type: string;
  data: Record<string, unknown>;
}

/** A case still open at an instant, with its deadline. */
export interface OpenCase {
  id: string;
  ballInCourt: 'INE' | 'OPLE' | 'NONE';
  dueDate: string | null;
  overdue: boolean;
}

/** Every case of an OPLE as it stood at an instant (time travel), and which were open. */
export interface CasesAsOf {
  asOf: string;
  documents: DocumentState[];
  requests: RequestState[];
  open: OpenCase[];
}

/** What the commission's report reads: one OPLE's log, and its cases at the end of the period. */
export interface ReportSources {
  events(ople: string): Promise<LogEvent[]>;
  casesAsOf(asOf: string, ople: string): Promise<CasesAsOf>;
}

/** A case found still overdue when an import of past correspondence ended, and the one rung it raised. */
export interface FoundAtImport {
  caseId: string;
  step: EscalationStep;
}

/**
 * Runs an import of past correspondence as one (issue 15, rule 7): the commands it sends carry the
 * import's id, so each case it touches holds its escalation ladder until the import says it is over;
 * then each evaluates its deadline once. Says which cases were found overdue.
 */
export interface ImportRuns {
  run<T>(work: () => Promise<T>): Promise<[T, FoundAtImport[]]>;
}
