import type { DocumentCommand, RecordIneAnswerData, SubmitDocumentData } from '../document/document.commands';
import { decideDocument, foldDocument } from '../document/document.decider';
import type { DocumentEvent } from '../document/document.events';
import { type DocumentState, initialDocumentState } from '../document/document.state';

/** The commands a document's tests send, with the defaults of one chain (its first submission and review). */
export function documentCommands(
  identity: { documentId: string; ople: string; deliverable: number; versionKind: 'PROYECTO' | 'FINAL' },
  first: { submission: string; submittedOn: string; review: string; reviewedOn: string },
) {
  return {
    submit: (over: Partial<SubmitDocumentData> = {}): DocumentCommand => ({
      type: 'SubmitDocument',
      data: { ...identity, oficioNumber: first.submission, submittedOn: first.submittedOn, ...over },
    }),
    answer: (over: Partial<RecordIneAnswerData>): DocumentCommand => ({
      type: 'RecordIneAnswer',
      data: {
        oficioNumber: first.review,
        date: first.reviewedOn,
        outcome: 'OBSERVATIONS',
        additionalObservations: false,
        references: [],
        ...over,
      },
    }),
  };
}

/** Applies commands one after another, as the workflow does, and returns every event. */
export function play(...commands: DocumentCommand[]): { state: DocumentState; events: DocumentEvent[] } {
  let state = initialDocumentState;
  const events: DocumentEvent[] = [];
  for (const c of commands) {
    const produced = decideDocument(c, state);
    events.push(...produced);
    state = foldDocument(produced, state);
  }
  return { state, events };
}
