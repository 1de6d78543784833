import { DOCUMENTS_TASK_QUEUE, TIMER_PROBE_WORKFLOW_TYPE } from '@seguimiento/contracts';
import type { TimerProbeResult } from '../../workflows/src/timer-probe.workflow';
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
    const probes = await Promise.all(
      Array.from({ length: 31 }, (_, i) =>
        temporal.workflow.start(TIMER_PROBE_WORKFLOW_TYPE, {
          workflowId: `probe-${started}-${i}`,
          taskQueue: DOCUMENTS_TASK_QUEUE,
          args: [{ fireAt: new Date(started + 5000 + i * 1000).toISOString() }],
        }),
      ),
    );

    const down = { from: 0, to: 0 };
    await underLoad(stack, client, { tag: 'TR', documents, concurrency: 16 }, 'kill -9 Temporal server', async () => {
      down.from = Date.now();
      await stack.temporal.kill();
      await sleep(5000);
      await stack.temporal.restart();
      down.to = Date.now();
    });

    const results: TimerProbeResult[] = await Promise.all(
      probes.map((p) => temporal.workflow.getHandle(p.workflowId).result()),
    );
    const dueWhileDown = results.filter((r) => Date.parse(r.fireAt) >= down.from && Date.parse(r.fireAt) <= down.to);
    const report = await settleAndCheck(stack, client, {
      name: 'Temporal server killed (SIGKILL) and restarted',
      tag: 'TR',
      documents,
      started,
      extra: {
        timersFired: results.length,
        timersDueWhileDown: dueWhileDown.length,
        maxTimerLatenessMs: Math.max(...results.map((r) => r.lateMs)),
      },
    });
    expect(report.violations).toEqual([]);
    expectSettled(report);
    // Every timer fired, none early; those due while the server was down fired once it was back.
    expect(results).toHaveLength(probes.length);
    expect(results.filter((r) => r.lateMs < 0)).toEqual([]);
    expect(dueWhileDown.length).toBeGreaterThan(0);
    expect(dueWhileDown.filter((r) => Date.parse(r.firedAt) < down.to - 1000)).toEqual([]);
  });
});
