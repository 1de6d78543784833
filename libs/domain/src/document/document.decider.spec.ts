import { policyWith } from '../deadlines/policy';
import { documentCommands, play } from '../testing/document-play';
import { given } from '../testing/given-when-then';
import type { DocumentCommand, SubmitDocumentData } from './document.commands';
import { decideDocument, foldDocument } from './document.decider';
import { escalationLevel, openObservations } from './document.state';

const ID = 'document:GRO:e15-proyecto';
const policy = policyWith();
const identity = { documentId: ID, ople: 'GRO', deliverable: 15, versionKind: 'PROYECTO' as const };

const { submit, answer } = documentCommands(identity, {
  submission: 'IEPC/GRO/SE/0101/2024',
  submittedOn: '2024-02-09',
  review: 'INE/UTSI/0801/2024',
  reviewedOn: '2024-02-15',
});

const opened = {
  type: 'DocumentOpened' as const,
  data: {
    ...identity,
    title: 'Instrumento jurídico con el ente auditor y su anexo técnico',
    openedBy: 'SUBMISSION' as const,
    sourceOficio: null,
    policy,
  },
};
const submitted = {
  type: 'DocumentSubmitted' as const,
  data: { oficioNumber: 'IEPC/GRO/SE/0101/2024', submittedOn: '2024-02-09', submission: 1 },
};
const ineClock = {
  type: 'DeadlineSet' as const,
  data: {
    deadline: {
      party: 'INE' as const,
      kind: 'REVIEW' as const,
      dueDate: '2024-02-19',
      dueAt: '2024-02-20T06:00:00.000Z',
    },
  },
};

describe('submit', () => {
  it('given nothing, when the OPLE submits, then the case opens, INE holds the ball and INE has 10 days', () => {
    const state = given().when(submit()).then([opened, submitted, ineClock]);
    expect(state).toMatchObject({ status: 'UNDER_REVIEW', ballInCourt: 'INE', submissions: 1, version: 3 });
    expect(state.rounds).toEqual([
      expect.objectContaining({ number: 1, submittedBy: 'IEPC/GRO/SE/0101/2024', answeredBy: null }),
    ]);
  });

  it('normalises the oficio number and keeps a title given by the operator', () => {
    const { events } = play(submit({ oficioNumber: ' iepc/gro/se/0101/2024 ', title: '  Convenio con la UAGro  ' }));
    expect(events[0].data).toMatchObject({ title: 'Convenio con la UAGro' });
    expect(events[1].data).toMatchObject({ oficioNumber: 'IEPC/GRO/SE/0101/2024' });
  });

  it('given a submission under review, when the OPLE submits another version, then REVIEW_PENDING', () => {
    given(opened, submitted, ineClock)
      .when(submit({ oficioNumber: 'IEPC/GRO/SE/0150/2024' }))
      .thenRejected('REVIEW_PENDING');
  });

  it('given a submission, when the same oficio is recorded again, then nothing happens (idempotent)', () => {
    given(opened, submitted, ineClock).when(submit()).then([]);
  });

  it('given observations, when the OPLE sends a new version, then round 2 opens and INE holds the ball again', () => {
    const { state } = play(
      submit(),
      answer({}),
      submit({ oficioNumber: 'IEPC/GRO/SE/0170/2024', submittedOn: '2024-02-20' }),
    );
    expect(state).toMatchObject({ status: 'UNDER_REVIEW', ballInCourt: 'INE', submissions: 2 });
    expect(state.rounds.map((r) => [r.number, r.submittedBy, r.answeredBy])).toEqual([
      [1, 'IEPC/GRO/SE/0101/2024', 'INE/UTSI/0801/2024'],
      [2, 'IEPC/GRO/SE/0170/2024', null],
    ]);
    expect(state.deadline).toMatchObject({ party: 'INE', kind: 'REVIEW', dueDate: '2024-03-01' });
  });

  it('keeps the INE oficios a new version cites (the observations it answers), normalised', () => {
    const { events } = play(
      submit(),
      answer({}),
      submit({ oficioNumber: 'IEPC/GRO/SE/0170/2024', submittedOn: '2024-02-20', references: ['ine/utsi/0801/2024'] }),
    );
    expect(events.filter((e) => e.type === 'DocumentSubmitted').map((e) => e.data)).toEqual([
      { oficioNumber: 'IEPC/GRO/SE/0101/2024', submittedOn: '2024-02-09', submission: 1 },
      {
        oficioNumber: 'IEPC/GRO/SE/0170/2024',
        submittedOn: '2024-02-20',
        submission: 2,
        references: ['INE/UTSI/0801/2024'],
      },
    ]);
    given()
      .when(submit({ references: ['no es oficio'] }))
      .thenRejected('INVALID_INPUT', 'references[0]');
  });

  it('refuses another deliverable under the same document id', () => {
    given(opened, submitted, ineClock)
      .when(submit({ deliverable: 11, oficioNumber: 'IEPC/GRO/SE/0199/2024' }))
      .thenRejected('REVIEW_PENDING');
    const { state } = play(submit(), answer({}));
    const error = given(...play(submit(), answer({})).events)
      .when(submit({ deliverable: 11, oficioNumber: 'IEPC/GRO/SE/0199/2024' }))
      .thenRejected('IDENTITY_MISMATCH', 'deliverable');
    expect(error.message).toMatch(/entregable 15/);
    expect(state.status).toBe('OBSERVED');
  });

  it.each([
    ['ople', { ople: 'GUERRERO' }],
    ['deliverable', { deliverable: 0 }],
    ['deliverable', { deliverable: 35 }],
    ['deliverable', { deliverable: 1.5 }],
    ['versionKind', { versionKind: 'BORRADOR' as never }],
    ['oficioNumber', { oficioNumber: 'oficio 12' }],
    ['oficioNumber', { oficioNumber: 'INE/UTSI/1121/24' }],
    ['submittedOn', { submittedOn: '2024-02-30' }],
    ['submittedOn', { submittedOn: '09/02/2024' }],
    ['title', { title: 'x'.repeat(501) }],
    ['policy.opleAnswerDays', { policy: { opleAnswerDays: -1 } }],
    ['policy.escalationGraceDays', { policy: { escalationGraceDays: [3, 1, 7] as [number, number, number] } }],
  ])('rejects a bad %s as INVALID_INPUT naming the field', (field, over) => {
    const error = given()
      .when(submit(over as Partial<SubmitDocumentData>))
      .thenRejected('INVALID_INPUT', field);
    expect(error.message.startsWith(`${field}:`)).toBe(true);
  });
});

describe('INE answers', () => {
  it('OBSERVATIONS: a first round of observations, the ball goes to the OPLE with 5 days to answer', () => {
    const { state, events } = play(
      submit(),
      answer({ observations: [{ text: 'Precisar el alcance de la auditoría' }, { text: 'Anexar calendario' }] }),
    );
    expect(events.slice(-2).map((e) => e.type)).toEqual(['IneAnswerRecorded', 'DeadlineSet']);
    expect(state).toMatchObject({ status: 'OBSERVED', ballInCourt: 'OPLE' });
    expect(state.observations.map((o) => [o.id, o.status, o.raisedInRound])).toEqual([
      ['INE/UTSI/0801/2024#1', 'OPEN', 1],
      ['INE/UTSI/0801/2024#2', 'OPEN', 1],
    ]);
    expect(state.deadline).toEqual({
      party: 'OPLE',
      kind: 'ANSWER',
      dueDate: '2024-02-20',
      dueAt: '2024-02-21T06:00:00.000Z',
    });
  });

  it('PARTIALLY_ADDRESSED without additional ones: the cited observations stay open (partially), not resolved', () => {
    const { state } = play(
      submit(),
      answer({}),
      submit({ oficioNumber: 'IEPC/GRO/SE/0170/2024', submittedOn: '2024-02-18' }),
      answer({
        oficioNumber: 'INE/UTSI/1123/2024',
        date: '2024-02-23',
        outcome: 'PARTIALLY_ADDRESSED',
        references: ['INE/UTSI/0801/2024'],
      }),
    );
    expect(state).toMatchObject({ status: 'OBSERVED', ballInCourt: 'OPLE', resolution: null });
    expect(state.observations.map((o) => [o.id, o.status, o.lastJudgedBy])).toEqual([
      ['INE/UTSI/0801/2024#1', 'PARTIALLY_ADDRESSED', 'INE/UTSI/1123/2024'],
    ]);
  });

  it('PARTIALLY_ADDRESSED can say which observations are fully addressed', () => {
    const { state } = play(
      submit(),
      answer({
        observations: [
          { id: 'A', text: 'uno' },
          { id: 'B', text: 'dos' },
        ],
      }),
      answer({
        oficioNumber: 'INE/UTSI/1123/2024',
        date: '2024-02-23',
        outcome: 'PARTIALLY_ADDRESSED',
        references: ['INE/UTSI/0801/2024'],
        addressedObservationIds: ['A'],
      }),
    );
    expect(state.observations.map((o) => [o.id, o.status])).toEqual([
      ['A', 'ADDRESSED'],
      ['B', 'PARTIALLY_ADDRESSED'],
    ]);
    expect(openObservations(state).map((o) => o.id)).toEqual(['B']);
  });

  it('ADDRESSED with additional observations: a new round of observations opens', () => {
    const { state } = play(
      submit(),
      answer({}),
      answer({
        oficioNumber: 'INE/UTSI/1147/2024',
        date: '2024-02-24',
        outcome: 'ADDRESSED',
        additionalObservations: true,
        references: ['INE/UTSI/0801/2024'],
      }),
    );
    expect(state.status).toBe('OBSERVED');
    expect(state.observations.map((o) => [o.id, o.status])).toEqual([
      ['INE/UTSI/0801/2024#1', 'ADDRESSED'],
      ['INE/UTSI/1147/2024#1', 'OPEN'],
    ]);
  });

  it('ADDRESSED of every open observation and none additional: resolved, nobody owes anything', () => {
    const { state, events } = play(
      submit(),
      answer({}),
      answer({
        oficioNumber: 'INE/UTSI/1147/2024',
        date: '2024-02-24',
        outcome: 'ADDRESSED',
        additionalObservations: true,
        references: ['INE/UTSI/0801/2024'],
      }),
      answer({
        oficioNumber: 'INE/UTSI/1240/2024',
        date: '2024-03-06',
        outcome: 'ADDRESSED',
        references: ['INE/UTSI/0801/2024', 'INE/UTSI/1147/2024'],
      }),
    );
    expect(events.slice(-3).map((e) => e.type)).toEqual(['IneAnswerRecorded', 'DocumentResolved', 'DeadlineSet']);
    expect(state).toMatchObject({ status: 'RESOLVED', resolution: 'ADDRESSED', ballInCourt: 'NONE', deadline: null });
    expect(openObservations(state)).toEqual([]);
  });

  it('ADDRESSED of only some rounds leaves the document open', () => {
    const { state } = play(
      submit(),
      answer({}),
      answer({
        oficioNumber: 'INE/UTSI/1147/2024',
        date: '2024-02-24',
        outcome: 'ADDRESSED',
        additionalObservations: true,
        references: ['INE/UTSI/0801/2024'],
      }),
      answer({
        oficioNumber: 'INE/UTSI/1200/2024',
        date: '2024-03-01',
        outcome: 'ADDRESSED',
        references: ['INE/UTSI/0801/2024'],
      }),
    );
    expect(state.status).toBe('OBSERVED');
  });

  it('ACCEPTED ("se tiene por recibido y no se generan observaciones"): resolved as received', () => {
    const { state } = play(
      submit(),
      answer({ oficioNumber: 'INE/UTSI/1485/2024', date: '2024-03-13', outcome: 'ACCEPTED' }),
    );
    expect(state).toMatchObject({ status: 'RESOLVED', resolution: 'ACCEPTED', ballInCourt: 'NONE' });
  });

  it('an answer while the OPLE held the ball means the OPLE answered: the submission is inferred', () => {
    const { state, events } = play(
      submit(),
      answer({}),
      answer({
        oficioNumber: 'INE/UTSI/1147/2024',
        date: '2024-02-24',
        outcome: 'ADDRESSED',
        additionalObservations: true,
        references: ['INE/UTSI/0801/2024'],
      }),
    );
    expect(
      events.find((e) => e.type === 'IneAnswerRecorded' && e.data.oficioNumber === 'INE/UTSI/1147/2024')!.data,
    ).toMatchObject({ submissionInferred: true });
    expect(state.rounds.map((r) => [r.submittedBy, r.answeredBy])).toEqual([
      ['IEPC/GRO/SE/0101/2024', 'INE/UTSI/0801/2024'],
      [null, 'INE/UTSI/1147/2024'],
    ]);
  });

  it('attaches a chain whose first link was never recorded (an answer to 0451 when 0451 is unknown)', () => {
    const { state, events } = play(
      submit({ ...identity, documentId: 'document:GRO:e11-proyecto', deliverable: 11 }),
      answer({
        oficioNumber: 'INE/UTSI/1121/2024',
        date: '2024-02-22',
        outcome: 'PARTIALLY_ADDRESSED',
        additionalObservations: true,
        references: ['INE/UTSI/0451/2024'],
      }),
    );
    expect(events.find((e) => e.type === 'IneAnswerRecorded')!.data).toMatchObject({
      inferredOficios: ['INE/UTSI/0451/2024'],
    });
    expect(state.observations.map((o) => [o.id, o.status, o.inferred])).toEqual([
      ['INE/UTSI/0451/2024#1', 'PARTIALLY_ADDRESSED', true],
      ['INE/UTSI/1121/2024#1', 'OPEN', false],
    ]);
    expect(state).toMatchObject({ status: 'OBSERVED', ballInCourt: 'OPLE' });
    // Recording 0451 itself afterwards changes nothing: it already stands in the chain.
    expect(decideDocument(answer({ oficioNumber: 'INE/UTSI/0451/2024', date: '2024-01-30' }), state)).toEqual([]);
  });

  it('rejects an answer that cites nothing the document knows once INE has answered it (UNKNOWN_REFERENCE)', () => {
    const { events } = play(submit(), answer({}));
    given(...events)
      .when(
        answer({
          oficioNumber: 'INE/UTSI/1999/2024',
          date: '2024-03-01',
          outcome: 'ADDRESSED',
          references: ['INE/UTSI/0999/2024'],
        }),
      )
      .thenRejected('UNKNOWN_REFERENCE', 'references');
  });

  it('rejects an answer to a resolved document (DOCUMENT_RESOLVED)', () => {
    const { events } = play(
      submit(),
      answer({ oficioNumber: 'INE/UTSI/1485/2024', date: '2024-03-13', outcome: 'ACCEPTED' }),
    );
    given(...events)
      .when(answer({ oficioNumber: 'INE/UTSI/1600/2024', date: '2024-03-20' }))
      .thenRejected('DOCUMENT_RESOLVED');
  });

  it('records the same INE oficio twice as nothing new (idempotent)', () => {
    const { events } = play(submit(), answer({}));
    given(...events)
      .when(answer({}))
      .then([]);
  });

  it('opens the case from an INE answer when the document was never recorded, if told what it is', () => {
    given()
      .when(answer({ oficioNumber: 'INE/UTSI/1485/2024', date: '2024-03-13', outcome: 'ACCEPTED' }))
      .thenRejected('UNKNOWN_DOCUMENT', 'identity');
    const { state } = play(
      answer({
        oficioNumber: 'INE/UTSI/1485/2024',
        date: '2024-03-13',
        outcome: 'ACCEPTED',
        identity: { ...identity, documentId: 'document:GRO:e15-final', versionKind: 'FINAL' },
      }),
    );
    expect(state).toMatchObject({ status: 'RESOLVED', resolution: 'ACCEPTED', versionKind: 'FINAL' });
    expect(state.rounds).toEqual([
      expect.objectContaining({ submittedBy: null, answeredBy: 'INE/UTSI/1485/2024', outcome: 'ACCEPTED' }),
    ]);
  });

  it.each([
    ['outcome', { outcome: 'MAYBE' as never }],
    ['date', { date: '2024-13-01' }],
    ['oficioNumber', { oficioNumber: 'UTSI-1121' }],
    ['references[0]', { outcome: 'ADDRESSED' as const, references: ['0801'] }],
    ['references', { outcome: 'ADDRESSED' as const, references: [] }],
    ['additionalObservations', { outcome: 'ACCEPTED' as const, additionalObservations: true }],
    [
      'observations',
      { outcome: 'ADDRESSED' as const, references: ['INE/UTSI/0801/2024'], observations: [{ text: 'x' }] },
    ],
    [
      'addressedObservationIds',
      { outcome: 'ADDRESSED' as const, references: ['INE/UTSI/0801/2024'], addressedObservationIds: ['x'] },
    ],
  ])('rejects a bad %s as INVALID_INPUT naming the field', (field, over) => {
    const { events } = play(submit(), answer({}));
    given(...events)
      .when(answer({ oficioNumber: 'INE/UTSI/1300/2024', date: '2024-03-01', ...over }))
      .thenRejected('INVALID_INPUT', field);
  });
});

describe('the latest round speaks for the earlier ones (issue 15, rule 1)', () => {
  // 0451 observations → the OPLE answers → 1121 "atendidas de manera parcial … y se generan
  // observaciones adicionales" → the OPLE answers 1121: INE now judges the latest round.
  const history = play(
    submit(),
    answer({ oficioNumber: 'INE/UTSI/0451/2024', date: '2024-01-26' }),
    submit({ oficioNumber: 'IEPC/GRO/SE/0120/2024', submittedOn: '2024-02-02', references: ['INE/UTSI/0451/2024'] }),
    answer({
      oficioNumber: 'INE/UTSI/1121/2024',
      date: '2024-02-22',
      outcome: 'PARTIALLY_ADDRESSED',
      additionalObservations: true,
      references: ['INE/UTSI/0451/2024'],
    }),
    submit({ oficioNumber: 'IEPC/GRO/SE/0150/2024', submittedOn: '2024-02-27', references: ['INE/UTSI/1121/2024'] }),
  ).events;
  const recorded = {
    oficioNumber: 'INE/UTSI/1300/2024',
    date: '2024-03-05',
    outcome: 'ADDRESSED' as const,
    references: ['INE/UTSI/1121/2024'],
    inferredOficios: [],
    submissionInferred: false,
  };

  it('given a partially addressed round, when INE addresses its latest oficio with none additional, then resolved and the remnants closed as carried', () => {
    const state = given(...history)
      .when(
        answer({
          oficioNumber: 'INE/UTSI/1300/2024',
          date: '2024-03-05',
          outcome: 'ADDRESSED',
          references: ['INE/UTSI/1121/2024'],
        }),
      )
      .then([
        {
          type: 'IneAnswerRecorded',
          data: {
            ...recorded,
            additionalObservations: false,
            raised: [],
            judged: [
              { id: 'INE/UTSI/1121/2024#1', from: 'OPEN', to: 'ADDRESSED' },
              { id: 'INE/UTSI/0451/2024#1', from: 'PARTIALLY_ADDRESSED', to: 'ADDRESSED', carried: true },
            ],
          },
        },
        {
          type: 'DocumentResolved',
          data: { oficioNumber: 'INE/UTSI/1300/2024', date: '2024-03-05', resolution: 'ADDRESSED' },
        },
        { type: 'DeadlineSet', data: { deadline: null } },
      ]);
    expect(state).toMatchObject({ status: 'RESOLVED', resolution: 'ADDRESSED', ballInCourt: 'NONE', deadline: null });
    expect(state.observations.map((o) => [o.id, o.status, o.lastJudgedBy, o.carried ?? false])).toEqual([
      ['INE/UTSI/0451/2024#1', 'ADDRESSED', 'INE/UTSI/1300/2024', true],
      ['INE/UTSI/1121/2024#1', 'ADDRESSED', 'INE/UTSI/1300/2024', false],
    ]);
  });

  it('given a partially addressed round with none additional (0797 → 1123), when INE addresses 1123, then resolved', () => {
    const { events } = play(
      submit(),
      answer({ oficioNumber: 'INE/UTSI/0797/2024', date: '2024-02-12' }),
      answer({
        oficioNumber: 'INE/UTSI/1123/2024',
        date: '2024-02-23',
        outcome: 'PARTIALLY_ADDRESSED',
        references: ['INE/UTSI/0797/2024'],
      }),
    );
    const state = given(...events)
      .when(
        answer({
          oficioNumber: 'INE/UTSI/1400/2024',
          date: '2024-03-08',
          outcome: 'ADDRESSED',
          references: ['INE/UTSI/1123/2024'],
        }),
      )
      .then([
        expect.objectContaining({ type: 'IneAnswerRecorded' }),
        {
          type: 'DocumentResolved',
          data: { oficioNumber: 'INE/UTSI/1400/2024', date: '2024-03-08', resolution: 'ADDRESSED' },
        },
        { type: 'DeadlineSet', data: { deadline: null } },
      ]);
    expect(state.observations.map((o) => [o.id, o.status, o.carried ?? false])).toEqual([
      ['INE/UTSI/0797/2024#1', 'ADDRESSED', true],
    ]);
  });

  it('given the same rounds, when INE addresses the latest oficio but generates additional ones, then a new round opens with an OPLE deadline', () => {
    const state = given(...history)
      .when(
        answer({
          oficioNumber: 'INE/UTSI/1300/2024',
          date: '2024-03-05',
          outcome: 'ADDRESSED',
          additionalObservations: true,
          references: ['INE/UTSI/1121/2024'],
        }),
      )
      .then([
        {
          type: 'IneAnswerRecorded',
          data: {
            ...recorded,
            additionalObservations: true,
            raised: [
              {
                id: 'INE/UTSI/1300/2024#1',
                text: 'Observaciones remitidas mediante oficio INE/UTSI/1300/2024',
                raisedBy: 'INE/UTSI/1300/2024',
                inferred: false,
              },
            ],
            judged: [{ id: 'INE/UTSI/1121/2024#1', from: 'OPEN', to: 'ADDRESSED' }],
          },
        },
        {
          type: 'DeadlineSet',
          data: {
            deadline: { party: 'OPLE', kind: 'ANSWER', dueDate: '2024-03-10', dueAt: '2024-03-11T06:00:00.000Z' },
          },
        },
      ]);
    expect(state).toMatchObject({ status: 'OBSERVED', ballInCourt: 'OPLE', resolution: null });
    expect(state.observations.map((o) => [o.id, o.status])).toEqual([
      ['INE/UTSI/0451/2024#1', 'PARTIALLY_ADDRESSED'],
      ['INE/UTSI/1121/2024#1', 'ADDRESSED'],
      ['INE/UTSI/1300/2024#1', 'OPEN'],
    ]);
  });

  it('with the rule switched off (a workflow replaying an older history), the remnants stay open as they did', () => {
    const state = foldDocument(history);
    const events = decideDocument(
      answer({
        oficioNumber: 'INE/UTSI/1300/2024',
        date: '2024-03-05',
        outcome: 'ADDRESSED',
        references: ['INE/UTSI/1121/2024'],
      }),
      state,
      {
        latestRoundSpeaksForEarlier: false,
      },
    );
    expect(events.map((e) => e.type)).toEqual(['IneAnswerRecorded', 'DeadlineSet']);
    expect(foldDocument(events, state)).toMatchObject({
      status: 'OBSERVED',
      ballInCourt: 'OPLE',
      deadline: { party: 'OPLE', kind: 'ANSWER' },
    });
  });

  it('an answer that addresses only an earlier round is not the latest round speaking: the document stays open', () => {
    given(...history)
      .when(
        answer({
          oficioNumber: 'INE/UTSI/1300/2024',
          date: '2024-03-05',
          outcome: 'ADDRESSED',
          references: ['INE/UTSI/0451/2024'],
        }),
      )
      .then([
        {
          type: 'IneAnswerRecorded',
          data: {
            ...recorded,
            references: ['INE/UTSI/0451/2024'],
            additionalObservations: false,
            raised: [],
            judged: [{ id: 'INE/UTSI/0451/2024#1', from: 'PARTIALLY_ADDRESSED', to: 'ADDRESSED' }],
          },
        },
        {
          type: 'DeadlineSet',
          data: {
            deadline: { party: 'OPLE', kind: 'ANSWER', dueDate: '2024-03-10', dueAt: '2024-03-11T06:00:00.000Z' },
          },
        },
      ]);
  });
});

describe('expected deliverables, withdrawal and extensions', () => {
  const expect16 = (dueDate = '2024-04-07'): DocumentCommand => ({
    type: 'ExpectDocument',
    data: {
      documentId: 'document:GRO:e16-final',
      ople: 'GRO',
      deliverable: 16,
      versionKind: 'FINAL',
      dueDate,
      sourceOficio: 'INE/UTSI/1654/2024',
    },
  });

  it('an expected deliverable waits for the OPLE with a delivery deadline at the end of its due day', () => {
    const { state } = play(expect16());
    expect(state).toMatchObject({ status: 'EXPECTED', ballInCourt: 'OPLE', sourceOficio: 'INE/UTSI/1654/2024' });
    expect(state.deadline).toEqual({
      party: 'OPLE',
      kind: 'DELIVERY',
      dueDate: '2024-04-07',
      dueAt: '2024-04-08T06:00:00.000Z',
    });
  });

  it('a second reminder with a new date moves the delivery deadline; the same one changes nothing', () => {
    const { events } = play(expect16());
    given(...events)
      .when(expect16())
      .then([]);
    given(...events)
      .when(expect16('2024-04-12'))
      .then([
        {
          type: 'DeadlineSet',
          data: {
            deadline: { party: 'OPLE', kind: 'DELIVERY', dueDate: '2024-04-12', dueAt: '2024-04-13T06:00:00.000Z' },
          },
        },
      ]);
  });

  it('extends a running deadline, refusing to shorten it', () => {
    const { events } = play(expect16());
    const state = given(...events)
      .when({ type: 'ExtendDeadline', data: { dueDate: '2024-04-14', reason: 'Prórroga solicitada por el OPLE' } })
      .then([
        {
          type: 'DeadlineExtended',
          data: {
            previous: { party: 'OPLE', kind: 'DELIVERY', dueDate: '2024-04-07', dueAt: '2024-04-08T06:00:00.000Z' },
            deadline: { party: 'OPLE', kind: 'DELIVERY', dueDate: '2024-04-14', dueAt: '2024-04-15T06:00:00.000Z' },
            reason: 'Prórroga solicitada por el OPLE',
            oficioNumber: null,
          },
        },
      ]);
    expect(state.deadline?.dueDate).toBe('2024-04-14');
    given(...events)
      .when({ type: 'ExtendDeadline', data: { dueDate: '2024-04-01', reason: 'x' } })
      .thenRejected('INVALID_INPUT', 'dueDate');
    given(
      ...play(submit(), answer({ oficioNumber: 'INE/UTSI/1485/2024', date: '2024-03-13', outcome: 'ACCEPTED' })).events,
    )
      .when({ type: 'ExtendDeadline', data: { dueDate: '2024-04-14', reason: 'x' } })
      .thenRejected('DOCUMENT_RESOLVED');
  });

  it('withdraws a document: no more clock, and nothing further is accepted', () => {
    const { state, events } = play(submit(), {
      type: 'WithdrawDocument',
      data: { date: '2024-02-12', reason: 'Se sustituye por otra versión' },
    });
    expect(state).toMatchObject({ status: 'WITHDRAWN', ballInCourt: 'NONE', deadline: null });
    given(...events)
      .when(answer({}))
      .thenRejected('DOCUMENT_WITHDRAWN');
    given(...events)
      .when({ type: 'WithdrawDocument', data: { date: '2024-02-12', reason: 'otra vez' } })
      .then([]);
    given()
      .when({ type: 'WithdrawDocument', data: { date: '2024-02-12', reason: 'x' } })
      .thenRejected('UNKNOWN_DOCUMENT');
    given(...events)
      .when({ type: 'WithdrawDocument', data: { date: '2024-02-12', reason: ' ' } })
      .thenRejected('INVALID_INPUT', 'reason');
  });
});

describe('escalations', () => {
  it('fires each step of a deadline once, and none once the document is closed', () => {
    const { events } = play(submit());
    const raise = (step: 'OVERDUE' | 'LEVEL_1'): DocumentCommand => ({
      type: 'RaiseEscalation',
      data: { step, dueToFireAt: '2024-02-20T06:00:00.000Z', now: '2024-02-20T06:00:01.000Z' },
    });
    const state = given(...events)
      .when(raise('OVERDUE'))
      .then([
        {
          type: 'EscalationRaised',
          data: {
            step: 'OVERDUE',
            key: 'REVIEW:INE:2024-02-20T06:00:00.000Z:OVERDUE',
            deadline: ineClock.data.deadline,
            recipient: 'Parte responsable del plazo',
            dueToFireAt: '2024-02-20T06:00:00.000Z',
            firedAt: '2024-02-20T06:00:01.000Z',
          },
        },
      ]);
    expect(decideDocument(raise('OVERDUE'), state)).toEqual([]);
    const level1 = foldDocument(decideDocument(raise('LEVEL_1'), state), state);
    expect(escalationLevel(level1)).toBe(1);
    const resolved = play(
      submit(),
      answer({ oficioNumber: 'INE/UTSI/1485/2024', date: '2024-03-13', outcome: 'ACCEPTED' }),
    ).state;
    expect(decideDocument(raise('LEVEL_1'), resolved)).toEqual([]);
  });

  it('records who took charge of an escalation, once; an unknown one is refused', () => {
    const raised = foldDocument(
      decideDocument(
        {
          type: 'RaiseEscalation',
          data: { step: 'OVERDUE', dueToFireAt: '2024-02-20T06:00:00.000Z', now: '2024-02-20T06:00:01.000Z' },
        },
        play(submit()).state,
      ),
      play(submit()).state,
    );
    const key = raised.escalations[0].key;
    const ack = {
      type: 'AcknowledgeEscalation' as const,
      data: { key, by: 'secretaria@iepc-gro', now: '2024-02-20T15:00:00.000Z', note: ' Se llamó al área ' },
    };
    const events = decideDocument(ack, raised);
    expect(events).toEqual([
      {
        type: 'EscalationAcknowledged',
        data: { key, by: 'secretaria@iepc-gro', at: '2024-02-20T15:00:00.000Z', note: 'Se llamó al área' },
      },
    ]);
    const acknowledged = foldDocument(events, raised);
    expect(acknowledged.escalations[0]).toMatchObject({
      acknowledgedBy: 'secretaria@iepc-gro',
      acknowledgedAt: '2024-02-20T15:00:00.000Z',
    });
    expect(decideDocument(ack, acknowledged)).toEqual([]);
    given()
      .when({ type: 'AcknowledgeEscalation', data: { key: 'nope', by: 'x', now: '2024-02-20T15:00:00.000Z' } })
      .thenRejected('UNKNOWN_ESCALATION', 'key');
  });
});
