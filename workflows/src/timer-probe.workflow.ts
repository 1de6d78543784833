import { sleep } from '@temporalio/workflow';

export interface TimerProbeInput {
  /** When the timer should fire (ISO 8601). */
  fireAt: string;
}

export interface TimerProbeResult {
  fireAt: string;
  /** The workflow time at which the timer's task ran. */
  firedAt: string;
  lateMs: number;
}

/**
 * A durable timer and nothing else, on the documents' task queue: sleeps until `fireAt` and
 * reports how late it woke. The benchmark runs these beside thousands of open documents to
 * measure timer accuracy under load with the same mechanism the escalation ladder uses.
 */
export async function timerProbeWorkflow(input: TimerProbeInput): Promise<TimerProbeResult> {
  const target = Date.parse(input.fireAt);
  const wait = target - Date.now();
  if (wait > 0) await sleep(wait);
  const fired = Date.now();
  return { fireAt: input.fireAt, firedAt: new Date(fired).toISOString(), lateMs: fired - target };
}
