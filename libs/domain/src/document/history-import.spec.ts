import { decideRequest, foldRequest } from '../request/request.decider';
import { type RequestCommand, initialRequestState } from '../request/request.model';
import { given } from '../testing/given-when-then';
import { documentCommands, play } from '../testing/document-play';
import type { DocumentCommand, RecordIneAnswerData } from './document.commands';
import { decideDocument } from './document.decider';
import type { DocumentEvent } from './document.events';

/**
 * Issue 15, rules 7 and 8 in the pure domain: each deadline that stops running says how it ended
 * (met, met late, met as inferred when INE reviews again without a recorded answer of the OPLE,
 * extended, cancelled), and an escalation raised at the end of an import says it was found there.
 */
const e11 = { documentId: 'document:GRO:e11-proyecto', ople: 'GRO', deliverable: 11, versionKind: 'PROYECTO' as const };
const chain = { submission: 'IEPC/GRO/SE/0088/2024', submittedOn: '2024-01-20' };
const { submit, answer } = documentCommands(e11, { ...chain, review: 'INE/UTSI/0451/2024', reviewedOn: '2024-01-29' });
/** "Se tienen por atendidas de manera parcial las observaciones remitidas mediante oficio …". */
const partly = (oficioNumber: string, date: string, cites: string): Partial<RecordIneAnswerData> => ({
  oficioNumber,
  date,
  outcome: 'PARTIALLY_ADDRESSED',
  references: [cites],
});
const eventsOf = (...commands: DocumentCommand[]): DocumentEvent[] => play(...commands).events;

const opleAnswerDue = (dueDate: string) => ({
  party: 'OPLE' as const,
  kind: 'ANSWER' as const,
  dueDate,
  dueAt: new Date(Date.parse(`${dueDate}T06:00:00.000Z`) + 86_400_000).toISOString(),
});

describe('how a deadline ended (issue 15, rule 8)', () => {
  it('given observations with the OPLE, when INE reviews again and no answer of the OPLE was recorded, then the OPLE’s deadline was met as inferred', () => {
    const history = eventsOf(submit(), answer({}));
    const state = given(...history)
      .when(
        answer({ ...partly('INE/UTSI/1121/2024', '2024-02-22', 'INE/UTSI/0451/2024'), additionalObservations: true }),
      )
      .then([
        expect.objectContaining({
          type: 'IneAnswerRecorded',
          data: expect.objectContaining({ submissionInferred: true }),
        }) as unknown as DocumentEvent,
        { type: 'DeadlineSet', data: { deadline: opleAnswerDue('2024-02-27') } },
      ]);
    expect(state.pastDeadlines).toEqual([
      {
        deadline: expect.objectContaining({ party: 'INE', kind: 'REVIEW', dueDate: '2024-01-30' }),
        outcome: 'MET',
        by: 'INE/UTSI/0451/2024',
        on: '2024-01-29',
      },
      { deadline: opleAnswerDue('2024-02-03'), outcome: 'MET_INFERRED', by: null, on: null },
    ]);
    expect(state.rounds.map((r) => [r.submittedBy, r.answeredBy])).toEqual([
      ['IEPC/GRO/SE/0088/2024', 'INE/UTSI/0451/2024'],
      [null, 'INE/UTSI/1121/2024'],
    ]);
  });

  it('given observations with the OPLE, when the OPLE’s answer is recorded after its last day, then its deadline was met late; INE’s review on time was met', () => {
    const history = eventsOf(submit(), answer({}));
    const late = given(...history)
      .when(submit({ oficioNumber: 'IEPC/GRO/SE/0120/2024', submittedOn: '2024-02-05' }))
      .then([
        {
          type: 'DocumentSubmitted',
          data: { oficioNumber: 'IEPC/GRO/SE/0120/2024', submittedOn: '2024-02-05', submission: 2 },
        },
        expect.objectContaining({ type: 'DeadlineSet' }) as unknown as DocumentEvent,
      ]);
    expect(late.pastDeadlines?.map((p) => [p.deadline.party, p.outcome, p.by, p.on])).toEqual([
      ['INE', 'MET', 'INE/UTSI/0451/2024', '2024-01-29'],
      ['OPLE', 'MET_LATE', 'IEPC/GRO/SE/0120/2024', '2024-02-05'],
    ]);
    const onTime = play(submit(), answer({}), submit({ oficioNumber: 'X/1/2024', submittedOn: '2024-02-03' })).state;
    expect(onTime.pastDeadlines?.[1]).toMatchObject({ outcome: 'MET', on: '2024-02-03' });
  });

  it('given an expected deliverable, an extension and a withdrawal end its deadlines as extended and cancelled', () => {
    const expected: DocumentCommand = {
      type: 'ExpectDocument',
      data: { ...e11, dueDate: '2024-04-07', sourceOficio: 'INE/UTSI/1654/2024' },
    };
    const history = eventsOf(expected, {
      type: 'ExtendDeadline',
      data: { dueDate: '2024-04-12', reason: 'prórroga', oficioNumber: 'INE/UTSI/1700/2024' },
    });
    const state = given(...history)
      .when({ type: 'WithdrawDocument', data: { date: '2024-04-10', reason: 'sustituido' } })
      .then([
        { type: 'DocumentWithdrawn', data: { date: '2024-04-10', reason: 'sustituido', oficioNumber: null } },
        { type: 'DeadlineSet', data: { deadline: null } },
      ]);
    expect(state.pastDeadlines?.map((p) => [p.deadline.dueDate, p.outcome, p.by])).toEqual([
      ['2024-04-07', 'EXTENDED', 'INE/UTSI/1700/2024'],
      ['2024-04-12', 'CANCELLED', null],
    ]);
  });

  it('a request answered after its "a más tardar" was met late', () => {
    const requestId = 'request:GRO:ine-utsi-1221-2024';
    const asked = { oficioNumber: 'INE/UTSI/1221/2024', date: '2024-02-29', dueDate: '2024-03-04' };
    const open: RequestCommand = {
      type: 'OpenRequest',
      data: { requestId, ople: 'GRO', subject: 'Estatus', ...asked },
    };
    const fulfil: RequestCommand = {
      type: 'FulfillRequest',
      data: { oficioNumber: 'IEPC/GRO/SE/0131/2024', date: '2024-03-08', by: 'OPLE' },
    };
    const state = [open, fulfil].reduce((s, c) => foldRequest(decideRequest(c, s), s), initialRequestState);
    expect(state.pastDeadlines).toEqual([
      {
        deadline: expect.objectContaining({ dueDate: '2024-03-04' }),
        outcome: 'MET_LATE',
        by: 'IEPC/GRO/SE/0131/2024',
        on: '2024-03-08',
      },
    ]);
  });
});

describe('an escalation found at the end of an import (issue 15, rule 7)', () => {
  it('given an overdue answer deadline, when the import raises its highest rung, then the escalation says it was found at import', () => {
    const history = eventsOf(submit(), answer({}));
    given(...history)
      .when({
        type: 'RaiseEscalation',
        data: {
          step: 'LEVEL_3',
          dueToFireAt: '2024-02-11T06:00:00.000Z',
          now: '2026-12-01T18:00:00.000Z',
          foundAtImport: true,
        },
      })
      .then([
        {
          type: 'EscalationRaised',
          data: {
            step: 'LEVEL_3',
            key: 'ANSWER:OPLE:2024-02-04T06:00:00.000Z:LEVEL_3',
            deadline: opleAnswerDue('2024-02-03'),
            recipient: 'Comisión',
            dueToFireAt: '2024-02-11T06:00:00.000Z',
            firedAt: '2026-12-01T18:00:00.000Z',
            foundAtImport: true,
          },
        },
      ]);
  });

  it('a live escalation carries no mark', () => {
    const [raised] = decideDocument(
      { type: 'RaiseEscalation', data: { step: 'OVERDUE', dueToFireAt: 'x', now: 'y', foundAtImport: false } },
      play(submit(), answer({})).state,
    );
    expect(raised.data).not.toHaveProperty('foundAtImport');
  });
});
