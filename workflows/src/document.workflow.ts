import { continueAsNew, setHandler } from '@temporalio/workflow';
import {
  type DocumentView,
  type DocumentWorkflowInput,
  acknowledgeEscalationUpdate,
  documentStateQuery,
  expectDocumentUpdate,
  extendDeadlineUpdate,
  recordIneAnswerUpdate,
  submitDocumentUpdate,
  withdrawDocumentUpdate,
} from '@seguimiento/contracts';
import {
  type DocumentCommand,
  type DocumentEvent,
  type DocumentState,
  type ExpectDocumentData,
  type ExtendDeadlineData,
  type RecordIneAnswerData,
  type SubmitDocumentData,
  type WithdrawDocumentData,
  decide,
  escalationLevel,
  foldDocument,
  initialDocumentState,
  isClosed,
  isOverdue,
} from '@seguimiento/domain';
import { type CaseDefinition, createCase, splitActor } from './shared/followed-case';
import { EMPTY_CASE_GRACE_MS, nowIso } from './shared/history';

const documentCase: CaseDefinition<DocumentCommand, DocumentEvent, DocumentState> = {
  decide,
  fold: (events, state) => foldDocument(events, state),
  closed: isClosed,
  raise: (data) => ({ type: 'RaiseEscalation', data }),
  subject: (s) => `Entregable ${s.deliverable} (${s.versionKind === 'FINAL' ? 'versión final' : 'proyecto'}): ${s.title}`,
};

/**
 * One workflow per document (`document:<OPLE>:<clave>`): submission → INE's answer → rounds of
 * observations → resolved, or expected before any submission. Commands arrive as updates,
 * validated by the pure decider before they are accepted.
 */
export async function documentWorkflow(input: DocumentWorkflowInput): Promise<DocumentState> {
  const c = createCase(documentCase, input.carried?.state ?? initialDocumentState, input.carried?.lastPosition ?? null, input.historyLimit);
  const id = c.streamId;

  const toExpect = (data: ExpectDocumentData): DocumentCommand => ({ type: 'ExpectDocument', data: { ...data, documentId: id } });
  const toSubmit = (data: SubmitDocumentData): DocumentCommand => ({ type: 'SubmitDocument', data: { ...data, documentId: id } });
  const toAnswer = (data: RecordIneAnswerData): DocumentCommand => ({
    type: 'RecordIneAnswer',
    data: data.identity ? { ...data, identity: { ...data.identity, documentId: id } } : data,
  });
  const toWithdraw = (data: WithdrawDocumentData): DocumentCommand => ({ type: 'WithdrawDocument', data });
  const toExtend = (data: ExtendDeadlineData): DocumentCommand => ({ type: 'ExtendDeadline', data });

  setHandler(expectDocumentUpdate, (d) => c.apply(toExpect(splitActor(d)[0]), splitActor(d)[1]), { validator: (d) => c.validate(toExpect(splitActor(d)[0])) });
  setHandler(submitDocumentUpdate, (d) => c.apply(toSubmit(splitActor(d)[0]), splitActor(d)[1]), { validator: (d) => c.validate(toSubmit(splitActor(d)[0])) });
  setHandler(recordIneAnswerUpdate, (d) => c.apply(toAnswer(splitActor(d)[0]), splitActor(d)[1]), { validator: (d) => c.validate(toAnswer(splitActor(d)[0])) });
  setHandler(withdrawDocumentUpdate, (d) => c.apply(toWithdraw(splitActor(d)[0]), splitActor(d)[1]), { validator: (d) => c.validate(toWithdraw(splitActor(d)[0])) });
  setHandler(extendDeadlineUpdate, (d) => c.apply(toExtend(splitActor(d)[0]), splitActor(d)[1]), { validator: (d) => c.validate(toExtend(splitActor(d)[0])) });
  const toAcknowledge = (d: { key: string; note?: string; actor?: string }) =>
    ({ type: 'AcknowledgeEscalation', data: { key: d.key, note: d.note, by: d.actor ?? 'desconocido', now: nowIso() } }) as const;
  setHandler(
    acknowledgeEscalationUpdate,
    async (d) => {
      const result = await c.apply(toAcknowledge(d), d.actor);
      return { changed: result.changed, position: result.position };
    },
    { validator: (d) => c.validate(toAcknowledge(d)) },
  );
  setHandler(documentStateQuery, (): DocumentView => {
    const state = c.state();
    const now = nowIso();
    return { state, overdue: isOverdue(state, now), escalationLevel: escalationLevel(state), nextEscalation: c.plan().next, asOf: now };
  });

  await c.follow(
    (state, lastPosition) => continueAsNew<typeof documentWorkflow>({ ...input, carried: { state, lastPosition } }),
    EMPTY_CASE_GRACE_MS,
  );
  return c.state();
}
