import { expectSettled, operator, settleAndCheck, underLoad } from './support/fault-scenario';
import { FaultStack } from './support/fault-stack';
import { size, sleep } from './support/scenario';

/**
 * Scenario 4: the gateway killed with SIGKILL while 32 clients have mutations in flight. The
 * workflows finish what they were given; each client sends the same oficio again once the
 * gateway is back, and gets an answer — "already recorded" when its first attempt had gone
 * through — never a second copy.
 */
describe('scenario 4: the gateway killed in the middle of mutations', () => {
  let stack: FaultStack;
  const documents = size('RELIABILITY_GATEWAY_DOCUMENTS', 150);

  beforeAll(async () => {
    stack = await FaultStack.start({ workers: 1, gateways: 1 });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('answers every retried oficio idempotently once the gateway is back', async () => {
    const started = Date.now();
    const client = operator(stack);
    await underLoad(stack, client, { tag: 'GW', documents, concurrency: 32 }, 'kill -9 gateway', async () => {
      await stack.killGateway(0);
      await sleep(2000);
      await stack.startGateway(0);
    });

    const report = await settleAndCheck(stack, client, {
      name: 'gateway killed (SIGKILL) mid-mutation',
      tag: 'GW',
      documents,
      started,
    });
    expect(report.violations).toEqual([]);
    expectSettled(report);
    // The kill cut mutations in flight: their clients had to send them again.
    expect(client.ledger.retried).toBeGreaterThan(0);
  });
});
