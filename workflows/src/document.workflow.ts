import { allHandlersFinished, condition, continueAsNew, setHandler, uuid4, workflowInfo } from '@temporalio/workflow';
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
  DEFAULT_POLICY,
  type DocumentCommand,
  type DocumentState,
  type ExpectDocumentData,
  type ExtendDeadlineData,
  type PlannedEscalation,
  type RecordIneAnswerData,
  type SubmitDocumentData,
  type WithdrawDocumentData,
  decide,
  escalationLevel,
  foldDocument,
  initialDocumentState,
  isClosed,
  isOverdue,
  nextEscalation,
  normalizeOficioNumber,
} from '@seguimiento/domain';
import { activities } from './shared/activities';
import { decideOrFail } from './shared/domain-failure';
import { msUntil, nowIso, shouldContinueAsNew } from './shared/history';
import { createSerial } from './shared/serial';

/** How long a workflow started by a command that was then refused waits before it gives up. */
const EMPTY_CASE_GRACE = '1 minute';

/**
 * One workflow per document (`document:<OPLE>:<clave>`). Commands arrive as updates, validated
 * by the pure decider before they are accepted; accepted ones become events, appended to the
 * PostgreSQL event store before the update answers. Between commands the workflow sleeps on a
 * durable timer until the next rung of the current deadline's escalation ladder.
 */
export async function documentWorkflow(input: DocumentWorkflowInput): Promise<DocumentState> {
  let state: DocumentState = input.carried?.state ?? initialDocumentState;
  let lastPosition: string | null = input.carried?.lastPosition ?? null;
  const streamId = workflowInfo().workflowId;
  const serial = createSerial();

  const firedKeys = () => new Set(state.escalations.map((e) => e.key));
  const plan = () => nextEscalation(isClosed(state) ? null : state.deadline, firedKeys(), nowIso(), state.policy ?? DEFAULT_POLICY);

  /** Decides, appends, then folds: the state only moves once the events are safely stored. */
  function apply(command: DocumentCommand): Promise<DocumentUpdateResult> {
    return serial.run(async () => {
      const events = decideOrFail(() => decide(command, state));
      if (events.length === 0) return { state, changed: false, position: lastPosition };
      const oficioNumber = oficioOf(command);
      const occurredAt = nowIso();
      const result = await activities.appendEvents({
        streamId,
        expectedVersion: state.version,
        events: events.map((event) => ({
          eventId: uuid4(),
          event,
          occurredAt,
          metadata: { correlationId: streamId, causationId: `${workflowInfo().runId}:${command.type}`, ...(oficioNumber ? { oficioNumber } : {}) },
        })),
      });
      state = foldDocument(events, state);
      lastPosition = result.lastPosition;
      return { state, changed: true, position: lastPosition };
    });
  }

  /** Update validators: refuse bad or impossible commands before anything is written. */
  const validate = (command: DocumentCommand) => {
    decideOrFail(() => decide(command, state));
  };
  const toExpect = (data: ExpectDocumentData): DocumentCommand => ({ type: 'ExpectDocument', data: { ...data, documentId: streamId } });
  const toSubmit = (data: SubmitDocumentData): DocumentCommand => ({ type: 'SubmitDocument', data: { ...data, documentId: streamId } });
  const toAnswer = (data: RecordIneAnswerData): DocumentCommand => ({
    type: 'RecordIneAnswer',
    data: data.identity ? { ...data, identity: { ...data.identity, documentId: streamId } } : data,
  });
  const toWithdraw = (data: WithdrawDocumentData): DocumentCommand => ({ type: 'WithdrawDocument', data });
  const toExtend = (data: ExtendDeadlineData): DocumentCommand => ({ type: 'ExtendDeadline', data });

  setHandler(expectDocumentUpdate, (d) => apply(toExpect(d)), { validator: (d) => validate(toExpect(d)) });
  setHandler(submitDocumentUpdate, (d) => apply(toSubmit(d)), { validator: (d) => validate(toSubmit(d)) });
  setHandler(recordIneAnswerUpdate, (d) => apply(toAnswer(d)), { validator: (d) => validate(toAnswer(d)) });
  setHandler(withdrawDocumentUpdate, (d) => apply(toWithdraw(d)), { validator: (d) => validate(toWithdraw(d)) });
  setHandler(extendDeadlineUpdate, (d) => apply(toExtend(d)), { validator: (d) => validate(toExtend(d)) });
  setHandler(documentStateQuery, (): DocumentView => {
    const now = nowIso();
    return { state, overdue: isOverdue(state, now), escalationLevel: escalationLevel(state), nextEscalation: plan().next, asOf: now };
  });

  async function escalate(due: PlannedEscalation): Promise<void> {
    const result = await apply({ type: 'RaiseEscalation', data: { step: due.step, dueToFireAt: due.at, now: nowIso() } });
    if (!result.changed) return;
    const fired = state.escalations[state.escalations.length - 1];
    await activities.notifyEscalation({
      key: fired.key,
      streamId,
      ople: state.ople ?? input.ople,
      step: fired.step,
      recipient: fired.recipient,
      deadline: fired.deadline,
      subject: `Entregable ${state.deliverable} (${state.versionKind === 'FINAL' ? 'versión final' : 'proyecto'}): ${state.title}`,
      firedAt: fired.firedAt,
    });
  }

  // A workflow started by a command that was refused has nothing to follow.
  if (state.version === 0 && !(await condition(() => state.version > 0, EMPTY_CASE_GRACE))) {
    await condition(allHandlersFinished);
    return state;
  }

  while (!isClosed(state)) {
    const { due, next } = plan();
    if (due) {
      await escalate(due);
      continue;
    }
    const seen = state.version;
    const changed = () => state.version !== seen || shouldContinueAsNew();
    if (next) await condition(changed, msUntil(next.at));
    else await condition(changed);
    if (shouldContinueAsNew()) {
      await condition(() => serial.idle() && allHandlersFinished());
      await continueAsNew<typeof documentWorkflow>({ ...input, carried: { state, lastPosition } });
    }
  }
  await condition(() => serial.idle() && allHandlersFinished());
  return state;
}

function oficioOf(command: DocumentCommand): string | undefined {
  const data = command.data as { oficioNumber?: string; sourceOficio?: string };
  const number = data.oficioNumber ?? data.sourceOficio;
  return number ? normalizeOficioNumber(number) : undefined;
}
