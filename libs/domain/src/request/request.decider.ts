import { findDeliverable } from '../catalogue/deliverables';
import { findOple } from '../catalogue/oples';
import { deadlineAfter, deadlineOn } from '../deadlines/deadline';
import { acknowledgement, escalationToRaise, extension, withAcknowledgement } from '../deadlines/deadline-decisions';
import { closing, endedAs, metBy } from '../deadlines/deadline-outcome';
import { policyWith } from '../deadlines/policy';
import { isOficioNumber, normalizeOficioNumber } from '../oficio/oficio-number';
import { DomainError, assertNever } from '../shared/domain-error';
import { isLocalDate } from '../shared/local-date';
import {
  type RequestCommand,
  type RequestEvent,
  type RequestState,
  initialRequestState,
  isRequestClosed,
} from './request.model';

const invalid = (field: string, reason: string): never => {
  throw new DomainError('INVALID_INPUT', `${field}: ${reason}`, field);
};
const oficio = (field: string, v: unknown) => {
  if (typeof v !== 'string' || !isOficioNumber(v))
    invalid(field, `"${String(v).slice(0, 80)}" no tiene la forma de un número de oficio.`);
};
const date = (field: string, v: unknown) => {
  if (typeof v !== 'string' || !isLocalDate(v))
    invalid(field, `"${String(v).slice(0, 40)}" no es una fecha válida AAAA-MM-DD.`);
};
const text = (field: string, v: unknown, max: number) => {
  if (typeof v !== 'string' || v.trim() === '') invalid(field, 'es obligatorio.');
  if ((v as string).length > max) invalid(field, `no puede exceder ${max} caracteres.`);
};

/** Input checks, field by field; used by the workflow's validators and by `decide`. */
export function validateRequestCommand(command: RequestCommand): void {
  switch (command.type) {
    case 'OpenRequest': {
      const d = command.data;
      if (typeof d.requestId !== 'string' || !d.requestId.startsWith('request:'))
        invalid('requestId', 'debe tener la forma request:<OPLE>:<clave>.');
      if (!findOple(d.ople)) invalid('ople', `"${d.ople}" no es un OPLE conocido.`);
      oficio('oficioNumber', d.oficioNumber);
      date('date', d.date);
      text('subject', d.subject, 2000);
      if (d.deliverable !== undefined && !findDeliverable(d.deliverable))
        invalid('deliverable', 'debe ser un entregable del lineamiento 33 (1 a 34).');
      if (d.dueDate !== undefined) {
        date('dueDate', d.dueDate);
        if (d.dueDate < d.date)
          invalid('dueDate', `el plazo (${d.dueDate}) no puede ser anterior al oficio (${d.date}).`);
      }
      return;
    }
    case 'FulfillRequest':
      oficio('oficioNumber', command.data.oficioNumber);
      date('date', command.data.date);
      if (command.data.by !== 'OPLE' && command.data.by !== 'INE') invalid('by', 'debe ser OPLE o INE.');
      return;
    case 'CancelRequest':
      date('date', command.data.date);
      text('reason', command.data.reason, 1000);
      return;
    case 'ExtendDeadline':
      date('dueDate', command.data.dueDate);
      text('reason', command.data.reason, 1000);
      if (command.data.oficioNumber !== undefined) oficio('oficioNumber', command.data.oficioNumber);
      return;
    case 'RaiseEscalation':
    case 'AcknowledgeEscalation':
      return;
    default:
      assertNever(command, 'command');
  }
}

/** The request decider: same shape as the document's, same escalation rules. */
export function decideRequest(command: RequestCommand, state: RequestState): RequestEvent[] {
  validateRequestCommand(command);
  switch (command.type) {
    case 'OpenRequest': {
      const d = command.data;
      if (state.version > 0) return []; // the same request, recorded again
      const policy = policyWith(d.policy);
      const deadline = d.dueDate
        ? deadlineOn('OPLE', 'REQUEST', d.dueDate)
        : deadlineAfter('OPLE', 'REQUEST', d.date, policy.opleAnswerDays, policy);
      return [
        {
          type: 'RequestOpened',
          data: {
            requestId: d.requestId,
            ople: d.ople,
            oficioNumber: normalizeOficioNumber(d.oficioNumber),
            date: d.date,
            subject: d.subject.trim(),
            deliverable: d.deliverable ?? null,
            explicitDeadline: d.dueDate !== undefined,
            policy,
          },
        },
        { type: 'DeadlineSet', data: { deadline } },
      ];
    }
    case 'FulfillRequest': {
      const number = normalizeOficioNumber(command.data.oficioNumber);
      if (state.fulfilledBy?.oficioNumber === number) return [];
      requireOpen(state);
      return [
        { type: 'RequestFulfilled', data: { ...command.data, oficioNumber: number } },
        { type: 'DeadlineSet', data: { deadline: null } },
      ];
    }
    case 'CancelRequest':
      if (state.status === 'CANCELLED') return [];
      requireOpen(state);
      return [
        { type: 'RequestCancelled', data: { date: command.data.date, reason: command.data.reason.trim() } },
        { type: 'DeadlineSet', data: { deadline: null } },
      ];
    case 'ExtendDeadline': {
      requireOpen(state);
      const d = command.data;
      const extended = extension(state.requestId, state.deadline, {
        ...d,
        oficioNumber: d.oficioNumber ? normalizeOficioNumber(d.oficioNumber) : null,
      });
      return extended ? [{ type: 'DeadlineExtended', data: extended }] : [];
    }
    case 'RaiseEscalation': {
      const raised = escalationToRaise(isRequestClosed(state) ? null : state.deadline, state.escalations, command.data);
      return raised ? [{ type: 'EscalationRaised', data: raised }] : [];
    }
    case 'AcknowledgeEscalation': {
      const ack = acknowledgement(state.escalations, command.data);
      return ack ? [{ type: 'EscalationAcknowledged', data: ack }] : [];
    }
    default:
      return assertNever(command, 'command');
  }
}

function requireOpen(state: RequestState): void {
  if (state.version === 0) throw new DomainError('UNKNOWN_REQUEST', 'La solicitud no está registrada.');
  if (state.status !== 'OPEN') {
    throw new DomainError(
      'REQUEST_CLOSED',
      `La solicitud ${state.oficioNumber} ya está ${state.status === 'FULFILLED' ? 'atendida' : 'cancelada'}.`,
    );
  }
}

export function evolveRequest(state: RequestState, event: RequestEvent): RequestState {
  const next = ((): RequestState => {
    switch (event.type) {
      case 'RequestOpened': {
        const d = event.data;
        return {
          ...state,
          requestId: d.requestId,
          ople: d.ople,
          oficioNumber: d.oficioNumber,
          date: d.date,
          subject: d.subject,
          deliverable: d.deliverable,
          explicitDeadline: d.explicitDeadline,
          policy: d.policy,
        };
      }
      case 'RequestFulfilled': {
        const d = event.data;
        const met = state.deadline ? metBy(state.deadline, d.oficioNumber, d.date) : null;
        return { ...state, status: 'FULFILLED', fulfilledBy: d, ...closing(state, met) };
      }
      case 'RequestCancelled': {
        const cancelled = state.deadline ? endedAs(state.deadline, 'CANCELLED', null, event.data.date) : null;
        return { ...state, status: 'CANCELLED', ...closing(state, cancelled) };
      }
      case 'DeadlineSet':
        return { ...state, deadline: event.data.deadline };
      case 'DeadlineExtended': {
        const d = event.data;
        return { ...state, deadline: d.deadline, ...closing(state, endedAs(d.previous, 'EXTENDED', d.oficioNumber)) };
      }
      case 'EscalationRaised':
        return { ...state, escalations: [...state.escalations, event.data] };
      case 'EscalationAcknowledged':
        return { ...state, escalations: withAcknowledgement(state.escalations, event.data) };
      default:
        return assertNever(event, 'event');
    }
  })();
  return { ...next, version: state.version + 1 };
}

export function foldRequest(events: readonly RequestEvent[], from: RequestState = initialRequestState): RequestState {
  return events.reduce(evolveRequest, from);
}
