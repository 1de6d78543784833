import jwt from 'jsonwebtoken';
import { localDateOf } from '@seguimiento/domain';
import { type TestStack, startTestStack } from '../support/test-stack';

const SUBMIT = `mutation($input: SubmitDocumentInput!) { submitDocument(input: $input) { document { id } } }`;
const LIST = `query($filter: DocumentsFilter) { documents(filter: $filter) { totalCount edges { node { id ople } } } }`;

describe('authentication and authorization', () => {
  let stack: TestStack;
  let griOperator: string;
  let groSupervisor: string;
  let ineSupervisor: string;
  const today = localDateOf(new Date());
  const submission = (ople: string, n: number) => ({ ople, deliverable: 6, versionKind: 'PROYECTO', oficioNumber: `OF/${ople}/SE/${1000 + n}/2024`, submittedOn: today });

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
      const response = await fetch(stack.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: unguarded }) });
      expect(response.status).toBe(401);
    }
    expect((await stack.gqlAs(stack.adminToken, '{ __typename }')).data).toEqual({ __typename: 'Query' });
    expect((await fetch(stack.graphqlUrl.replace('/graphql', '/health'))).status).toBe(200);
    expect((await fetch(stack.graphqlUrl.replace('/graphql', '/ready'))).status).toBe(200);
  });

  it('refuses forged and expired tokens', async () => {
    const forged = jwt.sign({ role: 'ADMIN', institution: 'INE' }, 'x'.repeat(64), { subject: 'intruso', issuer: 'seguimiento' });
    expect((await stack.gqlAs(forged, LIST)).errors![0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' }, message: expect.stringMatching(/invalid signature/) });
    const expired = stack.tokens.issue({ subject: 'admin@ine', role: 'ADMIN', institution: 'INE' }, -10);
    expect((await stack.gqlAs(expired, LIST)).errors![0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' }, message: expect.stringMatching(/expiró/) });
    expect((await stack.gqlAs('not.a.token', LIST)).errors![0].extensions).toEqual({ code: 'UNAUTHENTICATED' });
  });

  it('lets supervisors read but not write', async () => {
    expect((await stack.gqlAs(ineSupervisor, LIST)).errors).toBeUndefined();
    const write = await stack.gqlAs(ineSupervisor, SUBMIT, { input: submission('GRO', 2) });
    expect(write.errors![0].extensions).toEqual({ code: 'FORBIDDEN' });
    const [{ count }] = await stack.db.query("SELECT count(*)::int AS count FROM events WHERE stream_id LIKE 'document:GRO:%'");
    expect(count).toBe(0);
  });

  it('confines an OPLE’s operator to its OPLE, and records who wrote', async () => {
    const foreign = await stack.gqlAs(griOperator, SUBMIT, { input: submission('MEX', 3) });
    expect(foreign.errors![0].extensions).toEqual({ code: 'FORBIDDEN' });
    const own = await stack.gqlAs(griOperator, SUBMIT, { input: submission('GRO', 4) });
    expect(own.errors).toBeUndefined();
    const [event] = await stack.db.query("SELECT metadata->>'actor' AS actor FROM events WHERE stream_id = 'document:GRO:e6-proyecto' AND type = 'DocumentSubmitted'");
    expect(event.actor).toBe('operador@iepc-gro');
  });

  it('shows an OPLE’s users only their OPLE, and INE’s users every OPLE', async () => {
    const mine = await stack.gqlAs<{ documents: { edges: Array<{ node: { ople: string } }> } }>(groSupervisor, LIST);
    expect(mine.data!.documents.edges.map((e) => e.node.ople)).toEqual(['GRO']);
    expect((await stack.gqlAs(groSupervisor, LIST, { filter: { ople: 'MEX' } })).errors![0].extensions).toEqual({ code: 'FORBIDDEN' });
    expect((await stack.gqlAs(groSupervisor, `query { document(id: "document:MEX:e6-proyecto") { id } }`)).errors![0].extensions).toEqual({ code: 'FORBIDDEN' });
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

  it('refuses a query that asks for too much', async () => {
    const fields = 'id ople deliverable versionKind title status ballInCourt rounds { number outcome } observations { id status } escalations { step } deadline { dueDate }';
    const page = (alias: string) => `${alias}: documents(first: 200) { edges { node { ${fields} } } }`;
    expect((await stack.gql(`query { ${page('a')} }`)).errors).toBeUndefined();
    const answer = await stack.gql(`query { ${['a', 'b', 'c', 'd', 'e', 'f'].map(page).join(' ')} }`);
    expect(answer.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringMatching(/demasiado costosa/) });
  });

  it('refuses a request body over 1 MB, with a clear status and no stack trace', async () => {
    const response = await fetch(stack.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${stack.adminToken}` },
      body: JSON.stringify({ query: `query { documents { totalCount } }`, variables: { padding: 'x'.repeat(1_100_000) } }),
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ errors: [{ message: 'La solicitud excede el tamaño permitido (1mb)', extensions: { code: 'BAD_REQUEST' } }] });
  });
});
