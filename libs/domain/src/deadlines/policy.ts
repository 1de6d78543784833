import type { CalendarPolicy } from '../calendar/calendar';

/**
 * The rules an OPLE's documents follow: how days are counted, how long each side has, and when
 * reminders and escalations fire. Configurable per OPLE; these are the defaults.
 */
export interface FollowUpPolicy extends CalendarPolicy {
  /** Days the OPLE has to answer INE's observations (counted after the oficio's date). */
  opleAnswerDays: number;
  /** Days INE has to answer a submission. */
  ineReviewDays: number;
  /** How many days before the due time the reminder goes out. */
  reminderDaysBefore: number;
  /** Days after the due time for escalation levels 1, 2 and 3. */
  escalationGraceDays: readonly [number, number, number];
}

export const DEFAULT_POLICY: FollowUpPolicy = {
  dayCount: 'CALENDAR',
  closedDays: [],
  opleAnswerDays: 5,
  ineReviewDays: 10,
  reminderDaysBefore: 2,
  escalationGraceDays: [1, 3, 7],
};

export function policyWith(overrides: Partial<FollowUpPolicy> = {}): FollowUpPolicy {
  return { ...DEFAULT_POLICY, ...overrides };
}
