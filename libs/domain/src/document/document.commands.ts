import type { DocumentVersionKind } from './document.events';

export interface SubmitDocumentData {
  documentId: string;
  ople: string;
  deliverable: number;
  versionKind: DocumentVersionKind;
  title?: string;
  oficioNumber: string;
  submittedOn: string;
}

export type DocumentCommand = { type: 'SubmitDocument'; data: SubmitDocumentData };
