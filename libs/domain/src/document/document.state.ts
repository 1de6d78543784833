import type { DocumentVersionKind } from './document.events';

/** Who must act next: INE reviews, the OPLE answers, nobody once resolved. */
export type BallInCourt = 'INE' | 'OPLE' | 'NONE';

export type DocumentStatus = 'EXPECTED' | 'UNDER_REVIEW';

export interface DocumentState {
  documentId: string | null;
  ople: string | null;
  deliverable: number | null;
  versionKind: DocumentVersionKind | null;
  title: string | null;
  status: DocumentStatus;
  ballInCourt: BallInCourt;
  submissions: number;
  lastOficioNumber: string | null;
  lastSubmittedOn: string | null;
  /** Number of events folded so far: the stream version. */
  version: number;
}

export const initialDocumentState: DocumentState = {
  documentId: null,
  ople: null,
  deliverable: null,
  versionKind: null,
  title: null,
  status: 'EXPECTED',
  ballInCourt: 'OPLE',
  submissions: 0,
  lastOficioNumber: null,
  lastSubmittedOn: null,
  version: 0,
};
