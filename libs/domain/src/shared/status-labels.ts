import type { DocumentStatus } from '../document/document.state';

/** A document's status as the commission's staff say it, for the report and the CLI. */
export const DOCUMENT_STATUS_LABELS: Record<DocumentStatus, string> = {
  EXPECTED: 'esperado (aún no remitido)',
  UNDER_REVIEW: 'en revisión del INE',
  OBSERVED: 'con observaciones',
  RESOLVED: 'resuelto',
  WITHDRAWN: 'retirado',
};
