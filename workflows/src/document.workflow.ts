import { continueAsNew, patched, setHandler } from '@temporalio/workflow';
import {
  type DocumentUpdateResult,
  type DocumentView,
  type DocumentWorkflowInput,
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
  CURRENT_DOCUMENT_RULES,
  decideDocument,
  escalationLevel,
  foldDocument,
  initialDocumentState,
  isDocumentClosed,
  isOverdue,
} from '@seguimiento/domain';
import { type CaseDefinition, createCase } from './shared/followed-case';
import { EMPTY_CASE_GRACE_MS, nowIso } from './shared/history';

/**
 * Patch (issue 15, rule 1): an INE answer addressing the latest oficio, none additional, used to
 * leave earlier rounds' remnants open; it now resolves the document. INE answers replayed from
 * older histories decide as they did.
 */
const LATEST_ROUND_SPEAKS = 'latest-round-speaks-for-earlier';

function decideInWorkflow(command: DocumentCommand, state: DocumentState, applying: boolean): DocumentEvent[] {
  if (!applying || command.type !== 'RecordIneAnswer') return decideDocument(command, state);
  return decideDocument(command, state, {
    ...CURRENT_DOCUMENT_RULES,
    latestRoundSpeaksForEarlier: patched(LATEST_ROUND_SPEAKS),
  });
}

const documentCase: CaseDefinition<DocumentCommand, DocumentEvent, DocumentState> = {
  decide: decideInWorkflow,
  fold: (events, state) => foldDocument(events, state),
  closed: isDocumentClosed,
  raise: (data) => ({ type: 'RaiseEscalation', data }),
  acknowledge: (data) => ({ type: 'AcknowledgeEscalation', data }),
  subject: (s) =>
    `Entregable ${s.deliverable} (${s.versionKind === 'FINAL' ? 'versión final' : 'proyecto'}): ${s.title}`,
};

/**
 * One workflow per document (`document:<OPLE>:<clave>`): submission → INE's answer → rounds of
 * observations → resolved, or expected before any submission. Commands arrive as updates,
 * validated by the pure decider before they are accepted.
 */
export async function documentWorkflow(input: DocumentWorkflowInput): Promise<DocumentState> {
  const c = createCase(
    documentCase,
    input.carried?.state ?? initialDocumentState,
    input.carried?.lastPosition ?? null,
    input.historyLimit,
    input.carried?.importHold,
  );
  const id = c.streamId;

  const toExpect = (data: ExpectDocumentData): DocumentCommand => ({
    type: 'ExpectDocument',
    data: { ...data, documentId: id },
  });
  const toSubmit = (data: SubmitDocumentData): DocumentCommand => ({
    type: 'SubmitDocument',
    data: { ...data, documentId: id },
  });
  const toAnswer = (data: RecordIneAnswerData): DocumentCommand => ({
    type: 'RecordIneAnswer',
    data: data.identity ? { ...data, identity: { ...data.identity, documentId: id } } : data,
  });
  const toWithdraw = (data: WithdrawDocumentData): DocumentCommand => ({ type: 'WithdrawDocument', data });
  const toExtend = (data: ExtendDeadlineData): DocumentCommand => ({ type: 'ExtendDeadline', data });
  const asIs = (result: DocumentUpdateResult) => result;

  c.on(expectDocumentUpdate, toExpect, asIs);
  c.on(submitDocumentUpdate, toSubmit, asIs);
  c.on(recordIneAnswerUpdate, toAnswer, asIs);
  c.on(withdrawDocumentUpdate, toWithdraw, asIs);
  c.on(extendDeadlineUpdate, toExtend, asIs);
  setHandler(documentStateQuery, (): DocumentView => {
    const state = c.state();
    const now = nowIso();
    return {
      state,
      overdue: isOverdue(state, now),
      escalationLevel: escalationLevel(state),
      nextEscalation: c.plan().next,
      asOf: now,
    };
  });

  await c.follow(
    (state, lastPosition, importHold) =>
      continueAsNew<typeof documentWorkflow>({ ...input, carried: { state, lastPosition, importHold } }),
    EMPTY_CASE_GRACE_MS,
  );
  return c.state();
}
