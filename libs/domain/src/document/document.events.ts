import type { Deadline } from '../deadlines/deadline';
import type {
  DeadlineExtendedData,
  EscalationAcknowledgedData,
  EscalationRaisedData,
} from '../deadlines/deadline-decisions';
import type { FollowUpPolicy } from '../deadlines/policy';

export type { DeadlineExtendedData, EscalationRaisedData };

/** What happened to a document, in the past tense. Each event is `{ type, data }`. */
export type DocumentVersionKind = 'PROYECTO' | 'FINAL';

/** What INE's oficio says about the observations it judges. */
export type ReviewOutcome = 'OBSERVATIONS' | 'PARTIALLY_ADDRESSED' | 'ADDRESSED' | 'ACCEPTED';

export type ObservationStatus = 'OPEN' | 'PARTIALLY_ADDRESSED' | 'ADDRESSED';

/** How the document's case began: expected (a reminder or a due date), submitted, or answered. */
export type OpenedBy = 'EXPECTATION' | 'SUBMISSION' | 'INE_ANSWER';

export interface DocumentOpenedData {
  documentId: string;
  ople: string;
  deliverable: number;
  versionKind: DocumentVersionKind;
  title: string;
  openedBy: OpenedBy;
  /** The oficio that made the document known (a reminder, a request…), when there is one. */
  sourceOficio: string | null;
  /** Date of the source oficio, when known. */
  sourceDate?: string;
  policy: FollowUpPolicy;
}

export interface DocumentSubmittedData {
  /** The OPLE's oficio that carried the document to INE. */
  oficioNumber: string;
  /** Local date of the oficio (YYYY-MM-DD). */
  submittedOn: string;
  /** 1 for the first submission, 2 for the version that answers the first observations… */
  submission: number;
  /** INE oficios it cites, when given (absent in events recorded before they were kept). */
  references?: string[];
}

export interface RaisedObservation {
  id: string;
  text: string;
  raisedBy: string;
  /** True when it stands for the observations of an oficio the system never saw. */
  inferred: boolean;
}

export interface JudgedObservation {
  id: string;
  from: ObservationStatus;
  to: ObservationStatus;
  /**
   * True when an earlier round's remnant is closed because INE addressed its latest oficio, into
   * which what remained was carried (issue 15, rule 1). Absent otherwise.
   */
  carried?: true;
}

export interface IneAnswerRecordedData {
  oficioNumber: string;
  date: string;
  outcome: ReviewOutcome;
  additionalObservations: boolean;
  /** Every oficio the answer cites, as written. */
  references: string[];
  /** Cited oficios the document did not know, taken as earlier links of its chain. */
  inferredOficios: string[];
  /** The OPLE must have answered for INE to judge; true when that submission was never recorded. */
  submissionInferred: boolean;
  /** Observations standing for the inferred oficios, then the new ones this answer raises. */
  raised: RaisedObservation[];
  judged: JudgedObservation[];
}

export interface DocumentResolvedData {
  oficioNumber: string;
  date: string;
  resolution: 'ADDRESSED' | 'ACCEPTED';
}

export interface DeadlineSetData {
  /** The clock now running, or null when nobody owes anything. */
  deadline: Deadline | null;
}

export interface DocumentWithdrawnData {
  date: string;
  reason: string;
  oficioNumber: string | null;
}

export type DocumentEvent =
  | { type: 'DocumentOpened'; data: DocumentOpenedData }
  | { type: 'DocumentSubmitted'; data: DocumentSubmittedData }
  | { type: 'IneAnswerRecorded'; data: IneAnswerRecordedData }
  | { type: 'DocumentResolved'; data: DocumentResolvedData }
  | { type: 'DeadlineSet'; data: DeadlineSetData }
  | { type: 'DeadlineExtended'; data: DeadlineExtendedData }
  | { type: 'DocumentWithdrawn'; data: DocumentWithdrawnData }
  | { type: 'EscalationRaised'; data: EscalationRaisedData }
  | { type: 'EscalationAcknowledged'; data: EscalationAcknowledgedData };

export type DocumentEventType = DocumentEvent['type'];
