import { continueAsNew, setHandler } from '@temporalio/workflow';
import {
  type RequestView,
  type RequestWorkflowInput,
  acknowledgeEscalationUpdate,
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
import { type CaseDefinition, createCase, splitActor } from './shared/followed-case';
import { EMPTY_CASE_GRACE_MS, nowIso } from './shared/history';

const requestCase: CaseDefinition<RequestCommand, RequestEvent, RequestState> = {
  decide: decideRequest,
  fold: (events, state) => foldRequest(events, state),
  closed: isRequestClosed,
  raise: (data) => ({ type: 'RaiseEscalation', data }),
  subject: (s) => `Solicitud ${s.oficioNumber}: ${s.subject}`,
};

/**
 * One workflow per INE request (`request:<OPLE>:<oficio>`): open until the OPLE answers or INE
 * receives what it asked for; escalates on the same ladder as documents.
 */
export async function requestWorkflow(input: RequestWorkflowInput): Promise<RequestState> {
  const c = createCase(requestCase, input.carried?.state ?? initialRequestState, input.carried?.lastPosition ?? null, input.historyLimit);
  const id = c.streamId;

  const open = (data: Omit<OpenRequestData, 'requestId'>): RequestCommand => ({ type: 'OpenRequest', data: { ...data, requestId: id } });
  setHandler(openRequestUpdate, (d) => c.apply(open(splitActor(d)[0]), splitActor(d)[1]), { validator: (d) => c.validate(open(splitActor(d)[0])) });
  setHandler(fulfillRequestUpdate, (d) => c.apply({ type: 'FulfillRequest', data: splitActor(d)[0] }, splitActor(d)[1]), {
    validator: (d) => c.validate({ type: 'FulfillRequest', data: splitActor(d)[0] }),
  });
  setHandler(cancelRequestUpdate, (d) => c.apply({ type: 'CancelRequest', data: splitActor(d)[0] }, splitActor(d)[1]), {
    validator: (d) => c.validate({ type: 'CancelRequest', data: splitActor(d)[0] }),
  });
  setHandler(extendRequestDeadlineUpdate, (d) => c.apply({ type: 'ExtendDeadline', data: splitActor(d)[0] }, splitActor(d)[1]), {
    validator: (d) => c.validate({ type: 'ExtendDeadline', data: splitActor(d)[0] }),
  });
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
  setHandler(requestStateQuery, (): RequestView => {
    const state = c.state();
    const now = nowIso();
    return { state, overdue: !isRequestClosed(state) && isOverdue({ deadline: state.deadline }, now), nextEscalation: c.plan().next, asOf: now };
  });

  await c.follow(
    (state, lastPosition) => continueAsNew<typeof requestWorkflow>({ ...input, carried: { state, lastPosition } }),
    EMPTY_CASE_GRACE_MS,
  );
  return c.state();
}
