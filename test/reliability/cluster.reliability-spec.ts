import { clusterOnPostgres } from './support/cluster-temporal';
import { expectSettled, operator, settleAndCheck, underLoad } from './support/fault-scenario';
import { FaultStack } from './support/fault-stack';
import { size } from './support/scenario';

/**
 * Scenario 5, beyond one machine: the full Temporal server on PostgreSQL persistence with mutual
 * TLS, two workers and two gateways (the topology of infra/README.md, on loopback). Under load, one worker and one
 * gateway die with SIGKILL and stay dead; clients fail over to the other gateway, the other worker
 * takes the workflows over, and nothing is lost.
 */
describe('scenario 5: full Temporal server on PostgreSQL, two workers and two gateways; one of each killed', () => {
  let stack: FaultStack;
  const documents = size('RELIABILITY_CLUSTER_DOCUMENTS', 200);

  beforeAll(async () => {
    stack = await FaultStack.start({ workers: 2, gateways: 2, temporal: clusterOnPostgres });
  }, 45 * 60_000); // the first run builds the server from the Go module proxy
  afterAll(async () => {
    await stack?.stop();
  });

  it('carries on with the survivors and keeps every invariant', async () => {
    const started = Date.now();
    const client = operator(stack);
    await underLoad(
      stack,
      client,
      { tag: 'CL', documents, concurrency: 32 },
      'kill -9 worker 1 and gateway 1',
      async () => {
        await Promise.all([stack.killWorker(0), stack.killGateway(0)]);
        // The balancer's health check takes the dead gateway out; requests in flight on it were cut.
        client.withdraw(stack.graphqlUrls[0]);
      },
    );

    const report = await settleAndCheck(stack, client, {
      name: 'full Temporal on PostgreSQL: 1 of 2 workers and 1 of 2 gateways killed',
      tag: 'CL',
      documents,
      started,
    });
    expect(report.violations).toEqual([]);
    expectSettled(report);
    // The dead gateway's clients went to the other one.
    expect(client.ledger.retried).toBeGreaterThan(0);
  });
});
