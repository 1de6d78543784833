import { shiftDays } from '../calendar/calendar';
import type { Deadline } from './deadline';
import type { FollowUpPolicy } from './policy';

/**
 * The ladder a deadline climbs: a reminder before it, OVERDUE when it passes, then three levels
 * (1 the responsible area, 2 the commission's technical secretary, 3 the commission).
 */
export type EscalationStep = 'REMINDER' | 'OVERDUE' | 'LEVEL_1' | 'LEVEL_2' | 'LEVEL_3';

export const ESCALATION_STEPS: readonly EscalationStep[] = ['REMINDER', 'OVERDUE', 'LEVEL_1', 'LEVEL_2', 'LEVEL_3'];

export const ESCALATION_RECIPIENTS: Record<EscalationStep, string> = {
  REMINDER: 'Parte responsable del plazo',
  OVERDUE: 'Parte responsable del plazo',
  LEVEL_1: 'Área responsable',
  LEVEL_2: 'Secretaría Técnica de la Comisión',
  LEVEL_3: 'Comisión',
};

export interface PlannedEscalation {
  step: EscalationStep;
  /** When it is due to fire (ISO instant). */
  at: string;
}

/** The five steps of a deadline's ladder with their instants. */
export function escalationLadder(deadline: Deadline, policy: FollowUpPolicy): PlannedEscalation[] {
  const [g1, g2, g3] = policy.escalationGraceDays;
  return [
    { step: 'REMINDER', at: shiftDays(deadline.dueAt, -policy.reminderDaysBefore) },
    { step: 'OVERDUE', at: deadline.dueAt },
    { step: 'LEVEL_1', at: shiftDays(deadline.dueAt, g1) },
    { step: 'LEVEL_2', at: shiftDays(deadline.dueAt, g2) },
    { step: 'LEVEL_3', at: shiftDays(deadline.dueAt, g3) },
  ];
}

/** The identity of one step of one deadline: the same step never fires twice for it. */
export function escalationKey(deadline: Deadline, step: EscalationStep): string {
  return `${deadline.kind}:${deadline.party}:${deadline.dueAt}:${step}`;
}

/**
 * What to do next on a deadline, given the steps already fired and the current time:
 * `due` — the step to fire now (when several are past, only the highest: a ladder discovered
 * late does not replay its lower rungs); `next` — the instant of the following step, to sleep until.
 */
export function nextEscalation(
  deadline: Deadline | null,
  fired: ReadonlySet<string>,
  now: string,
  policy: FollowUpPolicy,
): { due: PlannedEscalation | null; next: PlannedEscalation | null } {
  if (!deadline) return { due: null, next: null };
  const ladder = escalationLadder(deadline, policy);
  const highestFired = Math.max(-1, ...ladder.map((p, i) => (fired.has(escalationKey(deadline, p.step)) ? i : -1)));
  const pending = ladder.slice(highestFired + 1);
  const t = Date.parse(now);
  const past = pending.filter((p) => Date.parse(p.at) <= t);
  const due = past.length ? past[past.length - 1] : null;
  const next = pending.find((p) => Date.parse(p.at) > t) ?? null;
  return { due, next };
}
