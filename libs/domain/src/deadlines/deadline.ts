import { addCountedDays, endOfLocalDay } from '../calendar/calendar';
import type { FollowUpPolicy } from './policy';

export type Party = 'INE' | 'OPLE';

/**
 * What the clock is running for: the OPLE delivering an expected document, INE reviewing a
 * submission, the OPLE answering observations, or the OPLE answering a request.
 */
export type DeadlineKind = 'DELIVERY' | 'REVIEW' | 'ANSWER' | 'REQUEST';

export interface Deadline {
  party: Party;
  kind: DeadlineKind;
  /** Last local day (YYYY-MM-DD) the party has. */
  dueDate: string;
  /** The instant the deadline passes: the end of `dueDate` in Mexico City (ISO, UTC). */
  dueAt: string;
}

export function deadlineOn(party: Party, kind: DeadlineKind, dueDate: string): Deadline {
  return { party, kind, dueDate, dueAt: endOfLocalDay(dueDate) };
}

/** The deadline `days` counted days after a local date, under the policy's calendar. */
export function deadlineAfter(
  party: Party,
  kind: DeadlineKind,
  from: string,
  days: number,
  policy: FollowUpPolicy,
): Deadline {
  return deadlineOn(party, kind, addCountedDays(from, days, policy));
}

/** Whether a case's running deadline (a document's or a request's) has passed at `now`: from the instant it is due. */
export function isOverdue(state: { deadline: Deadline | null }, now: string): boolean {
  return state.deadline !== null && Date.parse(state.deadline.dueAt) <= Date.parse(now);
}
