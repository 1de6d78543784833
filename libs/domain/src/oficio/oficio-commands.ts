import type { DocumentVersionKind, ReviewOutcome } from '../document/document.events';
import type { ObservationInput } from '../document/document.commands';

/** What an INE oficio is: a review of a document, a request, a reminder, an invitation or a notice. */
export type IneOficioKind = 'REVIEW' | 'REQUEST' | 'REMINDER' | 'INVITATION' | 'NOTICE';

/** One entregable a reminder names, with its "plazo máximo de remisión". */
export interface ReminderItem {
  deliverable: number;
  versionKind: DocumentVersionKind;
  title?: string;
  dueDate: string;
  documentKey?: string;
}

/**
 * An INE oficio as it comes in, whoever types or reads it (an operator through GraphQL, the
 * intake parser from correspondence text). Which optional fields apply depends on `kind`.
 */
export interface IneOficioCommand {
  ople: string;
  kind: IneOficioKind;
  oficioNumber: string;
  date: string;
  references: string[];
  outcome?: ReviewOutcome;
  additionalObservations?: boolean;
  observations?: ObservationInput[];
  addressedObservationIds?: string[];
  documentId?: string;
  deliverable?: number;
  versionKind?: DocumentVersionKind;
  /** REVIEW: versionKind is assumed (the oficio does not say): the cited chain decides, not it. */
  versionAssumed?: boolean;
  documentKey?: string;
  subject?: string;
  dueDate?: string;
  items?: ReminderItem[];
  meetingAt?: string;
}

/** An OPLE's oficio as it comes in: a deliverable, a new version answering observations, or a request's answer. */
export interface OpleOficioCommand {
  ople: string;
  oficioNumber: string;
  date: string;
  references: string[];
  documentId?: string;
  requestId?: string;
  deliverable?: number;
  versionKind?: DocumentVersionKind;
  documentKey?: string;
  title?: string;
}
