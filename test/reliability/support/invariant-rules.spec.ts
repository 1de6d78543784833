import {
  type CaseSeen,
  type OutboxRowSeen,
  type Recording,
  exactlyOnce,
  mailExactlyOnce,
  nothingStuck,
} from './invariant-rules';

/** A document's healthy life as the store records it: submitted, observed, answered, resolved. */
const healthy: Recording[] = [
  { streamId: 'document:GRO:a', type: 'DocumentSubmitted', oficioNumber: 'IEPC/GRO/1' },
  { streamId: 'document:GRO:a', type: 'IneAnswerRecorded', oficioNumber: 'INE/UTSI/1' },
  { streamId: 'document:GRO:a', type: 'DocumentSubmitted', oficioNumber: 'IEPC/GRO/2' },
  { streamId: 'document:GRO:a', type: 'IneAnswerRecorded', oficioNumber: 'INE/UTSI/2' },
  // An INE answer that also fulfils a request: one oficio, two kinds of event, two streams.
  { streamId: 'request:GRO:r', type: 'RequestFulfilled', oficioNumber: 'INE/UTSI/2' },
];
const accepted = ['IEPC/GRO/1', 'INE/UTSI/1', 'IEPC/GRO/2', 'INE/UTSI/2'];

describe('invariant 1: every accepted oficio recorded exactly once', () => {
  it('holds for a healthy store', () => {
    expect(exactlyOnce(accepted, healthy)).toEqual({ violations: [], lost: [], duplicates: 0 });
  });

  it('finds an accepted oficio the store never got', () => {
    const report = exactlyOnce([...accepted, 'INE/UTSI/9'], healthy);
    expect(report.violations).toEqual(['1 accepted oficios are not in the event store: INE/UTSI/9']);
    expect(report.lost).toEqual(['INE/UTSI/9']);
  });

  it('counts a reminder present when it is the source of the deliverables it expects, and only then', () => {
    const reminder = 'INE/UTSI/REC/1';
    expect(exactlyOnce([...accepted, reminder], healthy, [reminder]).lost).toEqual([]);
    expect(exactlyOnce([...accepted, reminder], healthy, ['INE/UTSI/OTRO']).lost).toEqual([reminder]);
  });

  it('finds an oficio recorded twice in one stream', () => {
    const report = exactlyOnce(accepted, [...healthy, healthy[1]]);
    expect(report.violations).toEqual(['1 oficios are recorded more than once: INE/UTSI/1 in document:GRO:a ×2']);
    expect(report.duplicates).toBe(1);
  });

  it('finds an accepted oficio recorded in two streams by the same kind of event', () => {
    const report = exactlyOnce(accepted, [
      ...healthy,
      { streamId: 'document:GRO:b', type: 'IneAnswerRecorded', oficioNumber: 'INE/UTSI/1' },
    ]);
    expect(report.violations).toEqual([
      '1 accepted oficios are recorded in more than one stream: INE/UTSI/1 (IneAnswerRecorded) in document:GRO:a and document:GRO:b',
    ]);
    expect(report.duplicates).toBe(1);
  });
});

describe('invariant 4: nothing stuck', () => {
  const running = (id: string, version: number, change: Partial<CaseSeen> = {}): CaseSeen => ({
    id,
    status: 'RUNNING',
    streamVersion: version,
    workflowTaskAttempt: 1,
    activities: [{ type: 'appendEvents', attempt: 1 }],
    state: { version, waitsOn: 'INE' },
    ...change,
  });
  const cases: CaseSeen[] = [
    running('document:GRO:a', 3),
    running('request:GRO:r', 1, { state: { version: 1, waitsOn: 'OPLE' } }),
    { id: 'document:GRO:b', status: 'COMPLETED', streamVersion: 6 },
  ];
  const open = ['document:GRO:a'];

  it('holds for running, waiting workflows at their streams’ versions and a closed one', () => {
    expect(nothingStuck(cases, open)).toEqual([]);
  });

  it.each<[string, CaseSeen[], string[], string]>([
    [
      'a case without a workflow',
      [...cases, { id: 'document:GRO:c', status: 'NOT_FOUND', streamVersion: 1 }],
      open,
      '1 cases in the event store have no workflow: document:GRO:c',
    ],
    [
      'a workflow task failing',
      [running('document:GRO:a', 3, { workflowTaskAttempt: 4 }), ...cases.slice(1)],
      open,
      'document:GRO:a: its workflow task has failed 3 times',
    ],
    [
      'an activity failing',
      [
        running('document:GRO:a', 3, { activities: [{ type: 'appendEvents', attempt: 2, lastFailure: 'boom' }] }),
        ...cases.slice(1),
      ],
      open,
      'document:GRO:a: activity appendEvents at attempt 2: boom',
    ],
    [
      'a workflow waiting on nobody',
      [running('document:GRO:a', 3, { state: { version: 3, waitsOn: undefined } }), ...cases.slice(1)],
      open,
      'document:GRO:a is running but waits on nobody (undefined)',
    ],
    [
      'a workflow behind its stream',
      [running('document:GRO:a', 4, { state: { version: 3, waitsOn: 'INE' } }), ...cases.slice(1)],
      open,
      'document:GRO:a: the workflow is at version 3, its stream at 4',
    ],
    [
      'a workflow that does not answer',
      [running('document:GRO:a', 3, { state: { error: 'timed out' } }), ...cases.slice(1)],
      open,
      'document:GRO:a does not answer its state query: timed out',
    ],
    [
      'an open document whose workflow has ended',
      cases,
      [...open, 'document:GRO:b'],
      '1 open documents have no running workflow: document:GRO:b',
    ],
  ])('finds %s', (_what, seen, openDocuments, violation) => {
    expect(nothingStuck(seen, openDocuments)).toEqual([violation]);
  });
});

describe('the mail invariant: every outbox message delivered once, by its Message-ID', () => {
  // Three messages: an escalation to UTSI, a deadline to GRO, and a reminder's two items in one message.
  const outbox: OutboxRowSeen[] = [
    { causeKey: 'e1:utsi@example.org', status: 'SENT', messageId: '<a@seguimiento.prep>' },
    { causeKey: 'e2:prep.gro@example.org', status: 'SENT', messageId: '<b@seguimiento.prep>' },
    { causeKey: 'e3:items:st.gro@example.org', status: 'SENT', messageId: '<c@seguimiento.prep>' },
    { causeKey: 'e4:items:st.gro@example.org', status: 'SENT', messageId: '<c@seguimiento.prep>' },
  ];
  const once = ['<a@seguimiento.prep>', '<b@seguimiento.prep>', '<c@seguimiento.prep>'].map((messageId) => ({
    messageId,
  }));

  it('holds when each message reached the server once', () => {
    expect(mailExactlyOnce(outbox, once)).toEqual({
      violations: [],
      expected: 3,
      delivered: 3,
      lost: [],
      duplicated: 0,
      resentInDoubt: 0,
    });
  });

  it('finds a message marked SENT that the server never got', () => {
    const report = mailExactlyOnce(outbox, once.slice(1));
    expect(report.violations).toEqual(['1 messages marked SENT never reached the server: <a@seguimiento.prep>']);
    expect(report).toMatchObject({ lost: ['<a@seguimiento.prep>'], delivered: 2 });
  });

  it('finds a message still waiting in the outbox', () => {
    const report = mailExactlyOnce(
      [...outbox, { causeKey: 'e5:utsi@example.org', status: 'PENDING', messageId: null }],
      once,
    );
    expect(report.violations).toEqual(['1 messages are not SENT: pendiente:e5:utsi@example.org (PENDING)']);
    expect(report).toMatchObject({ expected: 4, delivered: 3, lost: ['pendiente:e5:utsi@example.org'] });
  });

  it('finds a message received twice that no fault put in doubt', () => {
    const report = mailExactlyOnce(outbox, [...once, { messageId: '<b@seguimiento.prep>' }]);
    expect(report.violations).toEqual(['1 messages reached the server more than once: <b@seguimiento.prep> ×2']);
    expect(report).toMatchObject({ duplicated: 1, resentInDoubt: 0 });
  });

  it('counts, and explains, one re-send of the message whose transaction a fault cut', () => {
    const report = mailExactlyOnce(outbox, [...once, { messageId: '<b@seguimiento.prep>' }], ['<b@seguimiento.prep>']);
    expect(report).toEqual({ violations: [], expected: 3, delivered: 3, lost: [], duplicated: 1, resentInDoubt: 1 });
  });

  it('does not explain a message in doubt received three times', () => {
    const b = { messageId: '<b@seguimiento.prep>' };
    const report = mailExactlyOnce(outbox, [...once, b, b], ['<b@seguimiento.prep>']);
    expect(report.violations).toEqual(['1 messages reached the server more than once: <b@seguimiento.prep> ×3']);
    expect(report).toMatchObject({ duplicated: 2, resentInDoubt: 0 });
  });

  it('finds the same cause sent again under another Message-ID', () => {
    const report = mailExactlyOnce(outbox, [...once, { messageId: '<otro@seguimiento.prep>' }]);
    expect(report.violations).toEqual([
      '1 messages reached the server that no outbox row was sent as: <otro@seguimiento.prep> ×1',
    ]);
    expect(report.duplicated).toBe(1);
  });

  it('refuses to hold over an outbox with nothing in it', () => {
    expect(mailExactlyOnce([], []).violations).toEqual(['the outbox holds no message: nothing was there to deliver']);
  });
});
