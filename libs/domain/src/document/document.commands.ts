import type { AcknowledgeEscalationData, RaiseEscalationData } from '../deadlines/deadline-decisions';
import type { FollowUpPolicy } from '../deadlines/policy';
import type { DocumentVersionKind, ReviewOutcome } from './document.events';

export type { RaiseEscalationData };

/** Who the document is: needed by whichever command opens its case. */
export interface DocumentIdentity {
  documentId: string;
  ople: string;
  deliverable: number;
  versionKind: DocumentVersionKind;
  title?: string;
  policy?: Partial<FollowUpPolicy>;
}

export interface ExpectDocumentData extends DocumentIdentity {
  /** Last local day to deliver it (YYYY-MM-DD), e.g. a reminder's "plazo máximo". */
  dueDate: string;
  sourceOficio?: string;
  /** Date of that oficio (YYYY-MM-DD): when the expectation became known. */
  sourceDate?: string;
}

export interface SubmitDocumentData extends DocumentIdentity {
  oficioNumber: string;
  submittedOn: string;
  /** INE oficios the OPLE's oficio cites (the observations it answers). */
  references?: string[];
}

export interface ObservationInput {
  /** Optional identity; by default `<oficio>#<n>`. */
  id?: string;
  text: string;
}

export interface RecordIneAnswerData {
  oficioNumber: string;
  date: string;
  outcome: ReviewOutcome;
  additionalObservations: boolean;
  /** The observations this oficio raises; one summary observation when not itemised. */
  observations?: ObservationInput[];
  /** The earlier oficios whose observations this one judges. */
  references: string[];
  /** With PARTIALLY_ADDRESSED: the judged observations that are fully addressed (the rest stay partial). */
  addressedObservationIds?: string[];
  /** Needed only when the answer opens the document's case (nothing was recorded before). */
  identity?: DocumentIdentity;
}

export interface WithdrawDocumentData {
  date: string;
  reason: string;
  oficioNumber?: string;
}

export interface ExtendDeadlineData {
  dueDate: string;
  reason: string;
  oficioNumber?: string;
}

export type DocumentCommand =
  | { type: 'ExpectDocument'; data: ExpectDocumentData }
  | { type: 'SubmitDocument'; data: SubmitDocumentData }
  | { type: 'RecordIneAnswer'; data: RecordIneAnswerData }
  | { type: 'WithdrawDocument'; data: WithdrawDocumentData }
  | { type: 'ExtendDeadline'; data: ExtendDeadlineData }
  | { type: 'RaiseEscalation'; data: RaiseEscalationData }
  | { type: 'AcknowledgeEscalation'; data: AcknowledgeEscalationData };
