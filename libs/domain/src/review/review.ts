import { findDeliverable } from '../catalogue/deliverables';
import { findOple } from '../catalogue/oples';
import type { DocumentVersionKind } from '../document/document.events';
import { DomainError } from '../shared/domain-error';
import { isLocalDate } from '../shared/local-date';

/**
 * The review queue (issue 15, rule 6): what the intake could not record without guessing waits
 * here for a person — the exact text, where it was, why, and what was read of it. An operator
 * resolves it (the oficio is then recorded through the normal doors, with the document,
 * entregable or version they chose) or dismisses it. Each item is a stream of its own,
 * `review:<OPLE>:<hash>`, whose id comes from the OPLE, the source text and the span: ingesting
 * the same text twice queues nothing new.
 */
export type ReviewStatus = 'PENDING' | 'RESOLVED' | 'DISMISSED';
export const REVIEW_STATUSES: readonly ReviewStatus[] = ['PENDING', 'RESOLVED', 'DISMISSED'];

export const REVIEW_STATUS_LABELS: Record<ReviewStatus, string> = {
  PENDING: 'pendiente de revisión',
  RESOLVED: 'resuelta',
  DISMISSED: 'descartada',
};

/** Character offsets into the ingested text (end exclusive). */
export interface ReviewSpan {
  start: number;
  end: number;
}

/** What the intake read of the oficio (the parsed fields, as JSON), and of the item when only one reminder item waits. */
export interface ReviewRead {
  number: string | null;
  date: string | null;
  kind: string | null;
  outcome: string | null;
  additionalObservations: boolean | null;
  references: string[];
  deliverable: number | null;
  deliverables: number[];
  deliverableVersion: DocumentVersionKind | null;
  subject: string | null;
  summary: string | null;
  deadline: string | null;
  meetingAt: string | null;
  items: Array<{
    title: string;
    deliverable: number | null;
    version: DocumentVersionKind | null;
    dueDate: string | null;
  }>;
  /** A reminder's one item left for review (the others were recorded). */
  item?: { title: string; deliverable: number | null; version: DocumentVersionKind | null; dueDate: string | null };
}

export interface ReviewQueuedData {
  reviewId: string;
  ople: string;
  oficioNumber: string | null;
  oficioDate: string | null;
  /** The exact text of the span. */
  text: string;
  span: ReviewSpan;
  reasons: string[];
  read: ReviewRead;
  queuedBy: string;
  queuedAt: string;
}

/** What the operator chose: the document (by id, or by entregable and version) the oficio is recorded on. */
export interface ReviewTarget {
  deliverable: number;
  versionKind: DocumentVersionKind | null;
  documentId: string | null;
  dueDate: string | null;
}

export interface ReviewResolvedData {
  reviewId: string;
  target: ReviewTarget;
  /** The cases the oficio was recorded on. */
  recordedOn: string[];
  note: string | null;
  actor: string;
  at: string;
}

export interface ReviewDismissedData {
  reviewId: string;
  reason: string;
  actor: string;
  at: string;
}

export type ReviewEvent =
  | { type: 'ReviewQueued'; data: ReviewQueuedData }
  | { type: 'ReviewResolved'; data: ReviewResolvedData }
  | { type: 'ReviewDismissed'; data: ReviewDismissedData };

export const REVIEW_EVENT_TYPES: ReadonlyArray<ReviewEvent['type']> = [
  'ReviewQueued',
  'ReviewResolved',
  'ReviewDismissed',
];

/** A review item as its events say it is. */
export interface ReviewItem extends ReviewQueuedData {
  status: ReviewStatus;
  /** The resolution: the target chosen, or "descartado" with the reason. */
  resolution: { target: ReviewTarget | 'descartado'; recordedOn: string[]; note: string | null } | null;
  actor: string | null;
  at: string | null;
}

export const REVIEW_PREFIX = 'review:';

/** Whether a stream is a review item's. */
export function isReviewStream(streamId: string): boolean {
  return streamId.startsWith(REVIEW_PREFIX);
}

/**
 * The item's id: `review:<OPLE>:<digest>`, the digest (hex) computed by the caller from the OPLE,
 * the source text's hash, the span and the part (a reminder's item), so it is the same each time.
 */
export function reviewStreamId(ople: string, digest: string): string {
  if (!/^[A-Z]{3}$/.test(ople))
    throw new DomainError('INVALID_INPUT', `ople: "${ople}" no es una clave de OPLE`, 'ople');
  if (!/^[0-9a-f]{16,64}$/.test(digest)) throw new Error(`reviewStreamId: "${digest}" is not a hex digest`);
  return `${REVIEW_PREFIX}${ople}:${digest}`;
}

/** The OPLE of a review id, or null when it is not one. */
export function opleOfReview(id: string): string | null {
  return /^review:([A-Z]{3}):[0-9a-f]{16,64}$/.exec(id)?.[1] ?? null;
}

/** Folds a review's events (null before it is queued). Unknown events are refused by name. */
export function foldReview(events: ReadonlyArray<{ type: string; data: unknown }>): ReviewItem | null {
  let item: ReviewItem | null = null;
  for (const e of events) {
    switch (e.type) {
      case 'ReviewQueued':
        item = { ...(e.data as ReviewQueuedData), status: 'PENDING', resolution: null, actor: null, at: null };
        break;
      case 'ReviewResolved': {
        const d = e.data as ReviewResolvedData;
        if (item)
          item = {
            ...(item as ReviewItem),
            status: 'RESOLVED',
            resolution: { target: d.target, recordedOn: d.recordedOn, note: d.note },
            actor: d.actor,
            at: d.at,
          };
        break;
      }
      case 'ReviewDismissed': {
        const d = e.data as ReviewDismissedData;
        if (item)
          item = {
            ...(item as ReviewItem),
            status: 'DISMISSED',
            resolution: { target: 'descartado', recordedOn: [], note: d.reason },
            actor: d.actor,
            at: d.at,
          };
        break;
      }
      default:
        throw new DomainError('INVALID_EVENT', `type: "${e.type}" no es un evento de revisión.`, 'type');
    }
  }
  return item;
}

const invalid = (field: string, reason: string): never => {
  throw new DomainError('INVALID_INPUT', `${field}: ${reason}`, field);
};

/** An operator's choice, as given. */
export interface ResolveReviewChoice {
  deliverable: unknown;
  version?: unknown;
  documentId?: unknown;
  dueDate?: unknown;
  note?: unknown;
}

/**
 * The target of a resolution, checked against the item: the entregable (1–34), its version (the
 * one chosen; else the one the oficio said; else FINAL for a single-version entregable; a
 * two-version one without either is refused), a document of the item's OPLE, and, for a
 * reminder's item, its "plazo máximo". Each failure names the input's field.
 */
export function checkResolution(item: ReviewItem, choice: ResolveReviewChoice): ReviewTarget {
  const n = choice.deliverable;
  if (typeof n !== 'number' || !Number.isInteger(n) || !findDeliverable(n))
    invalid('deliverable', `debe ser un entregable del lineamiento 33 (1 a 34), no ${JSON.stringify(n)}`);
  const deliverable = n as number;
  let versionKind: DocumentVersionKind | null = null;
  if (choice.version !== undefined && choice.version !== null) {
    if (choice.version !== 'PROYECTO' && choice.version !== 'FINAL')
      invalid('version', `debe ser PROYECTO o FINAL, no ${JSON.stringify(choice.version)}`);
    versionKind = choice.version as DocumentVersionKind;
  }
  const documentId =
    choice.documentId === undefined || choice.documentId === null ? null : String(choice.documentId).trim();
  if (documentId !== null && !documentId.startsWith(`document:${item.ople}:`))
    invalid('documentId', `"${documentId.slice(0, 80)}" no es un documento del OPLE ${item.ople}`);
  const readItem = item.read.item;
  const said = readItem?.version ?? (item.read.deliverable === deliverable ? item.read.deliverableVersion : null);
  if (!versionKind && !documentId) {
    if (said) versionKind = said;
    else if (!findDeliverable(deliverable)!.twoVersions) versionKind = 'FINAL';
    else
      invalid(
        'version',
        `el entregable ${deliverable} tiene proyecto y versión final y el oficio no dice cuál: indique PROYECTO o FINAL`,
      );
  }
  let dueDate: string | null = null;
  if (choice.dueDate !== undefined && choice.dueDate !== null) {
    if (typeof choice.dueDate !== 'string' || !isLocalDate(choice.dueDate))
      invalid('dueDate', `"${String(choice.dueDate).slice(0, 40)}" no es una fecha válida AAAA-MM-DD`);
    dueDate = choice.dueDate as string;
  }
  if (item.read.kind === 'REMINDER') {
    dueDate = dueDate ?? readItem?.dueDate ?? null;
    if (!dueDate)
      invalid('dueDate', 'es obligatorio: el recordatorio no dice el plazo máximo de este entregable; indíquelo');
  }
  return { deliverable, versionKind, documentId, dueDate };
}

/** Checks a dismissal's reason. */
export function checkDismissal(reason: unknown): string {
  const text = typeof reason === 'string' ? reason.trim() : '';
  if (!text) invalid('reason', 'es obligatorio: diga por qué se descarta');
  if (text.length > 2000) invalid('reason', 'no puede exceder 2000 caracteres');
  return text;
}

/** Checks what the intake queues (a programming error, not an operator's: but never a malformed item in the log). */
export function validateQueued(data: ReviewQueuedData): ReviewQueuedData {
  if (!findOple(data.ople)) invalid('ople', `"${data.ople}" no es un OPLE conocido`);
  if (data.oficioDate !== null && !isLocalDate(data.oficioDate))
    invalid('oficioDate', `"${data.oficioDate}" no es una fecha AAAA-MM-DD`);
  if (!Number.isInteger(data.span.start) || !Number.isInteger(data.span.end) || data.span.end < data.span.start)
    invalid('span', 'debe ir de un carácter a otro posterior');
  if (data.reasons.length === 0) invalid('reasons', 'una revisión dice siempre por qué');
  return data;
}
