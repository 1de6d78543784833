import { proxyActivities } from '@temporalio/workflow';
import type { FollowUpActivities } from '@seguimiento/contracts';

/**
 * The activities, retried until they succeed: an event that cannot be stored now (PostgreSQL
 * down) is stored later, never dropped; appends are idempotent, so a retry never duplicates.
 */
export const activities = proxyActivities<FollowUpActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', backoffCoefficient: 2 },
});
