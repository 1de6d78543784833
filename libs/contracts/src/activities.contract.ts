import type { Deadline, EscalationStep } from '@seguimiento/domain';

/** A domain event on its way to the store, with the id that makes its append idempotent. */
export interface PendingEvent {
  eventId: string;
  event: { type: string; data: unknown };
  occurredAt: string;
  metadata: EventMetadata;
}

export interface EventMetadata {
  correlationId?: string;
  causationId?: string;
  oficioNumber?: string;
  actor?: string;
}

export interface AppendEventsInput {
  streamId: string;
  expectedVersion: number;
  events: PendingEvent[];
}

/**
 * The failure type of an append PostgreSQL refused for its data (SQLSTATE classes 22 and 23): not
 * retried; the workflow refuses the command that caused it and goes on following its case.
 */
export const DATA_REFUSED = 'DATA_REFUSED';

export interface AppendEventsResult {
  nextVersion: number;
  lastPosition: string;
}

/** An escalation to tell people about; `key` lets receivers drop duplicates. */
export interface EscalationNotice {
  key: string;
  streamId: string;
  ople: string;
  step: EscalationStep;
  recipient: string;
  deadline: Deadline;
  subject: string;
  firedAt: string;
  /** Found already overdue when an import of past correspondence ended (one notice, its highest rung). */
  foundAtImport?: boolean;
}

/** Activities the workflows call; implemented by the worker, imported here by type only. */
export interface FollowUpActivities {
  appendEvents(input: AppendEventsInput): Promise<AppendEventsResult>;
  notifyEscalation(notice: EscalationNotice): Promise<void>;
}

/**
 * An update's input, with who records it (goes to the events' metadata, not to the decision) and,
 * when it comes from an import of past correspondence, the import's id: the case then holds its
 * escalation ladder until the import says it finished (see import.contract.ts).
 */
export type WithActor<T> = T & { actor?: string; importId?: string };
