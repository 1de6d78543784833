import { type Client, ScheduleAlreadyRunning, ScheduleOverlapPolicy } from '@temporalio/client';
import {
  DIGEST_CRON,
  DIGEST_SCHEDULE_ID,
  DIGEST_TIMEZONE,
  DIGEST_WORKFLOW_TYPE,
  DOCUMENTS_TASK_QUEUE,
} from '@seguimiento/contracts';

/**
 * Creates the daily digest's Temporal Schedule (08:00, America/Mexico_City) unless it exists:
 * every worker start calls it, and the first one creates it. A schedule missed while the cluster
 * was down is caught up within a day; a run never overlaps the previous one.
 */
export async function ensureDigestSchedule(
  client: Client,
  taskQueue: string = DOCUMENTS_TASK_QUEUE,
  scheduleId: string = DIGEST_SCHEDULE_ID,
): Promise<'created' | 'exists'> {
  try {
    await client.schedule.create({
      scheduleId,
      spec: { cronExpressions: [DIGEST_CRON], timezone: DIGEST_TIMEZONE },
      action: { type: 'startWorkflow', workflowType: DIGEST_WORKFLOW_TYPE, taskQueue, args: [{}] },
      policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 day' },
      memo: { what: 'Resumen diario por persona (issue 18)' },
    });
    return 'created';
  } catch (error) {
    if (error instanceof ScheduleAlreadyRunning) return 'exists';
    throw error;
  }
}
