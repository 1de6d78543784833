import type { DocumentCommand } from '../document/document.commands';
import { decideDocument, foldDocument } from '../document/document.decider';
import type { DocumentEvent } from '../document/document.events';
import { type DocumentState, initialDocumentState } from '../document/document.state';
import { noticeStreamId } from '../notice/notice';
import { decideRequest, foldRequest } from '../request/request.decider';
import {
  type RequestCommand,
  type RequestEvent,
  type RequestState,
  initialRequestState,
} from '../request/request.model';
import { DomainError } from '../shared/domain-error';
import { DOCUMENT_CASE, NOTICE_CASE, REQUEST_CASE, isCaseOf, readCase } from './read-case';

const DOCUMENT = 'document:GRO:e15-proyecto';
const REQUEST = 'request:GRO:ine-utsi-1221-2024';
const OPLE_OFICIO = { oficioNumber: 'IEPC/GRO/SE/0101/2024', submittedOn: '2024-02-09' };
const INE_OFICIO = { oficioNumber: 'INE/UTSI/0801/2024', date: '2024-02-15', references: [] };

/** Events as the log gives them back: JSON, no types. */
const stored = (events: ReadonlyArray<{ type: string; data: unknown }>) =>
  events.map((e) => JSON.parse(JSON.stringify({ type: e.type, data: e.data })) as { type: string; data: unknown });

/** The events a decider gives for commands applied one after another, as the workflow does. */
function decided<C, E, S>(decide: (c: C, s: S) => E[], fold: (e: E[], s: S) => S, initial: S, commands: C[]): E[] {
  const events: E[] = [];
  commands.reduce((state, command) => {
    const produced = decide(command, state);
    events.push(...produced);
    return fold(produced, state);
  }, initial);
  return events;
}

const documentEvents = (): DocumentEvent[] =>
  decided<DocumentCommand, DocumentEvent, DocumentState>(decideDocument, foldDocument, initialDocumentState, [
    {
      type: 'SubmitDocument',
      data: { documentId: DOCUMENT, ople: 'GRO', deliverable: 15, versionKind: 'PROYECTO', ...OPLE_OFICIO },
    },
    { type: 'RecordIneAnswer', data: { ...INE_OFICIO, outcome: 'OBSERVATIONS', additionalObservations: false } },
    { type: 'ExtendDeadline', data: { dueDate: '2024-03-08', reason: 'Prórroga' } },
  ]);

const requestEvents = (): RequestEvent[] =>
  decided<RequestCommand, RequestEvent, RequestState>(decideRequest, foldRequest, initialRequestState, [
    {
      type: 'OpenRequest',
      data: {
        requestId: REQUEST,
        ople: 'GRO',
        oficioNumber: 'INE/UTSI/1221/2024',
        date: '2024-02-29',
        subject: 'Estatus',
        dueDate: '2024-03-04',
      },
    },
    { type: 'FulfillRequest', data: { oficioNumber: 'IEPC/GRO/SE/0500/2024', date: '2024-03-04', by: 'OPLE' } },
  ]);

const notice = {
  type: 'IneNoticeRecorded',
  data: {
    noticeId: noticeStreamId('GRO', 'INE/UTSI/1300/2024'),
    ople: 'GRO',
    oficioNumber: 'INE/UTSI/1300/2024',
    date: '2024-03-01',
    kind: 'INVITATION',
    subject: 'Invitación a la reunión de seguimiento',
    meetingAt: '2024-03-12T10:00:00-06:00',
    references: [],
    deliverable: null,
  },
};

const refusal = (act: () => unknown): DomainError => {
  try {
    act();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
};

describe('readCase: the kind of case a stream holds, and its one way from the log to its state', () => {
  it('tells the kinds apart by the stream id, and no case for other streams', () => {
    expect(readCase(DOCUMENT)?.kind).toBe('document');
    expect(readCase(REQUEST)?.kind).toBe('request');
    expect(readCase(noticeStreamId('GRO', 'INE/UTSI/1300/2024'))?.kind).toBe('notice');
    for (const other of ['s-1', 'legado-1', 'documents:GRO:x', 'Document:GRO:x', ':x', '', 'toString:x', '__proto__:x'])
      expect(readCase(other)).toBeNull();
    expect(isCaseOf('document', DOCUMENT)).toBe(true);
    expect(isCaseOf('request', DOCUMENT)).toBe(false);
  });

  it("folds a document's stored events to the state its decider's events fold to", () => {
    const events = documentEvents();
    const kind = readCase(DOCUMENT);
    if (kind?.kind !== 'document') throw new Error('not a document');
    const state = kind.fold(stored(events));
    expect(state).toEqual(foldDocument(events));
    expect(state).toMatchObject({ documentId: DOCUMENT, status: 'OBSERVED', version: events.length });
    // From a state part-way, as the projector does.
    const half = DOCUMENT_CASE.fold(stored(events.slice(0, 2)));
    expect(DOCUMENT_CASE.fold(stored(events.slice(2)), half)).toEqual(state);
  });

  it("folds a request's and a notice's stored events", () => {
    const events = requestEvents();
    expect(REQUEST_CASE.fold(stored(events))).toEqual(foldRequest(events));
    expect(REQUEST_CASE.fold(stored(events)).status).toBe('FULFILLED');
    expect(NOTICE_CASE.fold(stored([notice]))).toEqual(notice.data);
    expect(NOTICE_CASE.initial).toBeNull();
  });

  it('refuses an event of another kind, or one whose data lacks what the fold reads, naming the field', () => {
    const [opened] = stored(documentEvents());
    expect(refusal(() => REQUEST_CASE.validate(opened))).toMatchObject({ code: 'INVALID_EVENT', field: 'type' });
    expect(refusal(() => DOCUMENT_CASE.validate({ type: 'constructor', data: {} })).field).toBe('type');
    expect(refusal(() => DOCUMENT_CASE.validate({ type: 'DocumentOpened', data: null })).field).toBe('data');
    expect(refusal(() => DOCUMENT_CASE.validate({ type: 'DocumentOpened', data: [] })).field).toBe('data');
    const noId = { ...opened, data: { ...(opened.data as object), documentId: 7 } };
    const error = refusal(() => DOCUMENT_CASE.fold([noId]));
    expect(error).toMatchObject({ code: 'INVALID_EVENT', field: 'data.documentId' });
    expect(error.message).toMatch(/^data\.documentId: en el evento DocumentOpened debe ser string/);
    expect(refusal(() => DOCUMENT_CASE.validate({ type: 'DocumentSubmitted', data: { n: 1 } })).field).toBe(
      'data.oficioNumber',
    );
  });

  it('lets optional data be absent and nullable data be null', () => {
    expect(
      DOCUMENT_CASE.validate({
        type: 'DocumentSubmitted',
        data: { oficioNumber: 'IEPC/GRO/SE/0101/2024', submittedOn: '2024-02-09', submission: 1 },
      }).type,
    ).toBe('DocumentSubmitted');
    expect(DOCUMENT_CASE.validate({ type: 'DeadlineSet', data: { deadline: null } }).type).toBe('DeadlineSet');
    expect(refusal(() => DOCUMENT_CASE.validate({ type: 'DeadlineSet', data: {} })).field).toBe('data.deadline');
    const answer = stored(documentEvents()).find((e) => e.type === 'IneAnswerRecorded')!;
    const citing = (references: unknown) => ({ ...answer, data: { ...(answer.data as object), references } });
    expect(refusal(() => DOCUMENT_CASE.validate(citing('INE/UTSI/0801/2024'))).field).toBe('data.references');
    // An answer recorded before its references were kept has none.
    expect(DOCUMENT_CASE.validate(citing(undefined)).type).toBe('IneAnswerRecorded');
  });
});
