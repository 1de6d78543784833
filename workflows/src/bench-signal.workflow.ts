import { BENCH_SIGNAL_NAME } from '@seguimiento/contracts';
import { condition, defineSignal, setHandler } from '@temporalio/workflow';

/** The one signal the benchmark's empty workflow waits for. */
export const benchSignal = defineSignal(BENCH_SIGNAL_NAME);

/**
 * An empty workflow, the benchmark's throughput baseline: started with its signal
 * (signal-with-start) on the documents' task queue, it completes as soon as it has handled the
 * signal — a workflow task on the same worker, and nothing else (no activity, no event store).
 */
export async function benchSignalWorkflow(): Promise<void> {
  let signalled = false;
  setHandler(benchSignal, () => void (signalled = true));
  await condition(() => signalled);
}
