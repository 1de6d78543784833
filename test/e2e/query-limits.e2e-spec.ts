import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { localDateOf } from '@seguimiento/domain';
import { type TestStack, startTestStack } from '../support/test-stack';

/**
 * The limits on one operation, as the probe tried them over HTTP and WebSocket: a negative page
 * size that switched the cost limit off, thousands of aliases, fragment cycles, and arguments
 * (cursors, dates) that reached PostgreSQL and answered 500. Each is refused before anything runs,
 * naming the field, in Spanish.
 */
type Answer = {
  status: number;
  body: { data?: unknown; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };
};

describe('limits on one operation', () => {
  let stack: TestStack;
  const today = localDateOf(new Date());

  const post = async (query: string, variables: Record<string, unknown> = {}): Promise<Answer> => {
    const response = await fetch(stack.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${stack.adminToken}` },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, body: await response.json() };
  };
  const overWebSocket = async (query: string): Promise<Answer['body']> => {
    const client = createClient({
      url: stack.graphqlUrl.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${stack.adminToken}` },
      retryAttempts: 0,
    });
    try {
      return await new Promise((resolve, reject) =>
        client.subscribe(
          { query },
          {
            next: (v) => resolve(v as Answer['body']),
            error: (e) => (Array.isArray(e) ? resolve({ errors: e }) : reject(e)),
            complete: () => undefined,
          },
        ),
      );
    } finally {
      await client.dispose();
    }
  };

  beforeAll(async () => {
    stack = await startTestStack();
    for (const [ople, n] of [
      ['GRO', 1],
      ['GRO', 2],
      ['MEX', 3],
    ] as const) {
      const answer = await stack.gql(
        `mutation($i: SubmitDocumentInput!) { submitDocument(input: $i) { alreadyRecorded } }`,
        {
          i: {
            ople,
            deliverable: 5 + n,
            versionKind: 'PROYECTO',
            oficioNumber: `OF/${ople}/SE/${100 + n}/2024`,
            submittedOn: today,
          },
        },
      );
      expect(answer.errors).toBeUndefined();
    }
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('refuses a negative page size among a hundred costly aliases before any of them runs', async () => {
    const costly = Array.from(
      { length: 100 },
      (_, i) => `a${i}: documents(first: 200, asOf: "${today}") { edges { node { id title live { running } } } }`,
    ).join(' ');
    const spy = jest.spyOn(stack.gatewayDb, 'query');
    try {
      for (const first of [-100_000_000, 0, 201]) {
        const answer = await post(`{ bad: documents(first: ${first}) { totalCount } ${costly} }`);
        expect(answer.status).toBe(400);
        expect(answer.body.data).toBeUndefined();
        expect(answer.body.errors).toEqual([
          {
            message: `first: debe estar entre 1 y 200 (se pidió ${first})`,
            extensions: { code: 'BAD_USER_INPUT', field: 'first' },
          },
        ]);
      }
      // Nothing ran: not one statement from the gateway (but the live feed's, which follows the projector on its own).
      const statements = spy.mock.calls
        .map((c) => String(c[0]).slice(0, 120))
        .filter((sql) => !sql.includes("type = 'EscalationRaised'"));
      expect(statements).toEqual([]);
      const ws = await overWebSocket(`{ bad: documents(first: -100000000) { totalCount } ${costly} }`);
      expect(ws.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
      expect(
        spy.mock.calls
          .map((c) => String(c[0]).slice(0, 120))
          .filter((sql) => !sql.includes("type = 'EscalationRaised'")),
      ).toEqual([]);
    } finally {
      spy.mockRestore();
    }
  });

  it('counts what costs: three reports as PDF, or two pages of 200 with their live state, are too much', async () => {
    const report = (alias: string) =>
      `${alias}: correspondenceReport(ople: "GRO", from: "2024-03-01", to: "2024-03-31", format: PDF) { fileName }`;
    expect((await post(`{ ${report('a')} }`)).body.errors).toBeUndefined();
    const reports = await post(`{ ${['a', 'b', 'c'].map(report).join(' ')} }`);
    expect(reports.status).toBe(400);
    expect(reports.body.errors![0].message).toMatch(/demasiado costosa/);
    const live = await post(
      `{ a: documents(first: 200) { edges { node { id live { running } } } } b: documents(first: 200) { edges { node { id live { running } } } } }`,
    );
    expect(live.body.errors![0].message).toMatch(/demasiado costosa/);
  });

  it('serves one user’s expensive operations a few at a time, all of them answered', async () => {
    const asOf = (i: number) =>
      post(
        `{ documents(first: 200, asOf: "${today}") { totalCount } dashboard(asOf: "${today}") { overdueCount } n${i}: __typename }`,
      );
    const answers = await Promise.all(Array.from({ length: 6 }, (_, i) => asOf(i)));
    expect(answers.map((a) => a.body.errors)).toEqual(Array(6).fill(undefined));
    expect(answers.map((a) => (a.body.data as { documents: { totalCount: number } }).documents.totalCount)).toEqual(
      Array(6).fill(3),
    );
  });

  it('stops parsing past 5,000 tokens, in Spanish, over HTTP and WebSocket (4,500 aliases overflowed the stack)', async () => {
    const aliases = `{ ${Array.from({ length: 4_500 }, (_, i) => `a${i}: __typename`).join(' ')} }`;
    const answer = await post(aliases);
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toHaveLength(1);
    expect(answer.body.errors![0]).toMatchObject({
      message:
        'La consulta es demasiado larga: tiene más de 5000 elementos; pida menos campos o divídala en varias consultas',
      extensions: { code: 'GRAPHQL_PARSE_FAILED' },
    });
    expect((await overWebSocket(aliases)).errors![0]).toMatchObject({
      message: expect.stringMatching(/demasiado larga/),
      extensions: { code: 'GRAPHQL_PARSE_FAILED' },
    });
  });

  it('refuses a subscription to an OPLE that does not exist, as the lists do (zeros would read as good news)', async () => {
    const answer = await overWebSocket(`subscription { documentChanged(ople: "ZZZ") { id } }`);
    expect(answer.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/"ZZZ" no es un OPLE conocido/),
      extensions: { code: 'BAD_USER_INPUT', field: 'ople' },
    });
  });

  it('answers a fragment cycle with a validation error, not a server error', async () => {
    const answer = await post(
      `{ ...A } fragment A on Query { ...B } fragment B on Query { documents { totalCount } ...A }`,
    );
    expect(answer.status).toBe(400);
    expect(answer.body.errors!.map((e) => e.extensions?.code)).toEqual(
      expect.arrayContaining(['GRAPHQL_VALIDATION_FAILED']),
    );
  });

  it.each([
    ['a cursor that is not base64 JSON', { after: '%%%' }, 'after'],
    [
      'a cursor with a date that is not one',
      { after: Buffer.from(JSON.stringify(['not-a-date', 'document:GRO:e6-proyecto'])).toString('base64url') },
      'after',
    ],
    [
      'a cursor whose date PostgreSQL cannot hold',
      { after: Buffer.from(JSON.stringify(['+275760-09-13T00:00:00.000Z', 'x'])).toString('base64url') },
      'after',
    ],
    [
      'a cursor of another order',
      {
        orderBy: 'ID',
        after: Buffer.from(JSON.stringify(['2024-03-01T00:00:00.000Z', 'document:GRO:e6-proyecto'])).toString(
          'base64url',
        ),
      },
      'after',
    ],
    [
      'a cursor with an object for its key',
      { after: Buffer.from(JSON.stringify([{ a: 1 }, 'document:GRO:e6-proyecto'])).toString('base64url') },
      'after',
    ],
    ['an impossible day in dueBefore', { filter: { dueBefore: '2024-02-30' } }, 'filter.dueBefore'],
    ['year 0 in dueBefore', { filter: { dueBefore: '0000-01-01' } }, 'filter.dueBefore'],
    ['an impossible day in asOf', { asOf: '2024-02-30' }, 'asOf'],
    ['an instant PostgreSQL cannot hold in asOf', { asOf: '+275760-09-13T00:00:00Z' }, 'asOf'],
    ['an instant before the calendar in asOf', { asOf: '-001000-01-01T00:00:00Z' }, 'asOf'],
  ])('refuses %s, naming the field', async (_what, variables, field) => {
    const query = `query($after: String, $orderBy: DocumentOrder, $filter: DocumentsFilter, $asOf: String) {
      documents(after: $after, orderBy: $orderBy, filter: $filter, asOf: $asOf) { totalCount } }`;
    const answer = await post(query, variables);
    expect(answer.body.errors).toHaveLength(1);
    expect(answer.body.errors![0].extensions).toEqual({ code: 'BAD_USER_INPUT', field });
  });

  it.each([
    ['correspondence', `{ correspondence(from: "2024-02-30") { oficioNumber } }`, 'from'],
    ['correspondence', `{ correspondence(to: "0000-01-01") { oficioNumber } }`, 'to'],
    ['correspondence', `{ correspondence(asOf: "2024-13-01") { oficioNumber } }`, 'asOf'],
    ['obligations', `{ obligations(dueBefore: "2024-02-31") { id } }`, 'dueBefore'],
    ['obligations', `{ obligations(dueBefore: "2024-02-31", asOf: "2024-03-01") { id } }`, 'dueBefore'],
    ['escalations', `{ escalations(asOf: "+275760-09-13T00:00:00Z") { key } }`, 'asOf'],
    ['dashboard', `{ dashboard(asOf: "0000-12-31") { overdueCount } }`, 'asOf'],
    [
      'correspondenceReport',
      `{ correspondenceReport(ople: "GRO", from: "2024-02-30", to: "2024-03-31") { fileName } }`,
      'from',
    ],
    [
      'correspondenceReport',
      `{ correspondenceReport(ople: "GRO", from: "2024-03-01", to: "2024-03-01T10:00:00Z") { fileName } }`,
      'to',
    ],
    ['dashboard', `{ dashboard(ople: "ZZZ") { overdueCount } }`, 'ople'],
    ['documents', `{ documents(filter: { ople: "ZZZ" }) { totalCount } }`, 'filter.ople'],
    ['escalations', `{ escalations(ople: "ZZZ") { key } }`, 'ople'],
    ['obligations', `{ obligations(ople: "ZZZ", asOf: "2024-03-01") { id } }`, 'ople'],
    ['correspondence', `{ correspondence(ople: "ZZZ") { oficioNumber } }`, 'ople'],
  ])('%s: refuses %s, naming the field', async (_list, query, field) => {
    const answer = await post(query);
    expect(answer.body.errors).toHaveLength(1);
    expect(answer.body.errors![0].extensions).toEqual({ code: 'BAD_USER_INPUT', field });
  });
});
