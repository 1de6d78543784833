import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { WithActor } from './activities.contract';
import type { ImportHold } from './import.contract';
import type {
  DocumentState,
  ExpectDocumentData,
  ExtendDeadlineData,
  PlannedEscalation,
  RecordIneAnswerData,
  SubmitDocumentData,
  WithdrawDocumentData,
} from '@seguimiento/domain';

/** Input of the document workflow; `carried` is the state handed over by continue-as-new. */
export interface DocumentWorkflowInput {
  documentId: string;
  ople: string;
  /** Continue-as-new past this many history events (tests lower it). */
  historyLimit?: number;
  carried?: { state: DocumentState; lastPosition: string | null; importHold?: ImportHold };
}

/** What an update returns: the new state, whether anything changed, and the store position. */
export interface DocumentUpdateResult {
  state: DocumentState;
  /** False when the command had already been carried out (e.g. the same oficio recorded twice). */
  changed: boolean;
  /** Global position of the last event appended for the document, for read-your-writes. */
  position: string | null;
}

/** The whole live state, as the workflow's query returns it. */
export interface DocumentView {
  state: DocumentState;
  overdue: boolean;
  escalationLevel: number;
  /** The next escalation the workflow's timer waits for, if any. */
  nextEscalation: PlannedEscalation | null;
  /** Workflow time when the query was answered. */
  asOf: string;
}

export const expectDocumentUpdate = defineUpdate<DocumentUpdateResult, [WithActor<ExpectDocumentData>]>(
  'expectDocument',
);
export const submitDocumentUpdate = defineUpdate<DocumentUpdateResult, [WithActor<SubmitDocumentData>]>(
  'submitDocument',
);
export const recordIneAnswerUpdate = defineUpdate<DocumentUpdateResult, [WithActor<RecordIneAnswerData>]>(
  'recordIneAnswer',
);
export const withdrawDocumentUpdate = defineUpdate<DocumentUpdateResult, [WithActor<WithdrawDocumentData>]>(
  'withdrawDocument',
);
export const extendDeadlineUpdate = defineUpdate<DocumentUpdateResult, [WithActor<ExtendDeadlineData>]>(
  'extendDeadline',
);
export const documentStateQuery = defineQuery<DocumentView>('documentState');

/** Someone takes charge of a fired escalation (documents and requests alike); `by` comes from the actor. */
export const acknowledgeEscalationUpdate = defineUpdate<
  { changed: boolean; position: string | null },
  [WithActor<{ key: string; note?: string }>]
>('acknowledgeEscalation');
