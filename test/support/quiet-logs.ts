import { DefaultLogger, Runtime } from '@temporalio/worker';

/** Only warnings and errors from Temporal workers; the runtime can be installed once per process. */
export function quietTemporalLogs(): void {
  try {
    Runtime.install({ logger: new DefaultLogger('WARN') });
  } catch {
    // Already installed by an earlier test file in this process.
  }
}
