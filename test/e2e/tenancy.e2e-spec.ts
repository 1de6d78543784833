import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { DEFAULT_POLICY, addCountedDays, localDateOf } from '@seguimiento/domain';
import { type TestStack, startTestStack } from '../support/test-stack';
import { waitFor } from '../support/wait-for';

/**
 * Tenancy, list by list: a user of one OPLE asks every list with every combination of its
 * filters, against data of two OPLEs, and must get exactly what INE gets when it asks for that
 * OPLE alone — never a row of the other. A probe found `escalations(open: false)` answering a
 * GRO supervisor with MEX's escalations (an OR without parentheses); this file tries the class.
 */
type Vars = Record<string, unknown>;
type Answer = {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
};

/** Every combination of the given values (undefined: the argument is left out). */
function combinations(dimensions: Record<string, unknown[]>): Vars[] {
  return Object.entries(dimensions).reduce<Vars[]>(
    (acc, [name, values]) =>
      acc.flatMap((combo) => values.map((value) => (value === undefined ? combo : { ...combo, [name]: value }))),
    [{}],
  );
}

/** Every `ople` value found anywhere in an answer. */
function oplesIn(value: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) oplesIn(v, found);
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (key === 'ople' && typeof v === 'string') found.add(v);
      else if ((key === 'id' || key === 'streamId') && typeof v === 'string' && /^(document|request|notice):/.test(v))
        found.add(v.split(':')[1]);
      else oplesIn(v, found);
    }
  }
  return found;
}

const DOCUMENTS = `query($filter: DocumentsFilter, $first: Int, $after: String, $orderBy: DocumentOrder, $asOf: String) {
  documents(filter: $filter, first: $first, after: $after, orderBy: $orderBy, asOf: $asOf) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { id ople status ballInCourt escalationLevel escalations { step } } }
  } }`;

describe('tenancy: every list, every combination of its filters, as a user of one OPLE', () => {
  let stack: TestStack;
  let gro: string;
  const today = localDateOf(new Date());
  const tomorrow = addCountedDays(today, 1, DEFAULT_POLICY);
  const in3 = addCountedDays(today, 3, DEFAULT_POLICY);
  const oficios = { GRO: 'IEPC/GRO/SE', MEX: 'IEEM/SE' } as const;
  const ineNumber = (ople: 'GRO' | 'MEX', n: number) => `INE/UTSI/${ople === 'GRO' ? 2000 + n : 3000 + n}/2024`;
  const asIne = (query: string, variables: Vars) => stack.gql(query, variables) as Promise<Answer>;
  const asGro = (query: string, variables: Vars) => stack.gqlAs(gro, query, variables) as Promise<Answer>;

  /** The same story for each OPLE: under review, observed, resolved, withdrawn, expected, an open and a fulfilled overdue request, a notice. */
  async function story(ople: 'GRO' | 'MEX'): Promise<void> {
    const run = async (mutation: string, input: Vars) => {
      const answer = await stack.gql(
        `mutation($input: ${mutation[0].toUpperCase()}${mutation.slice(1)}Input!) { ${mutation}(input: $input) { __typename } }`,
        { input },
      );
      if (answer.errors) throw new Error(`${mutation} ${JSON.stringify(input)}: ${JSON.stringify(answer.errors)}`);
    };
    const own = (n: number) => `${oficios[ople]}/${100 + n}/2024`;
    await run('submitDocument', {
      ople,
      deliverable: 6,
      versionKind: 'PROYECTO',
      oficioNumber: own(1),
      submittedOn: today,
    });
    await run('submitDocument', {
      ople,
      deliverable: 11,
      versionKind: 'PROYECTO',
      oficioNumber: own(2),
      submittedOn: today,
    });
    await run('recordIneOficio', {
      ople,
      oficioNumber: ineNumber(ople, 1),
      date: today,
      outcome: 'OBSERVATIONS',
      documentId: `document:${ople}:e11-proyecto`,
    });
    // Entregable 15: observations addressed with additional ones, then addressed: resolved.
    await run('recordIneOficio', {
      ople,
      oficioNumber: ineNumber(ople, 2),
      date: '2024-02-24',
      outcome: 'ADDRESSED',
      additionalObservations: true,
      references: [ineNumber(ople, 9)],
      deliverable: 15,
      versionKind: 'PROYECTO',
    });
    await run('recordIneOficio', {
      ople,
      oficioNumber: ineNumber(ople, 7),
      date: '2024-03-06',
      outcome: 'ADDRESSED',
      references: [ineNumber(ople, 9), ineNumber(ople, 2)],
    });
    await run('submitDocument', {
      ople,
      deliverable: 7,
      versionKind: 'PROYECTO',
      oficioNumber: own(4),
      submittedOn: '2024-02-20',
    });
    await run('withdrawDocument', {
      documentId: `document:${ople}:e7-proyecto`,
      date: '2024-02-21',
      reason: 'Se sustituye',
    });
    await run('recordIneReminder', {
      ople,
      oficioNumber: ineNumber(ople, 3),
      date: today,
      items: [{ deliverable: 16, versionKind: 'FINAL', dueDate: in3 }],
    });
    await run('recordIneRequest', {
      ople,
      oficioNumber: ineNumber(ople, 4),
      date: '2024-02-29',
      dueDate: '2024-03-04',
      subject: 'Estatus del soporte',
    });
    await run('recordIneRequest', {
      ople,
      oficioNumber: ineNumber(ople, 5),
      date: '2024-02-29',
      dueDate: '2024-03-05',
      subject: 'Plan de continuidad',
    });
    await run('recordIneOficio', {
      ople,
      kind: 'NOTICE',
      oficioNumber: ineNumber(ople, 6),
      date: '2024-03-01',
      subject: 'Aviso de simulacro',
    });
  }

  beforeAll(async () => {
    stack = await startTestStack();
    gro = stack.tokens.issue({ subject: 'supervisor@iepc-gro', role: 'SUPERVISOR', institution: 'GRO' });
    await story('GRO');
    await story('MEX');
    // Both overdue requests of each OPLE escalate at once (entered long overdue); then one of them is fulfilled,
    // so that its escalation no longer has a running deadline — the case the probe found leaking.
    const escalated = async () =>
      ((await asIne(`{ escalations { streamId } }`, {})).data!.escalations as unknown[]).length;
    await waitFor(async () => (await escalated()) >= 4, 20_000);
    for (const ople of ['GRO', 'MEX'] as const) {
      const requestId = `request:${ople}:${ineNumber(ople, 5).toLowerCase().replace(/\//g, '-')}`;
      const answer = await stack.gql(
        `mutation($input: FulfillRequestInput!) { fulfillRequest(input: $input) { alreadyRecorded } }`,
        {
          input: { requestId, oficioNumber: `${oficios[ople]}/199/2024`, date: '2024-03-06', by: 'OPLE' },
        },
      );
      if (answer.errors) throw new Error(`fulfillRequest ${requestId}: ${JSON.stringify(answer.errors)}`);
    }
    await waitFor(
      async () =>
        ((await asIne(`{ escalations(open: false) { streamId } }`, {})).data!.escalations as unknown[]).length >= 2,
      10_000,
    );
  });
  afterAll(async () => {
    await stack?.stop();
  });

  type Ask = (query: string, variables: Vars) => Promise<Answer>;
  /** How a list is read: one request, or every page of it answered as one. */
  type Read = (ask: Ask, variables: Vars) => Promise<Answer>;
  const once =
    (query: string): Read =>
    (ask, variables) =>
      ask(query, variables);

  /**
   * For each combination: the OPLE user's answer (with `ople` left out, or its own) equals INE's
   * answer for that OPLE alone, and names no other OPLE; asking for the other OPLE is FORBIDDEN.
   * Returns how many rows of its own the OPLE user saw, and how many of MEX's INE saw with no filter,
   * so that the caller can check the combinations were not empty.
   */
  async function compare(
    list: string,
    read: Read,
    combos: Vars[],
    place: (vars: Vars, ople: string | undefined) => Vars,
    rows: (data: Record<string, unknown>) => unknown[],
  ): Promise<{ own: number; mexSeenByIne: number; tried: number }> {
    const mismatches: string[] = [];
    let own = 0;
    let mexSeenByIne = 0;
    for (const combo of combos) {
      const reference = await read(asIne, place(combo, 'GRO'));
      if (reference.errors)
        throw new Error(`${list} ${JSON.stringify(combo)} as INE: ${JSON.stringify(reference.errors)}`);
      const everything = await read(asIne, place(combo, undefined));
      mexSeenByIne += rows(everything.data!).filter((r) => oplesIn(r).has('MEX')).length;
      for (const asked of [undefined, 'GRO']) {
        const answer = await read(asGro, place(combo, asked));
        const label = `${list} ${JSON.stringify(place(combo, asked))}`;
        if (answer.errors) mismatches.push(`${label}: ${JSON.stringify(answer.errors)}`);
        else {
          const others = [...oplesIn(answer.data)].filter((o) => o !== 'GRO');
          if (others.length) mismatches.push(`${label}: shows ${others.join(', ')}`);
          if (JSON.stringify(answer.data) !== JSON.stringify(reference.data))
            mismatches.push(`${label}: differs from INE's answer for GRO`);
          own += rows(answer.data!).length;
        }
      }
      const forbidden = await read(asGro, place(combo, 'MEX'));
      if (forbidden.errors?.[0]?.extensions?.code !== 'FORBIDDEN')
        mismatches.push(`${list} ${JSON.stringify(place(combo, 'MEX'))}: ${JSON.stringify(forbidden).slice(0, 200)}`);
    }
    expect(mismatches).toEqual([]);
    return { own, mexSeenByIne, tried: combos.length };
  }

  it('escalations: every combination of open, asOf and ople', async () => {
    const seen = await compare(
      'escalations',
      once(
        `query($ople: String, $open: Boolean, $asOf: String) { escalations(ople: $ople, open: $open, asOf: $asOf) { streamId key ople step open } }`,
      ),
      combinations({ open: [undefined, true, false], asOf: [undefined, tomorrow, '2024-03-05'] }),
      (vars, ople) => ({ ...vars, ople }),
      (data) => data.escalations as unknown[],
    );
    expect(seen).toMatchObject({ tried: 9 });
    expect(seen.own).toBeGreaterThan(0);
    expect(seen.mexSeenByIne).toBeGreaterThan(0);
  });

  it('escalations(open: false): the closed MEX escalation is there for INE and never for GRO', async () => {
    const closed = await asIne(`{ escalations(open: false) { streamId ople } }`, {});
    const oples = (answer: Answer) => (answer.data!.escalations as Array<{ ople: string }>).map((e) => e.ople);
    expect(new Set(oples(closed))).toEqual(new Set(['GRO', 'MEX']));
    const mine = oples(await asGro(`{ escalations(open: false) { streamId ople } }`, {}));
    expect(mine.length).toBe(oples(closed).filter((o) => o === 'GRO').length);
    expect(new Set(mine)).toEqual(new Set(['GRO']));
  });

  it('documents: every combination of ople, asOf, search, order and overdue; of status and who holds the ball; every page', async () => {
    const pages: Read = async (ask, vars) => {
      // Walks every page (3 per page) and answers them as one list, or the first error.
      const edges: unknown[] = [];
      let after: string | null = null;
      let total: unknown = null;
      for (let page = 0; page < 20; page++) {
        const answer = await ask(DOCUMENTS, { ...vars, first: 3, after });
        if (answer.errors) return answer;
        const documents = answer.data!.documents as {
          totalCount: number;
          pageInfo: { hasNextPage: boolean; endCursor: string };
          edges: unknown[];
        };
        edges.push(...documents.edges);
        total = documents.totalCount;
        if (!documents.pageInfo.hasNextPage) break;
        after = documents.pageInfo.endCursor;
      }
      return { data: { documents: { totalCount: total, edges } } };
    };
    const place = (vars: Vars, ople: string | undefined) => {
      const { orderBy, asOf, ...filter } = vars;
      return { orderBy, asOf, filter: { ...filter, ople } };
    };
    const paged = (combos: Vars[]) =>
      compare('documents', pages, combos, place, (data) => (data.documents as { edges: unknown[] }).edges);
    const first = await paged(
      combinations({
        asOf: [undefined, tomorrow],
        search: [undefined, 'IEEM', 'IEPC', 'e1'],
        orderBy: ['DUE_SOONEST', 'RECENTLY_CHANGED', 'ID'],
        overdue: [undefined, true, false],
      }),
    );
    const second = await paged(
      combinations({
        asOf: [undefined, tomorrow],
        status: [undefined, 'EXPECTED', 'UNDER_REVIEW', 'OBSERVED', 'RESOLVED', 'WITHDRAWN'],
        ballInCourt: [undefined, 'INE', 'OPLE', 'NONE'],
      }),
    );
    const third = await paged(
      combinations({ asOf: [undefined, tomorrow], deliverable: [undefined, 6, 16], dueBefore: [undefined, in3] }),
    );
    expect(first.tried + second.tried + third.tried).toBe(72 + 48 + 12);
    expect(first.own + second.own + third.own).toBeGreaterThan(0);
    expect(first.mexSeenByIne).toBeGreaterThan(0);
  });

  it('obligations: every combination of overdue, dueBefore, asOf and ople', async () => {
    const seen = await compare(
      'obligations',
      once(
        `query($ople: String, $overdue: Boolean, $dueBefore: String, $asOf: String) { obligations(ople: $ople, overdue: $overdue, dueBefore: $dueBefore, asOf: $asOf) { id ople kind dueDate overdue } }`,
      ),
      combinations({ overdue: [undefined, true, false], dueBefore: [undefined, in3], asOf: [undefined, tomorrow] }),
      (vars, ople) => ({ ...vars, ople }),
      (data) => data.obligations as unknown[],
    );
    expect(seen.own).toBeGreaterThan(0);
    expect(seen.mexSeenByIne).toBeGreaterThan(0);
  });

  it('correspondence: every combination of direction, period, asOf and ople', async () => {
    const seen = await compare(
      'correspondence',
      once(`query($ople: String, $direction: String, $from: String, $to: String, $asOf: String) {
        correspondence(ople: $ople, direction: $direction, from: $from, to: $to, asOf: $asOf) { oficioNumber streamId ople direction role cites } }`),
      combinations({
        direction: [undefined, 'IN', 'OUT'],
        from: [undefined, '2024-02-25'],
        to: [undefined, '2024-03-31'],
        asOf: [undefined, '2024-03-01'],
      }),
      (vars, ople) => ({ ...vars, ople }),
      (data) => data.correspondence as unknown[],
    );
    expect(seen.own).toBeGreaterThan(0);
    expect(seen.mexSeenByIne).toBeGreaterThan(0);
  });

  it('dashboard: with and without asOf', async () => {
    const seen = await compare(
      'dashboard',
      once(`query($ople: String, $asOf: String) { dashboard(ople: $ople, asOf: $asOf) {
        byStatus { key count } byBallInCourt { key count } overdueCount oldestOverdue { id } dueNext7Days { id } } }`),
      combinations({ asOf: [undefined, tomorrow, '2024-03-05'] }),
      (vars, ople) => ({ ...vars, ople }),
      (data) => [data.dashboard],
    );
    expect(seen.own).toBe(3 * 2);
    // The dashboard names no OPLE in its rows; INE's unfiltered one counts both OPLEs' documents.
    const all = await asIne(`{ dashboard { overdueCount } }`, {});
    const mine = await asGro(`{ dashboard { overdueCount } }`, {});
    expect((all.data!.dashboard as { overdueCount: number }).overdueCount).toBeGreaterThan(
      (mine.data!.dashboard as { overdueCount: number }).overdueCount,
    );
  });

  it('documentMatrix (the national view): with and without asOf', async () => {
    const seen = await compare(
      'documentMatrix',
      once(`query($ople: String, $asOf: String) { documentMatrix(ople: $ople, asOf: $asOf) {
        ople deliverable versionKind documents status overdue escalationLevel documentId } }`),
      combinations({ asOf: [undefined, tomorrow, '2024-03-05'] }),
      (vars, ople) => ({ ...vars, ople }),
      (data) => data.documentMatrix as unknown[],
    );
    expect(seen.own).toBeGreaterThan(0);
    expect(seen.mexSeenByIne).toBeGreaterThan(0);
  });

  it('oficio: another OPLE’s oficio does not exist for an OPLE user, its own is as INE sees it', async () => {
    for (const n of [1, 2, 3, 4, 5, 6, 7]) {
      const query = `query($n: String!) { oficio(number: $n) { number entries { streamId ople role } cites citedBy } }`;
      const theirs = await asGro(query, { n: ineNumber('MEX', n) });
      expect(theirs.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      const mine = await asGro(query, { n: ineNumber('GRO', n) });
      expect(mine.errors).toBeUndefined();
      expect(mine.data).toEqual((await asIne(query, { n: ineNumber('GRO', n) })).data);
    }
  });

  it('a case of another OPLE cannot be read through an id of another kind (request(id: "document:MEX:…"))', async () => {
    const mexIds = [
      'document:MEX:e6-proyecto',
      `notice:MEX:${ineNumber('MEX', 6).toLowerCase().replace(/\//g, '-')}`,
      `request:MEX:${ineNumber('MEX', 4).toLowerCase().replace(/\//g, '-')}`,
    ];
    const reads = [
      (id: string) => `{ request(id: "${id}") { id ople } }`,
      (id: string) => `{ document(id: "${id}") { id ople } }`,
      (id: string) => `{ notice(id: "${id}") { id ople } }`,
    ];
    const leaks: string[] = [];
    for (const id of mexIds) {
      for (const read of reads) {
        const answer = await asGro(read(id), {});
        const code = answer.errors?.[0]?.extensions?.code;
        if (answer.data || !['BAD_USER_INPUT', 'FORBIDDEN', 'NOT_FOUND'].includes(String(code)))
          leaks.push(`${read(id)}: ${JSON.stringify(answer).slice(0, 160)}`);
      }
    }
    expect(leaks).toEqual([]);
  });

  it('subscriptions without an OPLE argument carry only the user’s own OPLE', async () => {
    const received: string[] = [];
    const client: Client = createClient({
      url: stack.graphqlUrl.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${gro}` },
      retryAttempts: 0,
    });
    try {
      const done = client.subscribe(
        { query: `subscription { documentChanged { id ople } }` },
        { next: (v) => void received.push(JSON.stringify(v)), error: () => undefined, complete: () => undefined },
      );
      await new Promise((r) => setTimeout(r, 500));
      const submit = `mutation($input: SubmitDocumentInput!) { submitDocument(input: $input) { __typename } }`;
      expect(
        (
          await stack.gql(submit, {
            input: {
              ople: 'MEX',
              deliverable: 8,
              versionKind: 'PROYECTO',
              oficioNumber: 'IEEM/SE/150/2024',
              submittedOn: today,
            },
          })
        ).errors,
      ).toBeUndefined();
      expect(
        (
          await stack.gql(submit, {
            input: {
              ople: 'GRO',
              deliverable: 8,
              versionKind: 'PROYECTO',
              oficioNumber: 'IEPC/GRO/SE/150/2024',
              submittedOn: today,
            },
          })
        ).errors,
      ).toBeUndefined();
      await waitFor(() => received.some((r) => r.includes('document:GRO:e8-proyecto')), 10_000);
      expect(received.filter((r) => r.includes('MEX'))).toEqual([]);
      done();
    } finally {
      await client.dispose();
    }
  });
});
