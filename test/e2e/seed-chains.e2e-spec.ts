import { type TestStack, startTestStack } from '../support/test-stack';

/**
 * The seed's chains for entregables 15 and 11 (shared/seed, IEPC Guerrero, Feb–Mar 2024), played
 * through the public GraphQL API as an operator would record them. The OPLE's own oficios are not
 * in the seed: the first links of each chain (0801, 0451) were never recorded either.
 */
const RECORD = `mutation($input: RecordIneOficioInput!) {
  recordIneOficio(input: $input) {
    alreadyRecorded
    document {
      id status ballInCourt resolution openObservations
      rounds { number submittedBy answeredBy outcome additionalObservations }
      observations { id status inferred raisedBy lastJudgedBy }
      deadline { party kind dueDate }
    }
  }
}`;
const SUBMIT = `mutation($input: SubmitDocumentInput!) { submitDocument(input: $input) { document { id status ballInCourt } } }`;

type Change = {
  alreadyRecorded: boolean;
  document: {
    id: string;
    status: string;
    ballInCourt: string;
    resolution: string | null;
    openObservations: number;
    rounds: Array<Record<string, unknown>>;
    observations: Array<Record<string, unknown>>;
    deadline: { party: string; kind: string; dueDate: string } | null;
  };
};

describe('the seed chains through the public API', () => {
  let stack: TestStack;
  const record = async (input: Record<string, unknown>): Promise<Change> => {
    const answer = await stack.gql<{ recordIneOficio: Change }>(RECORD, { input: { ople: 'GRO', ...input } });
    if (answer.errors) throw new Error(JSON.stringify(answer.errors));
    return answer.data!.recordIneOficio;
  };

  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('entregable 15, draft: 0801 → 1147 (addressed + additional) → 1240 (addressed, none additional) = resolved', async () => {
    // The OPLE's draft was sent on 9 Feb (its oficio is recorded by the operator).
    const submitted = await stack.gql(SUBMIT, {
      input: {
        ople: 'GRO',
        deliverable: 15,
        versionKind: 'PROYECTO',
        oficioNumber: 'IEPC/GRO/SE/0101/2024',
        submittedOn: '2024-02-09',
      },
    });
    expect(submitted.errors).toBeUndefined();

    // 1147 cites 0801, never recorded: it is attached as the chain's first link.
    const after1147 = await record({
      oficioNumber: 'INE/UTSI/1147/2024',
      date: '2024-02-24',
      outcome: 'ADDRESSED',
      additionalObservations: true,
      references: ['INE/UTSI/0801/2024'],
      deliverable: 15,
      versionKind: 'PROYECTO',
    });
    expect(after1147.document).toMatchObject({
      id: 'document:GRO:e15-proyecto',
      status: 'OBSERVED',
      ballInCourt: 'OPLE',
      openObservations: 1,
    });
    expect(after1147.document.observations).toEqual([
      {
        id: 'INE/UTSI/0801/2024#1',
        status: 'ADDRESSED',
        inferred: true,
        raisedBy: 'INE/UTSI/0801/2024',
        lastJudgedBy: 'INE/UTSI/1147/2024',
      },
      {
        id: 'INE/UTSI/1147/2024#1',
        status: 'OPEN',
        inferred: false,
        raisedBy: 'INE/UTSI/1147/2024',
        lastJudgedBy: null,
      },
    ]);
    expect(after1147.document.deadline).toEqual({ party: 'OPLE', kind: 'ANSWER', dueDate: '2024-02-29' });

    // 1240 cites 0801 and 1147: routed by its citations alone, no deliverable given.
    const after1240 = await record({
      oficioNumber: 'INE/UTSI/1240/2024',
      date: '2024-03-06',
      outcome: 'ADDRESSED',
      additionalObservations: false,
      references: ['INE/UTSI/0801/2024', 'INE/UTSI/1147/2024'],
    });
    expect(after1240.document).toMatchObject({
      id: 'document:GRO:e15-proyecto',
      status: 'RESOLVED',
      resolution: 'ADDRESSED',
      ballInCourt: 'NONE',
      openObservations: 0,
      deadline: null,
    });
    expect(after1240.document.rounds).toEqual([
      {
        number: 1,
        submittedBy: 'IEPC/GRO/SE/0101/2024',
        answeredBy: 'INE/UTSI/1147/2024',
        outcome: 'ADDRESSED',
        additionalObservations: true,
      },
      {
        number: 2,
        submittedBy: null,
        answeredBy: 'INE/UTSI/1240/2024',
        outcome: 'ADDRESSED',
        additionalObservations: false,
      },
    ]);

    // The resolved document's workflow completed; recording 1240 again is answered from the store.
    const handle = stack.temporal.workflow.getHandle('document:GRO:e15-proyecto');
    expect((await handle.result()).status).toBe('RESOLVED');
    const again = await record({
      oficioNumber: 'INE/UTSI/1240/2024',
      date: '2024-03-06',
      outcome: 'ADDRESSED',
      references: ['INE/UTSI/0801/2024', 'INE/UTSI/1147/2024'],
    });
    expect(again.alreadyRecorded).toBe(true);
  });

  it('entregable 15, final version: 1485 "se tiene por recibido y no se generan observaciones" = accepted', async () => {
    const after1485 = await record({
      oficioNumber: 'INE/UTSI/1485/2024',
      date: '2024-03-13',
      outcome: 'ACCEPTED',
      deliverable: 15,
      versionKind: 'FINAL',
    });
    expect(after1485.document).toMatchObject({
      id: 'document:GRO:e15-final',
      status: 'RESOLVED',
      resolution: 'ACCEPTED',
      ballInCourt: 'NONE',
    });
    expect(after1485.document.rounds).toEqual([
      {
        number: 1,
        submittedBy: null,
        answeredBy: 'INE/UTSI/1485/2024',
        outcome: 'ACCEPTED',
        additionalObservations: false,
      },
    ]);
  });

  it('entregable 11: 0451 → 1121 (partially addressed + additional) = open, ball with the OPLE', async () => {
    const after1121 = await record({
      oficioNumber: 'INE/UTSI/1121/2024',
      date: '2024-02-22',
      outcome: 'PARTIALLY_ADDRESSED',
      additionalObservations: true,
      references: ['INE/UTSI/0451/2024'],
      deliverable: 11,
      versionKind: 'PROYECTO',
    });
    expect(after1121.document).toMatchObject({
      id: 'document:GRO:e11-proyecto',
      status: 'OBSERVED',
      ballInCourt: 'OPLE',
      resolution: null,
      openObservations: 2,
    });
    expect(after1121.document.observations.map((o) => [o.id, o.status])).toEqual([
      ['INE/UTSI/0451/2024#1', 'PARTIALLY_ADDRESSED'],
      ['INE/UTSI/1121/2024#1', 'OPEN'],
    ]);
    expect(after1121.document.deadline).toEqual({ party: 'OPLE', kind: 'ANSWER', dueDate: '2024-02-27' });

    // A later answer citing an oficio of entregable 15 cannot be attached here.
    const wrong = await stack.gql(RECORD, {
      input: {
        ople: 'GRO',
        oficioNumber: 'INE/UTSI/1300/2024',
        date: '2024-03-05',
        outcome: 'ADDRESSED',
        references: ['INE/UTSI/0999/2024'],
        documentId: 'document:GRO:e11-proyecto',
      },
    });
    expect(wrong.errors![0].extensions).toEqual({ code: 'CONFLICT', field: 'references' });
  });
});
