/**
 * Workflow ids are business keys, so that a second submit of the same document reaches the same
 * workflow: `document:<ople>:<documentKey>`, e.g. `document:GRO:e15-proyecto`.
 */
const OPLE_ID = /^[A-Z]{3}$/;
const DOCUMENT_KEY = /^[a-z0-9][a-z0-9._-]{0,99}$/;

export function documentWorkflowId(ople: string, documentKey: string): string {
  if (!OPLE_ID.test(ople)) throw new Error(`ople: "${ople}" must be three capital letters (e.g. GRO)`);
  if (!DOCUMENT_KEY.test(documentKey)) {
    throw new Error(`documentKey: "${documentKey}" must be 1–100 lower-case letters, digits, ".", "_" or "-"`);
  }
  return `document:${ople}:${documentKey}`;
}

export function parseDocumentWorkflowId(id: string): { ople: string; documentKey: string } | null {
  const parsed = parseCaseId(id);
  return parsed?.kind === 'document' ? { ople: parsed.ople, documentKey: parsed.key } : null;
}

/** The default key of a deliverable's document: `e15-proyecto`, `e15-final`. */
export function defaultDocumentKey(deliverable: number, versionKind: 'PROYECTO' | 'FINAL'): string {
  return `e${deliverable}-${versionKind.toLowerCase()}`;
}

/** Requests are keyed by the oficio that makes them: `request:GRO:ine-utsi-1221-2024`. */
export function requestWorkflowId(ople: string, oficioNumber: string): string {
  if (!OPLE_ID.test(ople)) throw new Error(`ople: "${ople}" must be three capital letters (e.g. GRO)`);
  const key = oficioNumber
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  if (!DOCUMENT_KEY.test(key)) throw new Error(`oficioNumber: "${oficioNumber}" cannot key a request`);
  return `request:${ople}:${key}`;
}

/** A followed case's stream (= workflow) id, `document:<OPLE>:<key>` or `request:<OPLE>:<key>`, in parts; null if it is neither. */
export function parseCaseId(id: string): { kind: 'document' | 'request'; ople: string; key: string } | null {
  const m = /^(document|request):([A-Z]{3}):([a-z0-9][a-z0-9._-]{0,99})$/.exec(id);
  return m ? { kind: m[1] as 'document' | 'request', ople: m[2], key: m[3] } : null;
}
