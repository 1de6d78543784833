import type { Deadline } from './deadline';

/**
 * How a deadline that no longer runs ended: met on time or late by an oficio of the party that
 * owed it; met as inferred (INE reviewed the document again, so the OPLE evidently answered in
 * between, on a date nobody recorded — issue 15, rule 8); replaced by an extension; or cancelled
 * (the document withdrawn, the request cancelled).
 */
export type DeadlineOutcome = 'MET' | 'MET_LATE' | 'MET_INFERRED' | 'EXTENDED' | 'CANCELLED';

export interface ClosedDeadline {
  deadline: Deadline;
  outcome: DeadlineOutcome;
  /** The oficio that ended it; null when inferred or when none was given. */
  by: string | null;
  /** Its date (YYYY-MM-DD); null when inferred or unknown. */
  on: string | null;
}

/** The deadline met by an oficio of the given date: on time up to its last day, late after. */
export function metBy(deadline: Deadline, oficioNumber: string, date: string): ClosedDeadline {
  return { deadline, outcome: date <= deadline.dueDate ? 'MET' : 'MET_LATE', by: oficioNumber, on: date };
}

/** The deadline ended otherwise: inferred, extended or cancelled. */
export function endedAs(
  deadline: Deadline,
  outcome: Exclude<DeadlineOutcome, 'MET' | 'MET_LATE'>,
  by: string | null = null,
  on: string | null = null,
): ClosedDeadline {
  return { deadline, outcome, by, on };
}

/**
 * What a case's state changes when its running deadline ended: its past deadlines with that one
 * more; nothing when none ended (states folded before they were kept have none yet).
 */
export function closing(
  state: { pastDeadlines?: readonly ClosedDeadline[] },
  closed: ClosedDeadline | null,
): { pastDeadlines?: ClosedDeadline[] } {
  return closed ? { pastDeadlines: [...(state.pastDeadlines ?? []), closed] } : {};
}
