import type { RequestCommand, RequestState } from './request.model';
import { initialRequestState } from './request.model';
import { decideRequest, foldRequest } from './request.decider';
import { DomainError } from '../shared/domain-error';

const open1221: RequestCommand = {
  type: 'OpenRequest',
  data: {
    requestId: 'request:GRO:ine-utsi-1221-2024',
    ople: 'GRO',
    oficioNumber: 'INE/UTSI/1221/2024',
    date: '2024-02-29',
    subject: 'Estatus de la contratación del servicio de acompañamiento y soporte del PREP',
    dueDate: '2024-03-04',
  },
};

function run(...commands: RequestCommand[]): RequestState {
  return commands.reduce((state, c) => foldRequest(decideRequest(c, state), state), initialRequestState);
}
const rejection = (c: RequestCommand, s: RequestState) => {
  try {
    decideRequest(c, s);
  } catch (e) {
    return e as DomainError;
  }
  throw new Error('expected a rejection');
};

describe('requests', () => {
  it('"a más tardar el 4 de marzo" opens a request due at the end of 4 Mar, Mexico City time', () => {
    const state = run(open1221);
    expect(state).toMatchObject({ status: 'OPEN', explicitDeadline: true, oficioNumber: 'INE/UTSI/1221/2024' });
    expect(state.deadline).toEqual({
      party: 'OPLE',
      kind: 'REQUEST',
      dueDate: '2024-03-04',
      dueAt: '2024-03-05T06:00:00.000Z',
    });
  });

  it('a request without a date gets the policy’s answer period (5 days)', () => {
    const state = run({
      type: 'OpenRequest',
      data: {
        ...open1221.data,
        requestId: 'request:GRO:ine-utsi-1376-2024',
        oficioNumber: 'INE/UTSI/1376/2024',
        date: '2024-03-07',
        dueDate: undefined,
        subject: 'Remitir el instrumento jurídico con el tercero',
        deliverable: 10,
      },
    });
    expect(state).toMatchObject({ explicitDeadline: false, deliverable: 10 });
    expect(state.deadline?.dueDate).toBe('2024-03-12');
  });

  it('is closed by INE receiving what it asked for (1581 closes 1376), once', () => {
    const fulfil: RequestCommand = {
      type: 'FulfillRequest',
      data: { oficioNumber: 'INE/UTSI/1581/2024', date: '2024-03-15', by: 'INE' },
    };
    const state = run(open1221, fulfil);
    expect(state).toMatchObject({
      status: 'FULFILLED',
      deadline: null,
      fulfilledBy: { oficioNumber: 'INE/UTSI/1581/2024', by: 'INE' },
    });
    expect(decideRequest(fulfil, state)).toEqual([]);
    expect(
      rejection(
        { type: 'FulfillRequest', data: { oficioNumber: 'IEPC/GRO/SE/0500/2024', date: '2024-03-16', by: 'OPLE' } },
        state,
      ).code,
    ).toBe('REQUEST_CLOSED');
  });

  it('escalates like a document: each step once, none after it is answered', () => {
    const raise: RequestCommand = {
      type: 'RaiseEscalation',
      data: { step: 'OVERDUE', dueToFireAt: '2024-03-05T06:00:00.000Z', now: '2024-03-05T06:00:00.000Z' },
    };
    const state = run(open1221, raise);
    expect(state.escalations.map((e) => e.key)).toEqual(['REQUEST:OPLE:2024-03-05T06:00:00.000Z:OVERDUE']);
    expect(decideRequest(raise, state)).toEqual([]);
    const answered = run(open1221, {
      type: 'FulfillRequest',
      data: { oficioNumber: 'IEPC/GRO/SE/0500/2024', date: '2024-03-04', by: 'OPLE' },
    });
    expect(
      decideRequest(
        {
          type: 'RaiseEscalation',
          data: { step: 'LEVEL_1', dueToFireAt: '2024-03-06T06:00:00.000Z', now: '2024-03-06T06:00:00.000Z' },
        },
        answered,
      ),
    ).toEqual([]);
  });

  it('extends and cancels, and refuses bad input naming the field', () => {
    const extended = run(open1221, { type: 'ExtendDeadline', data: { dueDate: '2024-03-08', reason: 'Prórroga' } });
    expect(extended.deadline?.dueDate).toBe('2024-03-08');
    expect(
      run(open1221, { type: 'CancelRequest', data: { date: '2024-03-01', reason: 'Atendida en reunión' } }).status,
    ).toBe('CANCELLED');
    expect(
      rejection({ type: 'OpenRequest', data: { ...open1221.data, dueDate: '2024-02-01' } }, initialRequestState),
    ).toMatchObject({ code: 'INVALID_INPUT', field: 'dueDate' });
    expect(
      rejection({ type: 'OpenRequest', data: { ...open1221.data, subject: ' ' } }, initialRequestState),
    ).toMatchObject({ field: 'subject' });
    expect(
      rejection({ type: 'FulfillRequest', data: { oficioNumber: 'x', date: '2024-03-01', by: 'INE' } }, run(open1221)),
    ).toMatchObject({ field: 'oficioNumber' });
    expect(
      rejection(
        { type: 'FulfillRequest', data: { oficioNumber: 'INE/UTSI/1581/2024', date: '2024-03-15', by: 'INE' } },
        initialRequestState,
      ).code,
    ).toBe('UNKNOWN_REQUEST');
  });
});
