import { randomBytes } from 'node:crypto';
import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import type { GatewayConfig } from '../../apps/gateway/src/config';
import { type TestStack, startTestStack } from '../support/test-stack';
import { waitFor } from '../support/wait-for';

/**
 * The gateway's HTTP and WebSocket edge (issue 13, findings 4, 6, 7, 8, 10, 11, 15, 17, 18): what
 * a client without a token can make it do, what its answers reveal, and the limits of its
 * WebSocket. Each test failed on the code before the fix.
 */
type Answer = {
  status: number;
  headers: Headers;
  text: string;
  json: { data?: unknown; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> } | null;
};

async function send(url: string, init: RequestInit = {}): Promise<Answer> {
  const response = await fetch(url, init);
  const text = await response.text();
  let json: Answer['json'] = null;
  try {
    json = JSON.parse(text);
  } catch {
    // not JSON: the test says what it expected
  }
  return { status: response.status, headers: response.headers, text, json };
}
const post = (url: string, token: string | null, body: string) =>
  send(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body,
  });

/** A raw graphql-ws socket: sends `init` once open, and says how it ended (code 0: still open after `waitMs`). */
function rawSocket(
  url: string,
  init: string,
  waitMs = 3_000,
): Promise<{ code: number; reason: string; messages: string[] }> {
  const socket = new WebSocket(url.replace(/^http/, 'ws'), 'graphql-transport-ws');
  const messages: string[] = [];
  socket.on('open', () => socket.send(init));
  socket.on('message', (data) => messages.push(String(data)));
  socket.on('error', () => undefined);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      socket.terminate();
      resolve({ code: 0, reason: '', messages });
    }, waitMs);
    socket.on('close', (code, reason) => {
      clearTimeout(timer);
      resolve({ code, reason: reason.toString(), messages });
    });
  });
}

describe('the gateway’s edge', () => {
  let stack: TestStack;
  const clients: Client[] = [];
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(async () => {
    for (const c of clients) await c.dispose();
    await stack?.stop();
  });

  /** Another gateway on the same database and Temporal, with its own secret and these settings. */
  const gateway = (settings: Partial<GatewayConfig>, requestLog?: (line: string) => void) =>
    stack.anotherGateway(settings, requestLog);

  /** A graphql-ws client with this token; `subscribe` keeps what each subscription receives. */
  function wsClient(url: string, token: string) {
    const client = createClient({
      url: url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${token}` },
      retryAttempts: 0,
      lazy: false,
      onNonLazyError: () => undefined,
    });
    clients.push(client);
    return {
      client,
      subscribe(query: string) {
        const got = { received: [] as unknown[], errors: [] as unknown[] };
        client.subscribe(
          { query },
          { next: (v) => got.received.push(v), error: (e) => got.errors.push(e), complete: () => undefined },
        );
        return got;
      },
    };
  }
  const SUBSCRIPTION = 'subscription { documentChanged { id } }';
  const errorOf = (got: { errors: unknown[] }) =>
    (got.errors[0] as Array<{ message: string; extensions?: { code?: string } }> | undefined)?.[0];

  describe('finding 4: the token and the rate limits come before the body is read', () => {
    it('answers 401 to a request without a token without parsing its body', async () => {
      for (const body of [
        '{ esto no es JSON',
        `{"query":"{ __typename }","variables":{"x":"${'x'.repeat(900_000)}"}}`,
      ]) {
        const answer = await post(stack.graphqlUrl, null, body);
        expect(answer.status).toBe(401);
        expect(answer.json).toEqual({
          errors: [{ message: expect.stringMatching(/Falta el token/), extensions: { code: 'UNAUTHENTICATED' } }],
        });
      }
      // A forged token is no better; a valid one gets the parser's answer.
      expect((await post(stack.graphqlUrl, 'not.a.token', '{ esto no es JSON')).status).toBe(401);
      expect((await post(stack.graphqlUrl, stack.adminToken, '{ esto no es JSON')).status).toBe(400);
    });

    it('counts requests without a valid token per client address: 429 with Retry-After past the allowance', async () => {
      const edge = await gateway({ anonymousRateLimitPerMinute: 3 });
      for (let i = 0; i < 3; i++) expect((await post(edge.url, i % 2 ? 'forjado' : null, '{}')).status).toBe(401);
      const limited = await post(edge.url, null, '{}');
      expect(limited.status).toBe(429);
      const retryAfter = Number(limited.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(limited.json).toEqual({
        errors: [
          {
            message: expect.stringMatching(/sin un token válido desde esta dirección: se permiten 3 por minuto/),
            extensions: { code: 'RATE_LIMITED', retryAfterSeconds: retryAfter },
          },
        ],
      });
      // WebSocket attempts without a token count in the same allowance.
      expect((await rawSocket(edge.url, JSON.stringify({ type: 'connection_init', payload: {} }))).code).toBe(4429);
      // A user with a valid token, from the same address, is not locked out.
      const admin = edge.tokens.issue({ subject: 'admin@ine', role: 'ADMIN', institution: 'INE' });
      expect((await post(edge.url, admin, JSON.stringify({ query: '{ __typename }' }))).json).toEqual({
        data: { __typename: 'Query' },
      });
      const metrics = await send(edge.url.replace('/graphql', '/metrics'), {
        headers: { authorization: `Bearer ${admin}` },
      });
      expect(metrics.text).toMatch(
        /seguimiento_anonymous_requests_total\{transport="http",outcome="unauthenticated"\} 3/,
      );
      expect(metrics.text).toMatch(/seguimiento_anonymous_requests_total\{transport="http",outcome="rate_limited"\} 1/);
      expect(metrics.text).toMatch(/seguimiento_anonymous_requests_total\{transport="ws",outcome="rate_limited"\} 1/);
    });

    it('counts a user’s request before parsing its body', async () => {
      const edge = await gateway({ rateLimitPerMinute: 2 });
      const operator = edge.tokens.issue({ subject: 'operador@ine', role: 'OPERATOR', institution: 'INE' });
      for (let i = 0; i < 2; i++)
        expect((await post(edge.url, operator, JSON.stringify({ query: '{ __typename }' }))).status).toBe(200);
      const refused = await post(edge.url, operator, '{ esto no es JSON');
      expect(refused.status).toBe(429);
      expect(refused.json?.errors?.[0].extensions).toEqual({
        code: 'RATE_LIMITED',
        retryAfterSeconds: expect.any(Number),
      });
    });
  });

  describe('finding 6: the metrics’ operation label comes from a bounded set', () => {
    it('labels by the root field asked for, never by the client’s operationName', async () => {
      for (let i = 0; i < 25; i++) {
        await post(
          stack.graphqlUrl,
          stack.adminToken,
          JSON.stringify({ operationName: `Aleatorio${i}`, query: `query Aleatorio${i} { __typename }` }),
        );
        await post(
          stack.graphqlUrl,
          null,
          JSON.stringify({ operationName: `SinToken${i}`, query: `query SinToken${i} { __typename }` }),
        );
        await post(
          stack.graphqlUrl,
          stack.adminToken,
          JSON.stringify({ operationName: `Invalida${i}`, query: `query Invalida${i} { noExiste${i} }` }),
        );
      }
      await post(stack.graphqlUrl, stack.adminToken, JSON.stringify({ query: 'query { dashboard { overdueCount } }' }));
      const metrics = (
        await send(stack.graphqlUrl.replace('/graphql', '/metrics'), {
          headers: { authorization: `Bearer ${stack.adminToken}` },
        })
      ).text;
      expect(metrics).not.toMatch(/Aleatorio|SinToken|Invalida|noExiste/);
      expect(metrics).toMatch(
        /seguimiento_graphql_request_duration_seconds_count\{operation="__typename",outcome="ok"\} \d+/,
      );
      expect(metrics).toMatch(
        /seguimiento_graphql_request_duration_seconds_count\{operation="dashboard",outcome="ok"\} 1/,
      );
      expect(metrics).toMatch(
        /seguimiento_graphql_request_duration_seconds_count\{operation="invalid",outcome="error"\} 25/,
      );
    });
  });

  describe('finding 7: the WebSocket has HTTP’s limits, and no token means no acknowledgement', () => {
    it('closes a connection without a valid token with 4401 and the reason, unacknowledged', async () => {
      const none = await rawSocket(stack.graphqlUrl, JSON.stringify({ type: 'connection_init', payload: {} }));
      expect(none).toEqual({ code: 4401, reason: expect.stringMatching(/Falta el token/), messages: [] });
      const forged = await rawSocket(
        stack.graphqlUrl,
        JSON.stringify({ type: 'connection_init', payload: { authorization: 'Bearer no.es.token' } }),
      );
      expect(forged).toMatchObject({ code: 4401, messages: [] });
      const admitted = await rawSocket(
        stack.graphqlUrl,
        JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${stack.adminToken}` } }),
        1_000,
      );
      expect(admitted).toEqual({ code: 0, reason: '', messages: [JSON.stringify({ type: 'connection_ack' })] });
    });

    it('closes a socket that sends a message over 1 MB (1009) before reading it whole', async () => {
      const big = JSON.stringify({
        type: 'connection_init',
        payload: { authorization: `Bearer ${stack.adminToken}`, relleno: 'x'.repeat(1_100_000) },
      });
      const answer = await rawSocket(stack.graphqlUrl, big);
      expect(answer.code).toBe(1009);
      expect(answer.messages).toEqual([]);
    });

    it('answers 404 to an upgrade on any other path', async () => {
      expect((await rawSocket(stack.graphqlUrl.replace('/graphql', '/otra'), '{}')).code).toBe(1006);
    });
  });

  describe('finding 8: caps on subscriptions, and none outlives its token', () => {
    it('refuses subscriptions past the caps per connection and per user, naming the limit', async () => {
      const edge = await gateway({ subscriptionsPerConnection: 2, subscriptionsPerUser: 3 });
      const token = edge.tokens.issue({ subject: 'supervisor@ine', role: 'SUPERVISOR', institution: 'INE' });
      const a = wsClient(edge.url, token);
      const [a1, a2, a3] = [a.subscribe(SUBSCRIPTION), a.subscribe(SUBSCRIPTION), a.subscribe(SUBSCRIPTION)];
      await waitFor(() => a3.errors.length > 0, 5_000);
      expect(errorOf(a3)).toMatchObject({
        message: expect.stringMatching(/límite es 2 \(SUBSCRIPTIONS_PER_CONNECTION\)/),
        extensions: { code: 'TOO_MANY_SUBSCRIPTIONS' },
      });
      const b = wsClient(edge.url, token);
      const b1 = b.subscribe(SUBSCRIPTION);
      await new Promise((r) => setTimeout(r, 300));
      const b2 = b.subscribe(SUBSCRIPTION);
      await waitFor(() => b2.errors.length > 0, 5_000);
      expect(errorOf(b2)).toMatchObject({
        message: expect.stringMatching(/límite es 3 entre todas sus conexiones \(SUBSCRIPTIONS_PER_USER\)/),
        extensions: { code: 'TOO_MANY_SUBSCRIPTIONS' },
      });
      expect([a1, a2, b1].map((s) => s.errors)).toEqual([[], [], []]);
      // Another user has their own count; closing a connection gives its share back.
      const other = wsClient(
        edge.url,
        edge.tokens.issue({ subject: 'otra@ine', role: 'SUPERVISOR', institution: 'INE' }),
      ).subscribe(SUBSCRIPTION);
      await a.client.dispose();
      await new Promise((r) => setTimeout(r, 300));
      const c1 = wsClient(edge.url, token).subscribe(SUBSCRIPTION);
      await new Promise((r) => setTimeout(r, 500));
      expect([other.errors, c1.errors]).toEqual([[], []]);
    });

    it('resolves a change once for all its subscribers, not once per subscription', async () => {
      const edge = await gateway({});
      const { Client: TemporalClient } = await import('@temporalio/client');
      const describes = jest.spyOn(edge.app.get(TemporalClient).workflow, 'getHandle');
      try {
        const token = edge.tokens.issue({ subject: 'admin@ine', role: 'ADMIN', institution: 'INE' });
        const subscriptions = [0, 1, 2].flatMap(() => {
          const client = wsClient(edge.url, token);
          return Array.from({ length: 8 }, () =>
            client.subscribe('subscription { documentChanged(ople: "QUE") { id live { running } timeline { type } } }'),
          );
        });
        await new Promise((r) => setTimeout(r, 1_000));
        const input = {
          ople: 'QUE',
          deliverable: 6,
          versionKind: 'PROYECTO',
          documentKey: 'abanico',
          oficioNumber: 'OF/QUE/SE/0001/2024',
          submittedOn: '2024-03-01',
        };
        expect(
          (
            await stack.gql(
              'mutation($input: SubmitDocumentInput!) { submitDocument(input: $input) { document { id } } }',
              { input },
            )
          ).errors,
        ).toBeUndefined();
        await waitFor(() => subscriptions.every((s) => s.received.length > 0), 20_000);
        expect(subscriptions.map((s) => s.errors)).toEqual(Array(24).fill([]));
        await new Promise((r) => setTimeout(r, 1_000)); // the submission may publish more than one change
        const changes = subscriptions[0].received.length;
        expect(subscriptions.map((s) => s.received.length)).toEqual(Array(24).fill(changes));
        // One look at the workflow per change, not 24.
        expect(describes.mock.calls.filter(([id]) => id === 'document:QUE:abanico')).toHaveLength(changes);
      } finally {
        describes.mockRestore();
      }
    });

    it('closes a socket with 4401 when its token expires', async () => {
      const shortLived = stack.tokens.issue({ subject: 'supervisor@ine', role: 'SUPERVISOR', institution: 'INE' }, 2);
      const got = wsClient(stack.graphqlUrl, shortLived).subscribe(SUBSCRIPTION);
      await waitFor(() => got.errors.length > 0, 6_000);
      expect(got.errors[0]).toMatchObject({ code: 4401, reason: expect.stringMatching(/expiró/) });
    });
  });

  describe('finding 10: no stack traces, paths or X-Powered-By', () => {
    it('answers an unknown route with a Spanish JSON 404', async () => {
      for (const path of ['/no-existe', '/graphql-explorer/nada.js', '/metrics/../../etc/passwd']) {
        const answer = await send(stack.graphqlUrl.replace('/graphql', path));
        expect(answer.status).toBe(404);
        expect(answer.headers.get('content-type')).toMatch(/application\/json/);
        expect(answer.text).not.toMatch(/<html|<pre|\s+at\s|\/work\/|node_modules|Cannot GET/i);
        expect(answer.headers.get('x-powered-by')).toBeNull();
      }
      expect((await send(stack.graphqlUrl.replace('/graphql', '/no-existe'))).json).toEqual({
        statusCode: 404,
        message: 'No existe el recurso solicitado',
      });
      expect((await send(stack.graphqlUrl.replace('/graphql', '/health'))).headers.get('x-powered-by')).toBeNull();
    });
  });

  describe('finding 11: without a token or without introspection, errors do not reveal the schema', () => {
    it('says nothing of the schema to a request without a token', async () => {
      const answer = await post(stack.graphqlUrl, null, JSON.stringify({ query: '{ document { idd } documentz }' }));
      expect(answer.status).toBe(401);
      expect(answer.text).not.toMatch(/Did you mean|documents/);
    });

    it('drops "Did you mean" suggestions when introspection is off, over HTTP and WebSocket', async () => {
      const production = await gateway({ production: true });
      const admin = production.tokens.issue({ subject: 'admin@ine', role: 'ADMIN', institution: 'INE' });
      const answer = await post(production.url, admin, JSON.stringify({ query: '{ documentz }' }));
      expect(answer.json?.errors?.[0].message).toBe('Cannot query field "documentz" on type "Query".');
      const ws = wsClient(production.url, admin).subscribe('subscription { documentChangd { id } }');
      await waitFor(() => ws.errors.length > 0, 5_000);
      expect(errorOf(ws)?.message).toBe('Cannot query field "documentChangd" on type "Subscription".');
      // With introspection on (development) the suggestions help whoever holds a token.
      expect(
        (await post(stack.graphqlUrl, stack.adminToken, JSON.stringify({ query: '{ documentz }' }))).json?.errors?.[0]
          .message,
      ).toMatch(/Did you mean .*"documents"/);
    });
  });

  describe('finding 15: the CSP and framing headers come from the server', () => {
    it('sends them with the explorer page and with every other answer', async () => {
      const host = new URL(stack.graphqlUrl).host;
      for (const answer of [
        await send(stack.graphqlUrl, { headers: { accept: 'text/html' } }),
        await post(stack.graphqlUrl, null, '{}'),
        await send(stack.graphqlUrl.replace('/graphql', '/health')),
      ]) {
        const csp = answer.headers.get('content-security-policy') ?? '';
        expect(csp).toContain("frame-ancestors 'none'");
        expect(csp).toContain(`connect-src 'self' ws://${host} wss://${host};`);
        expect(csp).toContain("default-src 'none'");
        expect(csp).not.toMatch(/ws: |wss: /);
        expect(answer.headers.get('x-frame-options')).toBe('DENY');
        expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
        expect(answer.headers.get('referrer-policy')).toBe('no-referrer');
      }
      const page = await send(stack.graphqlUrl, { headers: { accept: 'text/html' } });
      expect(page.text).toMatch(/Content-Security-Policy" content="[^"]*connect-src 'self';/);
      expect(page.text).not.toMatch(/connect-src[^;"]*ws:/);
    });

    it('writes no host it was not sent into the policy', async () => {
      const { contentSecurityPolicy } = await import('../../apps/gateway/src/edge/security-headers');
      expect(contentSecurityPolicy('evil.example; script-src *')).toContain("connect-src 'self';");
    });
  });

  describe('finding 17: the request log leaves query strings out', () => {
    it('logs the path only', async () => {
      const lines: string[] = [];
      const edge = await gateway({}, (line) => lines.push(line));
      const admin = edge.tokens.issue({ subject: 'admin@ine', role: 'ADMIN', institution: 'INE' });
      const response = await fetch(`${edge.url}?query=${encodeURIComponent('{ __typename }')}&secreto=abc123`, {
        headers: { authorization: `Bearer ${admin}`, 'x-request-id': 'sin-query', 'apollo-require-preflight': 'true' },
      });
      expect(response.status).toBe(200);
      await response.text();
      const line = lines.map((l) => JSON.parse(l)).find((l) => l.requestId === 'sin-query');
      expect(line).toMatchObject({ method: 'GET', path: '/graphql', status: 200 });
      expect(JSON.stringify(line)).not.toMatch(/secreto|abc123|typename/);
    });
  });

  describe('finding 18: /metrics needs a token, and caches the escalation aggregate', () => {
    it('refuses a scrape without METRICS_TOKEN or an ADMIN token', async () => {
      const metricsToken = randomBytes(24).toString('hex');
      const edge = await gateway({ metricsToken });
      const metricsUrl = edge.url.replace('/graphql', '/metrics');
      const supervisor = edge.tokens.issue({ subject: 'supervisor@ine', role: 'SUPERVISOR', institution: 'INE' });
      const admin = edge.tokens.issue({ subject: 'admin@ine', role: 'ADMIN', institution: 'INE' });
      for (const authorization of [undefined, 'Bearer equivocado', `Bearer ${supervisor}`, `Bearer ${metricsToken}x`]) {
        const refused = await send(metricsUrl, { headers: authorization ? { authorization } : {} });
        expect(refused.status).toBe(401);
        expect(refused.text).not.toMatch(/seguimiento_/);
        expect(refused.json).toMatchObject({ message: expect.stringMatching(/METRICS_TOKEN/) });
      }
      for (const token of [metricsToken, admin]) {
        const served = await send(metricsUrl, { headers: { authorization: `Bearer ${token}` } });
        expect(served.status).toBe(200);
        expect(served.text).toContain('# HELP seguimiento_escalations_raised');
      }
    });

    it('runs the escalation aggregate once for scrapes within 30 s', async () => {
      const edge = await gateway({});
      const admin = edge.tokens.issue({ subject: 'admin@ine', role: 'ADMIN', institution: 'INE' });
      const { DataSource } = await import('typeorm');
      const db = edge.app.get(DataSource);
      const query = jest.spyOn(db, 'query');
      try {
        for (let i = 0; i < 3; i++)
          expect(
            (await send(edge.url.replace('/graphql', '/metrics'), { headers: { authorization: `Bearer ${admin}` } }))
              .status,
          ).toBe(200);
        await Promise.all(
          Array.from({ length: 3 }, () =>
            send(edge.url.replace('/graphql', '/metrics'), { headers: { authorization: `Bearer ${admin}` } }),
          ),
        );
        expect(query.mock.calls.filter(([sql]) => String(sql).includes('rm_escalations'))).toHaveLength(1);
      } finally {
        query.mockRestore();
      }
    });
  });
});
