import { continueAsNew, setHandler } from '@temporalio/workflow';
import {
  type RequestUpdateResult,
  type RequestView,
  type RequestWorkflowInput,
  cancelRequestUpdate,
  extendRequestDeadlineUpdate,
  fulfillRequestUpdate,
  openRequestUpdate,
  requestStateQuery,
} from '@seguimiento/contracts';
import {
  type OpenRequestData,
  type RequestCommand,
  type RequestEvent,
  type RequestState,
  decideRequest,
  foldRequest,
  initialRequestState,
  isOverdue,
  isRequestClosed,
} from '@seguimiento/domain';
import { type CaseDefinition, createCase } from './shared/followed-case';
import { EMPTY_CASE_GRACE_MS, nowIso } from './shared/history';

const requestCase: CaseDefinition<RequestCommand, RequestEvent, RequestState> = {
  decide: decideRequest,
  fold: (events, state) => foldRequest(events, state),
  closed: isRequestClosed,
  raise: (data) => ({ type: 'RaiseEscalation', data }),
  acknowledge: (data) => ({ type: 'AcknowledgeEscalation', data }),
  subject: (s) => `Solicitud ${s.oficioNumber}: ${s.subject}`,
};

/**
 * One workflow per INE request (`request:<OPLE>:<oficio>`): open until the OPLE answers or INE
 * receives what it asked for; escalates on the same ladder as documents.
 */
export async function requestWorkflow(input: RequestWorkflowInput): Promise<RequestState> {
  const c = createCase(
    requestCase,
    input.carried?.state ?? initialRequestState,
    input.carried?.lastPosition ?? null,
    input.historyLimit,
    input.carried?.importHold,
  );
  const id = c.streamId;

  const open = (data: Omit<OpenRequestData, 'requestId'>): RequestCommand => ({
    type: 'OpenRequest',
    data: { ...data, requestId: id },
  });
  const asIs = (result: RequestUpdateResult) => result;

  c.on(openRequestUpdate, open, asIs);
  c.on(fulfillRequestUpdate, (data) => ({ type: 'FulfillRequest', data }), asIs);
  c.on(cancelRequestUpdate, (data) => ({ type: 'CancelRequest', data }), asIs);
  c.on(extendRequestDeadlineUpdate, (data) => ({ type: 'ExtendDeadline', data }), asIs);
  setHandler(requestStateQuery, (): RequestView => {
    const state = c.state();
    const now = nowIso();
    return {
      state,
      overdue: !isRequestClosed(state) && isOverdue({ deadline: state.deadline }, now),
      nextEscalation: c.plan().next,
      asOf: now,
    };
  });

  await c.follow(
    (state, lastPosition, importHold) =>
      continueAsNew<typeof requestWorkflow>({ ...input, carried: { state, lastPosition, importHold } }),
    EMPTY_CASE_GRACE_MS,
  );
  return c.state();
}
