/** What happened to a document, in the past tense. Each event is `{ type, data }`. */
export type DocumentVersionKind = 'PROYECTO' | 'FINAL';

export interface DocumentSubmittedData {
  documentId: string;
  ople: string;
  deliverable: number;
  versionKind: DocumentVersionKind;
  title: string;
  /** The OPLE's oficio that carried the document to INE. */
  oficioNumber: string;
  /** Local date of the oficio (YYYY-MM-DD). */
  submittedOn: string;
  /** 1 for the first submission, 2 for the version that answers the first observations… */
  submission: number;
}

export type DocumentEvent = { type: 'DocumentSubmitted'; data: DocumentSubmittedData };

export type DocumentEventType = DocumentEvent['type'];
