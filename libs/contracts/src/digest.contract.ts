/** The daily digest (issue 18): a Temporal Schedule starts `digestWorkflow` at 08:00, Mexico City. */
export const DIGEST_WORKFLOW_TYPE = 'digestWorkflow';
export const DIGEST_SCHEDULE_ID = 'seguimiento-daily-digest';
/** Every day at 08:00 in tiempo del centro. */
export const DIGEST_CRON = '0 8 * * *';
export const DIGEST_TIMEZONE = 'America/Mexico_City';

export interface DigestInput {
  /** The local date (YYYY-MM-DD) whose digest to compose; absent: the day the workflow runs (a schedule's run). */
  date?: string;
}

export interface DigestResult {
  date: string;
  /** Mails written to the outbox now (0 when the day's were already written). */
  written: number;
  /** People with something to say. */
  withNews: number;
  /** People with nothing to say (no mail) or on a quiet weekend day. */
  skipped: number;
}

/** The digest's activity: composes each person's digest from the read models and writes it to the outbox. */
export interface DigestActivities {
  composeDailyDigest(input: { date: string | null; at: string }): Promise<DigestResult>;
}
