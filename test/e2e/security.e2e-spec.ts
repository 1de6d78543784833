import { createClient } from 'graphql-ws';
import jwt from 'jsonwebtoken';
import WebSocket from 'ws';
import { localDateOf } from '@seguimiento/domain';
import type { GatewayConfig } from '../../apps/gateway/src/config';
import { type TestStack, startTestStack } from '../support/test-stack';

const SUBMIT = `mutation($input: SubmitDocumentInput!) { submitDocument(input: $input) { document { id } } }`;
const LIST = `query($filter: DocumentsFilter) { documents(filter: $filter) { totalCount edges { node { id ople } } } }`;
const INTROSPECTION = '{ __schema { queryType { name } } }';

/** POST /graphql with a token, keeping the status, the headers and the raw body. */
async function post(url: string, token: string, query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as {
      data?: Record<string, unknown>;
      errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
    },
  };
}

/** The first answer to one operation sent over graphql-ws: its errors, or its data. */
async function overWebSocket(
  url: string,
  token: string | null,
  query: string,
): Promise<{ errors?: Array<{ extensions?: Record<string, unknown> }>; data?: unknown }> {
  const client = createClient({
    url: url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
  });
  try {
    return await new Promise((resolve, reject) => {
      client.subscribe(
        { query },
        {
          next: (value) => resolve(value as { data?: unknown }),
          error: (error) => (Array.isArray(error) ? resolve({ errors: error }) : reject(error)),
          complete: () => undefined,
        },
      );
    });
  } finally {
    await client.dispose();
  }
}

describe('authentication and authorization', () => {
  let stack: TestStack;
  let griOperator: string;
  let groSupervisor: string;
  let ineSupervisor: string;
  const today = localDateOf(new Date());
  const submission = (ople: string, n: number) => ({
    ople,
    deliverable: 6,
    versionKind: 'PROYECTO',
    oficioNumber: `OF/${ople}/SE/${1000 + n}/2024`,
    submittedOn: today,
  });

  beforeAll(async () => {
    stack = await startTestStack();
    griOperator = stack.tokens.issue({ subject: 'operador@iepc-gro', role: 'OPERATOR', institution: 'GRO' });
    groSupervisor = stack.tokens.issue({ subject: 'supervisor@iepc-gro', role: 'SUPERVISOR', institution: 'GRO' });
    ineSupervisor = stack.tokens.issue({ subject: 'supervisor@ine', role: 'SUPERVISOR', institution: 'INE' });
    expect((await stack.gql(SUBMIT, { input: submission('MEX', 1) })).errors).toBeUndefined();
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('refuses every operation without a token, but not health and readiness', async () => {
    const answer = await stack.gqlAs(null, LIST);
    expect(answer.errors![0].extensions).toEqual({ code: 'UNAUTHENTICATED' });
    expect(answer.errors![0].message).toMatch(/Authorization: Bearer/);
    for (const unguarded of ['{ __schema { queryType { name } } }', '{ __typename }']) {
      expect((await stack.gqlAs(null, unguarded)).errors![0].extensions).toEqual({ code: 'UNAUTHENTICATED' });
      const response = await fetch(stack.graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: unguarded }),
      });
      expect(response.status).toBe(401);
    }
    expect((await stack.gqlAs(stack.adminToken, '{ __typename }')).data).toEqual({ __typename: 'Query' });
    // Over WebSocket too, where Apollo's plugins do not run: no token, no connection (closed with
    // 4401 and the reason, before any operation is read).
    for (const unguarded of [INTROSPECTION, '{ __typename }']) {
      await expect(overWebSocket(stack.graphqlUrl, null, unguarded)).rejects.toMatchObject({
        code: 4401,
        reason: expect.stringMatching(/Falta el token/),
      });
    }
    expect((await fetch(stack.graphqlUrl.replace('/graphql', '/health'))).status).toBe(200);
    expect((await fetch(stack.graphqlUrl.replace('/graphql', '/ready'))).status).toBe(200);
  });

  it('refuses forged and expired tokens', async () => {
    const forged = jwt.sign({ role: 'ADMIN', institution: 'INE' }, 'x'.repeat(64), {
      subject: 'intruso',
      issuer: 'seguimiento',
    });
    expect((await stack.gqlAs(forged, LIST)).errors![0]).toMatchObject({
      extensions: { code: 'UNAUTHENTICATED' },
      message: expect.stringMatching(/invalid signature/),
    });
    const expired = stack.tokens.issue({ subject: 'admin@ine', role: 'ADMIN', institution: 'INE' }, -10);
    expect((await stack.gqlAs(expired, LIST)).errors![0]).toMatchObject({
      extensions: { code: 'UNAUTHENTICATED' },
      message: expect.stringMatching(/expiró/),
    });
    expect((await stack.gqlAs('not.a.token', LIST)).errors![0].extensions).toEqual({ code: 'UNAUTHENTICATED' });
  });

  it('lets supervisors read but not write', async () => {
    expect((await stack.gqlAs(ineSupervisor, LIST)).errors).toBeUndefined();
    const write = await stack.gqlAs(ineSupervisor, SUBMIT, { input: submission('GRO', 2) });
    expect(write.errors![0].extensions).toEqual({ code: 'FORBIDDEN' });
    const [{ count }] = await stack.db.query(
      "SELECT count(*)::int AS count FROM events WHERE stream_id LIKE 'document:GRO:%'",
    );
    expect(count).toBe(0);
  });

  it('confines an OPLE’s operator to its OPLE, and records who wrote', async () => {
    const foreign = await stack.gqlAs(griOperator, SUBMIT, { input: submission('MEX', 3) });
    expect(foreign.errors![0].extensions).toEqual({ code: 'FORBIDDEN' });
    const own = await stack.gqlAs(griOperator, SUBMIT, { input: submission('GRO', 4) });
    expect(own.errors).toBeUndefined();
    const [event] = await stack.db.query(
      "SELECT metadata->>'actor' AS actor FROM events WHERE stream_id = 'document:GRO:e6-proyecto' AND type = 'DocumentSubmitted'",
    );
    expect(event.actor).toBe('operador@iepc-gro');
  });

  it('shows an OPLE’s users only their OPLE, and INE’s users every OPLE', async () => {
    const mine = await stack.gqlAs<{ documents: { edges: Array<{ node: { ople: string } }> } }>(groSupervisor, LIST);
    expect(mine.data!.documents.edges.map((e) => e.node.ople)).toEqual(['GRO']);
    expect((await stack.gqlAs(groSupervisor, LIST, { filter: { ople: 'MEX' } })).errors![0].extensions).toEqual({
      code: 'FORBIDDEN',
    });
    expect(
      (await stack.gqlAs(groSupervisor, `query { document(id: "document:MEX:e6-proyecto") { id } }`)).errors![0]
        .extensions,
    ).toEqual({ code: 'FORBIDDEN' });
    const all = await stack.gqlAs<{ documents: { edges: Array<{ node: { ople: string } }> } }>(ineSupervisor, LIST);
    expect(all.data!.documents.edges.map((e) => e.node.ople).sort()).toEqual(['GRO', 'MEX']);
    const dashboard = await stack.gqlAs<{ dashboard: { ople: string } }>(groSupervisor, `query { dashboard { ople } }`);
    expect(dashboard.data!.dashboard.ople).toBe('GRO');
  });
});

describe('limits on what one request may ask', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(async () => {
    await stack?.stop();
  });

  /** Another gateway on the same database and Temporal, with its own secret and these settings. */
  const gateway = (settings: Partial<GatewayConfig>) => stack.anotherGateway(settings);

  it('refuses a query that asks for too much', async () => {
    const fields =
      'id ople deliverable versionKind title status ballInCourt rounds { number outcome } observations { id status } escalations { step } deadline { dueDate }';
    const page = (alias: string) => `${alias}: documents(first: 200) { edges { node { ${fields} } } }`;
    expect((await stack.gql(`query { ${page('a')} }`)).errors).toBeUndefined();
    const answer = await stack.gql(`query { ${['a', 'b', 'c', 'd', 'e', 'f'].map(page).join(' ')} }`);
    expect(answer.errors![0]).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT' },
      message: expect.stringMatching(/demasiado costosa/),
    });
  });

  it('refuses a request body over 1 MB, with a clear status and no stack trace', async () => {
    const response = await fetch(stack.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${stack.adminToken}` },
      body: JSON.stringify({
        query: `query { documents { totalCount } }`,
        variables: { padding: 'x'.repeat(1_100_000) },
      }),
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({
      errors: [
        {
          message:
            'La solicitud excede el tamaño permitido (1mb); solo ingestFile admite más, hasta un archivo de 25 MiB en base64',
          extensions: { code: 'BAD_REQUEST' },
        },
      ],
    });
  });

  describe('in production mode', () => {
    it('refuses introspection over HTTP and WebSocket, and serves no explorer', async () => {
      const production = await gateway({ production: true });
      const admin = production.tokens.issue({ subject: 'admin@ine', role: 'ADMIN', institution: 'INE' });
      for (const query of [INTROSPECTION, '{ __type(name: "Document") { name } }']) {
        const refused = await post(production.url, admin, query);
        expect(refused.status).toBe(400);
        expect(refused.body.data).toBeUndefined();
        expect(refused.body.errors![0]).toMatchObject({
          message: expect.stringMatching(/introspección del esquema \(__(schema|type)\) está desactivada/),
          extensions: { code: 'GRAPHQL_VALIDATION_FAILED', validationErrorCode: 'INTROSPECTION_DISABLED' },
        });
      }
      expect((await overWebSocket(production.url, admin, INTROSPECTION)).errors![0].extensions).toMatchObject({
        validationErrorCode: 'INTROSPECTION_DISABLED',
      });
      const served = await post(production.url, admin, LIST);
      expect(served.body.errors).toBeUndefined();

      const page = await fetch(production.url, { headers: { accept: 'text/html' } });
      const html = await page.text();
      expect(html).toMatch(/explorador GraphQL está desactivado/);
      expect(html).not.toMatch(/graphiql/i);
      expect((await fetch(production.url.replace('/graphql', '/graphql-explorer/graphiql.js'))).status).toBe(404);
    });

    it('allows introspection in production when told to, and in development by default', async () => {
      const told = await gateway({ production: true, introspection: true });
      const admin = told.tokens.issue({ subject: 'admin@ine', role: 'ADMIN', institution: 'INE' });
      expect((await post(told.url, admin, INTROSPECTION)).body).toEqual({
        data: { __schema: { queryType: { name: 'Query' } } },
      });

      const development = await post(stack.graphqlUrl, stack.adminToken, INTROSPECTION);
      expect(development.body).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
      expect(await (await fetch(stack.graphqlUrl, { headers: { accept: 'text/html' } })).text()).toMatch(
        /graphql-explorer\/graphiql\.js/,
      );
    });
  });

  describe('per token', () => {
    it('refuses the operation after the allowance with 429 before running it, and serves other tokens', async () => {
      const limited = await gateway({ rateLimitPerMinute: 5 });
      const operator = limited.tokens.issue({ subject: 'operador@ine', role: 'OPERATOR', institution: 'INE' });
      const other = limited.tokens.issue({ subject: 'supervisor@ine', role: 'SUPERVISOR', institution: 'INE' });
      for (let i = 0; i < 5; i++) expect((await post(limited.url, operator, LIST)).status).toBe(200);

      const [{ before }] = await stack.db.query('SELECT count(*)::int AS before FROM events');
      const input = {
        ople: 'ZAC',
        deliverable: 6,
        versionKind: 'PROYECTO',
        oficioNumber: 'OF/ZAC/SE/0001/2024',
        submittedOn: localDateOf(new Date()),
      };
      const refused = await post(limited.url, operator, SUBMIT, { input });
      expect(refused.status).toBe(429);
      const retryAfter = Number(refused.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(refused.body).toEqual({
        errors: [
          {
            message: expect.stringMatching(/5 operaciones por minuto/),
            extensions: { code: 'RATE_LIMITED', retryAfterSeconds: retryAfter },
          },
        ],
      });
      const [{ after }] = await stack.db.query('SELECT count(*)::int AS after FROM events');
      expect(after).toBe(before);
      expect(await stack.db.query("SELECT 1 FROM events WHERE stream_id LIKE 'document:ZAC:%'")).toEqual([]);

      // A new token of the same user shares the allowance; another user has their own, and the same write goes through.
      const again = limited.tokens.issue({ subject: 'operador@ine', role: 'OPERATOR', institution: 'INE' }, '1h');
      expect((await post(limited.url, again, LIST)).status).toBe(429);
      expect((await post(limited.url, other, LIST)).body.errors).toBeUndefined();
      const colleague = limited.tokens.issue({ subject: 'operadora@ine', role: 'OPERATOR', institution: 'INE' });
      expect((await post(limited.url, colleague, SUBMIT, { input })).body.errors).toBeUndefined();
      expect(
        (await stack.db.query("SELECT 1 FROM events WHERE stream_id LIKE 'document:ZAC:%'")).length,
      ).toBeGreaterThan(0);
      expect(
        (await overWebSocket(limited.url, operator, 'subscription { documentChanged { id } }')).errors![0].extensions,
      ).toMatchObject({ code: 'RATE_LIMITED' });
      // No token: still 401, never counted.
      expect(
        (
          await fetch(limited.url, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ query: LIST }),
          })
        ).status,
      ).toBe(401);

      const admin = limited.tokens.issue({ subject: 'admin@ine', role: 'ADMIN', institution: 'INE' });
      const metrics = await (
        await fetch(limited.url.replace('/graphql', '/metrics'), { headers: { authorization: `Bearer ${admin}` } })
      ).text();
      expect(metrics).toMatch(/seguimiento_rate_limited_requests_total\{transport="http"\} 2/);
      expect(metrics).toMatch(/seguimiento_rate_limited_requests_total\{transport="ws"\} 1/);
    });

    it('sets no limit on a gateway configured in code without one (the test stack)', async () => {
      const answers = await Promise.all(
        Array.from({ length: 50 }, () => post(stack.graphqlUrl, stack.adminToken, '{ __typename }')),
      );
      expect(answers.map((a) => a.status)).toEqual(Array(50).fill(200));
    });
  });
});
