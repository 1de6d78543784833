import { DOCUMENTS_TASK_QUEUE, TIMER_PROBE_WORKFLOW_TYPE } from '@seguimiento/contracts';
import type { Client } from '@temporalio/client';
import { expectSettled, operator, settleAndCheck, underLoad } from './support/fault-scenario';
import { FaultStack } from './support/fault-stack';
import { size, sleep } from './support/scenario';

/**
 * Scenario 2: the Temporal server killed with SIGKILL under load and started again on its stored
 * state. The documents in flight finish; durable timers set before the crash — some due while the
 * server is down — all fire after the restart, none lost, none early.
 */
describe('scenario 2: the Temporal server killed and restarted with its state, under load', () => {
  let stack: FaultStack;
  const documents = size('RELIABILITY_TEMPORAL_DOCUMENTS', 150);

  beforeAll(async () => {
    stack = await FaultStack.start({ workers: 1, gateways: 1 });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('keeps every workflow and timer across the restart, with every invariant kept', async () => {
    const started = Date.now();
    const client = operator(stack);
    const temporal = await stack.temporalClient();
    // Timers every second from 5 s to 35 s out: the crash comes in the middle of them.
    const fireAts = Array.from({ length: 31 }, (_, i) => started + 5000 + i * 1000);
    const probes = await Promise.all(
      fireAts.map((fireAt, i) =>
        temporal.workflow.start(TIMER_PROBE_WORKFLOW_TYPE, {
          workflowId: `probe-${started}-${i}`,
          taskQueue: DOCUMENTS_TASK_QUEUE,
          args: [{ fireAt: new Date(fireAt).toISOString() }],
        }),
      ),
    );

    // When each timer fired, by this process's clock (not the workflow's, whose own time cannot put a
    // timer early): the moment its result reaches us. That is never before the timer fired, so a
    // result seen before its fireAt is a timer that fired early.
    const seen = probes.map((p, i) => resultSeen(temporal, p.workflowId, fireAts[i]));

    const down = { from: 0, restarting: 0, to: 0 };
    await underLoad(stack, client, { tag: 'TR', documents, concurrency: 16 }, 'kill -9 Temporal server', async () => {
      down.from = Date.now();
      await stack.temporal.kill();
      await sleep(5000);
      down.restarting = Date.now();
      await stack.temporal.restart();
      down.to = Date.now();
    });

    const results = await Promise.all(seen);
    const dueWhileDown = results.filter((r) => r.fireAt >= down.from && r.fireAt <= down.to);
    const report = await settleAndCheck(stack, client, {
      name: 'Temporal server killed (SIGKILL) and restarted',
      tag: 'TR',
      documents,
      started,
      extra: {
        timersFired: results.length,
        timersDueWhileDown: dueWhileDown.length,
        maxTimerLatenessSeenMs: Math.max(...results.map((r) => r.seenAt - r.fireAt)),
      },
    });
    expect(report.violations).toEqual([]);
    expectSettled(report);
    // Every timer fired, none early (by this process's clock); those due while the server was down
    // reached us only once it was being started again — so it was down, and they were not lost.
    expect(results).toHaveLength(probes.length);
    expect(results.filter((r) => r.seenAt < r.fireAt)).toEqual([]);
    expect(dueWhileDown.length).toBeGreaterThan(0);
    expect(dueWhileDown.filter((r) => r.seenAt < down.restarting)).toEqual([]);
  });
});

/**
 * Waits for a probe's result, asking again while the server is away, and notes when it arrived by
 * this process's clock.
 */
async function resultSeen(
  temporal: Client,
  workflowId: string,
  fireAt: number,
): Promise<{ fireAt: number; seenAt: number }> {
  for (;;) {
    try {
      await temporal.workflow.getHandle(workflowId).result();
      return { fireAt, seenAt: Date.now() };
    } catch {
      await sleep(200);
    }
  }
}
