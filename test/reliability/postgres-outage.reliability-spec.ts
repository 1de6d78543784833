import { type Client as WsClient, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { waitFor } from '../support/wait-for';
import { expectSettled, operator, settleAndCheck, underLoad } from './support/fault-scenario';
import { FaultStack } from './support/fault-stack';
import { documentLife } from './support/lifecycles';
import { size, sleep } from './support/scenario';

const readyStatus = async (url: string) =>
  (await fetch(url, { signal: AbortSignal.timeout(5000) }).catch(() => null))?.status ?? 0;

/**
 * Scenario 3: PostgreSQL stopped for 30 s under load. The activities that append events retry
 * until it is back; the gateway says it is not ready meanwhile, and ready again after; the
 * documents all finish; nothing is lost or recorded twice; live subscriptions resume.
 */
describe('scenario 3: PostgreSQL stopped for 30 s under load', () => {
  let stack: FaultStack;
  let ws: WsClient | null = null;
  const documents = size('RELIABILITY_POSTGRES_DOCUMENTS', 150);
  const outageMs = size('RELIABILITY_POSTGRES_OUTAGE_MS', 30_000);

  beforeAll(async () => {
    stack = await FaultStack.start({ workers: 1, gateways: 1 });
  });
  afterAll(async () => {
    await ws?.dispose();
    await stack?.stop();
  });

  it('waits out the outage, reports not-ready, recovers, and keeps every invariant', async () => {
    const started = Date.now();
    const client = operator(stack);
    const readiness: number[] = [];
    await underLoad(
      stack,
      client,
      { tag: 'PG', documents, concurrency: 16 },
      `PostgreSQL stopped for ${outageMs / 1000} s`,
      async () => {
        await stack.stopPostgres();
        const back = Date.now() + outageMs;
        while (Date.now() < back) {
          readiness.push(await readyStatus(stack.readyUrl(0)));
          await sleep(1000);
        }
        await stack.startPostgres();
        await waitFor(async () => (await readyStatus(stack.readyUrl(0))) === 200, 60_000);
      },
    );

    const report = await settleAndCheck(stack, client, {
      name: `PostgreSQL stopped ${outageMs / 1000} s`,
      tag: 'PG',
      documents,
      started,
      extra: { notReadyAnswers: readiness.filter((s) => s === 503).length },
    });
    expect(report.violations).toEqual([]);
    expectSettled(report);
    // While the database was down the gateway said so (503) every time it was asked.
    expect(readiness.length).toBeGreaterThan(0);
    expect(readiness.filter((s) => s !== 503)).toEqual([]);

    // Live subscriptions resumed: a change after the outage reaches a subscriber.
    const seen: unknown[] = [];
    const errors: unknown[] = [];
    ws = createClient({
      url: stack.graphqlUrls[0].replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${stack.adminToken}` },
      retryAttempts: 0,
    });
    const after = documentLife('PGLIVE', 0)[0];
    ws.subscribe(
      { query: `subscription { documentChanged(ople: "${String(after.input.ople)}") { id status } }` },
      { next: (v) => seen.push(v), error: (e) => errors.push(e), complete: () => undefined },
    );
    await sleep(500);
    const recorded = await client.record(after.door, after.input);
    await waitFor(() => seen.length > 0 || errors.length > 0, 15_000);
    // The change itself, not just any payload (an error delivered as a payload counted before).
    expect(errors).toEqual([]);
    expect(seen[0]).toEqual({ data: { documentChanged: { id: recorded.document!.id, status: 'UNDER_REVIEW' } } });
    expect(recorded.document!.id).toMatch(/^document:[A-Z]{3}:pglive-0$/);
  });
});
