import { proxyActivities } from '@temporalio/workflow';
import type { FollowUpActivities } from '@seguimiento/contracts';

/**
 * The activities, retried until they succeed: an event that cannot be stored now (PostgreSQL
 * down) is stored later, never dropped; appends are idempotent, so a retry never duplicates.
 * Retries back off to every 10 s at most, so work resumes within seconds of the database's return.
 */
export const activities = proxyActivities<FollowUpActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '10 seconds', backoffCoefficient: 2 },
});
