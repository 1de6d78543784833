import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { DocumentEvent, DocumentState, SubmitDocumentData } from '@seguimiento/domain';

/** Input of the document workflow when it is started. */
export interface DocumentWorkflowInput {
  documentId: string;
  ople: string;
}

/** What an update returns: the new state and the store position of the last event appended. */
export interface DocumentUpdateResult {
  state: DocumentState;
  position: string | null;
}

export const submitDocumentUpdate = defineUpdate<DocumentUpdateResult, [SubmitDocumentData]>('submitDocument');
export const documentStateQuery = defineQuery<DocumentState>('documentState');

/** An event on its way to the store, with the id that makes its append idempotent. */
export interface PendingEvent {
  eventId: string;
  event: DocumentEvent;
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

export interface AppendEventsResult {
  nextVersion: number;
  lastPosition: string;
}

/** Activities the document workflow calls; implemented by the worker, imported by type only. */
export interface DocumentActivities {
  appendEvents(input: AppendEventsInput): Promise<AppendEventsResult>;
}
