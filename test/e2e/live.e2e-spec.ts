import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { localDateOf } from '@seguimiento/domain';
import { type TestStack, startTestStack } from '../support/test-stack';
import { waitFor } from '../support/wait-for';

/** Live updates over graphql-ws, with the same tokens and scopes as queries. */
describe('subscriptions', () => {
  let stack: TestStack;
  const clients: Client[] = [];
  const today = localDateOf(new Date());

  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(async () => {
    for (const c of clients) await c.dispose();
    await stack?.stop();
  });

  function subscribe(token: string | null, query: string) {
    const client = createClient({
      url: stack.graphqlUrl.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: token ? { authorization: `Bearer ${token}` } : {},
      retryAttempts: 0,
    });
    clients.push(client);
    const received: Array<Record<string, unknown>> = [];
    const errors: unknown[] = [];
    client.subscribe(
      { query },
      {
        next: (value) => received.push(value as Record<string, unknown>),
        error: (e) => errors.push(e),
        complete: () => undefined,
      },
    );
    return { received, errors };
  }
  const until = (check: () => boolean) => waitFor(check, 10_000);
  const submit = (ople: string, n: number) =>
    stack.gql(`mutation($input: SubmitDocumentInput!) { submitDocument(input: $input) { document { id } } }`, {
      input: {
        ople,
        deliverable: 6,
        versionKind: 'PROYECTO',
        documentKey: `live-${n}`,
        oficioNumber: `OF/${ople}/SE/${2000 + n}/2024`,
        submittedOn: today,
      },
    });

  it('pushes each changed document to subscribers of its OPLE, and only to them', async () => {
    const gro = subscribe(
      stack.adminToken,
      `subscription { documentChanged(ople: "GRO") { id ople status ballInCourt } }`,
    );
    const groUser = subscribe(
      stack.tokens.issue({ subject: 'supervisor@iepc-gro', role: 'SUPERVISOR', institution: 'GRO' }),
      `subscription { documentChanged { id ople } }`,
    );
    await new Promise((r) => setTimeout(r, 500)); // let both subscriptions start
    expect((await submit('MEX', 1)).errors).toBeUndefined();
    expect((await submit('GRO', 2)).errors).toBeUndefined();
    await until(() => gro.received.length > 0 && groUser.received.length > 0);
    await new Promise((r) => setTimeout(r, 300));
    expect(gro.received).toEqual([
      {
        data: {
          documentChanged: { id: 'document:GRO:live-2', ople: 'GRO', status: 'UNDER_REVIEW', ballInCourt: 'INE' },
        },
      },
    ]);
    expect(groUser.received).toEqual([{ data: { documentChanged: { id: 'document:GRO:live-2', ople: 'GRO' } } }]);
  });

  it('pushes escalations as they are raised', async () => {
    const escalations = subscribe(
      stack.adminToken,
      `subscription { escalationRaised(ople: "GRO") { streamId step recipient } }`,
    );
    await new Promise((r) => setTimeout(r, 500));
    const answer = await stack.gql(
      `mutation($input: RecordIneRequestInput!) { recordIneRequest(input: $input) { request { id } } }`,
      {
        input: {
          ople: 'GRO',
          oficioNumber: 'INE/UTSI/1221/2024',
          date: '2024-02-29',
          dueDate: '2024-03-04',
          subject: 'Estatus de la contratación',
        },
      },
    );
    expect(answer.errors).toBeUndefined();
    await until(() => escalations.received.length > 0);
    expect(escalations.received[0]).toEqual({
      data: {
        escalationRaised: { streamId: 'request:GRO:ine-utsi-1221-2024', step: 'LEVEL_3', recipient: 'Comisión' },
      },
    });
  });

  it('refuses a subscription without a token: the connection is closed (4401), never acknowledged', async () => {
    const anonymous = subscribe(null, `subscription { documentChanged { id } }`);
    await until(() => anonymous.errors.length > 0 || anonymous.received.length > 0);
    expect(anonymous.received).toEqual([]);
    expect(anonymous.errors[0]).toMatchObject({ code: 4401, reason: expect.stringMatching(/Falta el token/) });
  });
});
