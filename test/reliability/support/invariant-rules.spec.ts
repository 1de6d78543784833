import { type CaseSeen, type Recording, exactlyOnce, nothingStuck } from './invariant-rules';

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
