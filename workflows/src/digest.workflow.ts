import { proxyActivities } from '@temporalio/workflow';
import type { DigestActivities, DigestInput, DigestResult } from '@seguimiento/contracts';

const { composeDailyDigest } = proxyActivities<DigestActivities>({
  startToCloseTimeout: '5 minutes',
  retry: { initialInterval: '5 seconds', maximumInterval: '1 minute', backoffCoefficient: 2 },
});

/**
 * The daily digest, started by a Temporal Schedule at 08:00 (Mexico City) — not a timer in a
 * process. One activity composes every person's digest from the read models and writes it to
 * the outbox, keyed by person and date, so a retry or a second run of the same day sends nothing
 * twice. `date` lets an operator (or a test) compose a given day's digest.
 */
export async function digestWorkflow(input: DigestInput = {}): Promise<DigestResult> {
  return composeDailyDigest({ date: input.date ?? null, at: new Date().toISOString() });
}
