import { DomainError } from '../shared/domain-error';
import { type Deadline, deadlineOn } from './deadline';
import { ESCALATION_RECIPIENTS, ESCALATION_STEPS, type EscalationStep, escalationKey } from './escalation';

/** Decisions every followed case (document or request) makes the same way about its clock. */

export interface EscalationRaisedData {
  step: EscalationStep;
  /** Unique per deadline and step: the same step never fires twice. */
  key: string;
  deadline: Deadline;
  recipient: string;
  /** When the step was due (the timer's target). */
  dueToFireAt: string;
  /** When it fired (workflow time). */
  firedAt: string;
  /**
   * Issue 15, rule 7: the deadline was found already overdue when an import of past
   * correspondence ended — one notice at its highest rung, not a storm. Absent otherwise.
   */
  foundAtImport?: true;
}

export interface DeadlineExtendedData {
  previous: Deadline;
  deadline: Deadline;
  reason: string;
  oficioNumber: string | null;
}

export interface RaiseEscalationData {
  step: EscalationStep;
  dueToFireAt: string;
  now: string;
  /** The case evaluates its deadline once at the end of an import of past correspondence. */
  foundAtImport?: boolean;
}

/** The escalation to record now, or null when there is no clock or the step already fired. */
export function escalationToRaise(
  deadline: Deadline | null,
  fired: ReadonlyArray<{ key: string }>,
  data: RaiseEscalationData,
): EscalationRaisedData | null {
  if (!ESCALATION_STEPS.includes(data.step))
    throw new DomainError('INVALID_INPUT', `step: "${data.step}" no es un paso de escalamiento.`, 'step');
  if (!deadline) return null;
  const key = escalationKey(deadline, data.step);
  if (fired.some((e) => e.key === key)) return null;
  return {
    step: data.step,
    key,
    deadline,
    recipient: ESCALATION_RECIPIENTS[data.step],
    dueToFireAt: data.dueToFireAt,
    firedAt: data.now,
    ...(data.foundAtImport ? { foundAtImport: true as const } : {}),
  };
}

/** The extension of a running deadline, null when it already ends that day; never a shortening. */
export function extension(
  caseId: string | null,
  previous: Deadline | null,
  data: { dueDate: string; reason: string; oficioNumber: string | null },
): DeadlineExtendedData | null {
  if (!previous) throw new DomainError('NO_DEADLINE', `${caseId ?? 'El caso'} no tiene un plazo en curso.`);
  if (data.dueDate === previous.dueDate) return null;
  if (data.dueDate < previous.dueDate) {
    throw new DomainError(
      'INVALID_INPUT',
      `dueDate: la prórroga (${data.dueDate}) debe ser posterior al plazo vigente (${previous.dueDate}).`,
      'dueDate',
    );
  }
  return {
    previous,
    deadline: deadlineOn(previous.party, previous.kind, data.dueDate),
    reason: data.reason.trim(),
    oficioNumber: data.oficioNumber,
  };
}

export interface AcknowledgeEscalationData {
  key: string;
  /** Who acknowledges (the authenticated user). */
  by: string;
  now: string;
  note?: string;
}

export interface EscalationAcknowledgedData {
  key: string;
  by: string;
  at: string;
  note: string | null;
}

/** An escalation that fired, and whether someone has taken charge of it. */
export type FiredEscalation = EscalationRaisedData & { acknowledgedBy?: string; acknowledgedAt?: string };

/** The acknowledgement to record, or null when it was already acknowledged; refuses an unknown key. */
export function acknowledgement(
  escalations: readonly FiredEscalation[],
  data: AcknowledgeEscalationData,
): EscalationAcknowledgedData | null {
  if (typeof data.note === 'string' && data.note.length > 1000)
    throw new DomainError('INVALID_INPUT', 'note: no puede exceder 1000 caracteres.', 'note');
  const fired = escalations.find((e) => e.key === data.key);
  if (!fired)
    throw new DomainError(
      'UNKNOWN_ESCALATION',
      `key: el caso no tiene el escalamiento "${String(data.key).slice(0, 120)}".`,
      'key',
    );
  if (fired.acknowledgedAt) return null;
  return { key: data.key, by: data.by, at: data.now, note: data.note?.trim() || null };
}

export function withAcknowledgement(
  escalations: readonly FiredEscalation[],
  ack: EscalationAcknowledgedData,
): FiredEscalation[] {
  return escalations.map((e) => (e.key === ack.key ? { ...e, acknowledgedBy: ack.by, acknowledgedAt: ack.at } : e));
}
