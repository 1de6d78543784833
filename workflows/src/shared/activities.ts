import {
  type ActivityOptions,
  type LocalActivityOptions,
  proxyActivities,
  proxyLocalActivities,
} from '@temporalio/workflow';
import type { FollowUpActivities } from '@seguimiento/contracts';

/**
 * Retries back off to every 10 s at most, so work resumes within seconds of the database's return.
 * (Below the local activities' one-minute threshold: a local activity retries inside its
 * workflow task, which the worker keeps alive, rather than on a timer.)
 */
const RETRY = { initialInterval: '1 second', maximumInterval: '10 seconds', backoffCoefficient: 2 } as const;
const TIMEOUTS: Pick<ActivityOptions & LocalActivityOptions, 'startToCloseTimeout'> = {
  startToCloseTimeout: '30 seconds',
};

/**
 * The activities, retried until they succeed: an event that cannot be stored now (PostgreSQL
 * down) is stored later, never dropped; appends are idempotent, so a retry never duplicates.
 */
export const activities = proxyActivities<FollowUpActivities>({ ...TIMEOUTS, retry: RETRY });

/**
 * The same activities run by the worker inside the workflow task that calls them (no round trip
 * through the server's activity queue and a second workflow task): for the append of a command's
 * events, whose ids the worker derives from the events themselves (see `appendDecidedEvents`).
 */
export const localActivities = proxyLocalActivities<FollowUpActivities>({ ...TIMEOUTS, retry: RETRY });
