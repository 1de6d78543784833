import { evolveDocument } from '../document/document.decider';
import type { DocumentEvent } from '../document/document.events';
import { type DocumentState, initialDocumentState } from '../document/document.state';
import type { IneNoticeRecorded } from '../notice/notice';
import { evolveRequest } from '../request/request.decider';
import { type RequestEvent, type RequestState, initialRequestState } from '../request/request.model';
import { DomainError } from '../shared/domain-error';

/**
 * The kinds of case the log holds, told apart by their stream id's prefix, each with its one way
 * from a stored event to its state: `document:<OPLE>:<key>`, `request:<OPLE>:<key>` and
 * `notice:<OPLE>:<key>`. Every reader (the projection, time travel, the gateway) goes through
 * `readCase` instead of testing prefixes and casting what the log gives back.
 */

/** An event as the log gives it back: a type and its data, not yet known to be a domain event. */
export interface StoredEventLike {
  type: string;
  data: unknown;
}

/** A notice's state: the oficio it records, once recorded. */
export type NoticeState = IneNoticeRecorded['data'] | null;

export interface CaseKind<K extends string, E extends { type: string }, S> {
  kind: K;
  /** The stream id's prefix, with its colon. */
  prefix: `${K}:`;
  initial: S;
  /** One domain event into the state (the domain's own evolve). */
  evolve: (state: S, event: E) => S;
  /** A stored event as this kind's domain event, checked: an unknown type or a malformed datum is an error naming the field. */
  validate: (stored: StoredEventLike) => E;
  /** Stored events → domain events → state, from `from` (the initial state by default). */
  fold: (stored: readonly StoredEventLike[], from?: S) => S;
}

export type DocumentCase = CaseKind<'document', DocumentEvent, DocumentState>;
export type RequestCase = CaseKind<'request', RequestEvent, RequestState>;
export type NoticeCase = CaseKind<'notice', IneNoticeRecorded, NoticeState>;
export type ReadCase = DocumentCase | RequestCase | NoticeCase;
export type CaseKindName = ReadCase['kind'];

/** What a datum must hold; `?` allows it to be absent, `|null` to be null. */
type Shape =
  | 'string'
  | 'number'
  | 'boolean'
  | 'object'
  | 'array'
  | 'string|null'
  | 'number|null'
  | 'object|null'
  | 'string?'
  | 'array?';

type Shapes<E extends { type: string; data: unknown }> = {
  [T in E['type']]: Partial<Record<keyof Extract<E, { type: T }>['data'], Shape>>;
};

/** What every case's opening event fixes. */
const OPENING = { ople: 'string', policy: 'object' } as const;

const DEADLINE_EVENTS = {
  DeadlineSet: { deadline: 'object|null' },
  DeadlineExtended: { previous: 'object', deadline: 'object', reason: 'string' },
  EscalationRaised: { step: 'string', key: 'string', deadline: 'object', recipient: 'string', firedAt: 'string' },
  EscalationAcknowledged: { key: 'string', by: 'string', at: 'string' },
} as const;

const DOCUMENT_EVENTS: Shapes<DocumentEvent> = {
  DocumentOpened: {
    ...OPENING,
    documentId: 'string',
    deliverable: 'number',
    versionKind: 'string',
    title: 'string',
    sourceOficio: 'string|null',
    sourceDate: 'string?',
  },
  DocumentSubmitted: { oficioNumber: 'string', submittedOn: 'string', submission: 'number', references: 'array?' },
  IneAnswerRecorded: {
    oficioNumber: 'string',
    date: 'string',
    outcome: 'string',
    additionalObservations: 'boolean',
    references: 'array?',
    raised: 'array',
    judged: 'array',
  },
  DocumentResolved: { oficioNumber: 'string', date: 'string', resolution: 'string' },
  DocumentWithdrawn: { date: 'string', reason: 'string' },
  ...DEADLINE_EVENTS,
};

const REQUEST_EVENTS: Shapes<RequestEvent> = {
  RequestOpened: {
    ...OPENING,
    requestId: 'string',
    oficioNumber: 'string',
    date: 'string',
    subject: 'string',
    deliverable: 'number|null',
    explicitDeadline: 'boolean',
  },
  RequestFulfilled: { oficioNumber: 'string', date: 'string', by: 'string' },
  RequestCancelled: { date: 'string', reason: 'string' },
  ...DEADLINE_EVENTS,
};

const NOTICE_EVENTS: Shapes<IneNoticeRecorded> = {
  IneNoticeRecorded: {
    noticeId: 'string',
    ople: 'string',
    oficioNumber: 'string',
    date: 'string',
    kind: 'string',
    subject: 'string',
    references: 'array',
  },
};

function fits(value: unknown, shape: Shape): boolean {
  if (shape.endsWith('?') && value === undefined) return true;
  if (shape.endsWith('|null') && value === null) return true;
  const type = shape.replace(/\?|\|null/, '');
  if (type === 'array') return Array.isArray(value);
  if (type === 'object') return typeof value === 'object' && value !== null && !Array.isArray(value);
  return typeof value === type;
}

/** The checked conversion every kind shares: a known type, an object for data, each datum of its shape. */
function validator<E extends { type: string; data: unknown }>(kind: string, shapes: Shapes<E>) {
  const byType = shapes as Record<string, Record<string, Shape>>;
  return (stored: StoredEventLike): E => {
    const shape = Object.hasOwn(byType, stored.type) ? byType[stored.type] : undefined;
    if (!shape) throw new DomainError('INVALID_EVENT', `type: "${stored.type}" no es un evento de ${kind}.`, 'type');
    const data = stored.data as Record<string, unknown>;
    if (typeof data !== 'object' || data === null || Array.isArray(data))
      throw new DomainError('INVALID_EVENT', `data: el evento ${stored.type} no trae un objeto.`, 'data');
    for (const [field, expected] of Object.entries(shape)) {
      if (!fits(data[field], expected))
        throw new DomainError(
          'INVALID_EVENT',
          `data.${field}: en el evento ${stored.type} debe ser ${expected}, no ${JSON.stringify(data[field])?.slice(0, 60)}.`,
          `data.${field}`,
        );
    }
    return { type: stored.type, data } as E;
  };
}

function caseKind<K extends string, E extends { type: string; data: unknown }, S>(
  kind: K,
  initial: S,
  evolve: (state: S, event: E) => S,
  shapes: Shapes<E>,
): CaseKind<K, E, S> {
  const validate = validator<E>(kind, shapes);
  return {
    kind,
    prefix: `${kind}:`,
    initial,
    evolve,
    validate,
    fold: (stored, from = initial) => stored.reduce((state, e) => evolve(state, validate(e)), from),
  };
}

export const DOCUMENT_CASE: DocumentCase = caseKind('document', initialDocumentState, evolveDocument, DOCUMENT_EVENTS);
export const REQUEST_CASE: RequestCase = caseKind('request', initialRequestState, evolveRequest, REQUEST_EVENTS);
export const NOTICE_CASE: NoticeCase = caseKind<'notice', IneNoticeRecorded, NoticeState>(
  'notice',
  null,
  (_, event) => event.data,
  NOTICE_EVENTS,
);

/** Every kind, by name. */
export const CASE_KINDS = { document: DOCUMENT_CASE, request: REQUEST_CASE, notice: NOTICE_CASE } as const;

/** The kind of case a stream holds, by its id's prefix; null for a stream that is no case (a test's, a legacy one). */
export function readCase(streamId: string): ReadCase | null {
  const colon = streamId.indexOf(':');
  const name = colon > 0 ? streamId.slice(0, colon) : '';
  return Object.hasOwn(CASE_KINDS, name) ? CASE_KINDS[name as CaseKindName] : null;
}

/** Whether a stream holds a case of this kind. */
export function isCaseOf(kind: CaseKindName, streamId: string): boolean {
  return streamId.startsWith(CASE_KINDS[kind].prefix);
}
