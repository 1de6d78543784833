import type { Deadline } from '../deadlines/deadline';
import type { FiredEscalation } from '../deadlines/deadline-decisions';
import type { ClosedDeadline } from '../deadlines/deadline-outcome';
import type { FollowUpPolicy } from '../deadlines/policy';
import type { DocumentVersionKind, ObservationStatus, ReviewOutcome } from './document.events';

/** Who must act next: INE reviews, the OPLE answers, nobody once resolved or withdrawn. */
export type BallInCourt = 'INE' | 'OPLE' | 'NONE';

/**
 * EXPECTED: due but not yet sent · UNDER_REVIEW: sent, INE reviewing · OBSERVED: observations
 * pending, the OPLE must answer · RESOLVED: observations addressed or document received ·
 * WITHDRAWN.
 */
export type DocumentStatus = 'EXPECTED' | 'UNDER_REVIEW' | 'OBSERVED' | 'RESOLVED' | 'WITHDRAWN';

/** One exchange: the OPLE sends a version, INE answers it. */
export interface Round {
  number: number;
  /** The OPLE's oficio; null when the submission was inferred from INE's answer. */
  submittedBy: string | null;
  submittedOn: string | null;
  answeredBy: string | null;
  answeredOn: string | null;
  outcome: ReviewOutcome | null;
  additionalObservations: boolean | null;
}

export interface Observation {
  id: string;
  text: string;
  raisedBy: string;
  raisedInRound: number;
  inferred: boolean;
  status: ObservationStatus;
  /** The oficio that last changed its status. */
  lastJudgedBy: string | null;
  /** True when it was closed as carried into INE's latest oficio, which addressed it (issue 15, rule 1). */
  carried?: true;
}

export interface KnownOficio {
  number: string;
  direction: 'IN' | 'OUT';
  date: string | null;
  role: 'SOURCE' | 'SUBMISSION' | 'ANSWER' | 'INFERRED' | 'EXTENSION' | 'WITHDRAWAL';
}

export type { FiredEscalation };

export interface DocumentState {
  documentId: string | null;
  ople: string | null;
  deliverable: number | null;
  versionKind: DocumentVersionKind | null;
  title: string | null;
  sourceOficio: string | null;
  status: DocumentStatus;
  ballInCourt: BallInCourt;
  resolution: 'ADDRESSED' | 'ACCEPTED' | null;
  submissions: number;
  lastOficioNumber: string | null;
  lastSubmittedOn: string | null;
  rounds: Round[];
  observations: Observation[];
  oficios: KnownOficio[];
  deadline: Deadline | null;
  /**
   * The deadlines that no longer run, in order, with how each ended (met, met late, met as
   * inferred, extended, cancelled). Absent until the first one ends.
   */
  pastDeadlines?: ClosedDeadline[];
  escalations: FiredEscalation[];
  policy: FollowUpPolicy | null;
  /** Number of events folded so far: the stream version. */
  version: number;
}

export const initialDocumentState: DocumentState = {
  documentId: null,
  ople: null,
  deliverable: null,
  versionKind: null,
  title: null,
  sourceOficio: null,
  status: 'EXPECTED',
  ballInCourt: 'OPLE',
  resolution: null,
  submissions: 0,
  lastOficioNumber: null,
  lastSubmittedOn: null,
  rounds: [],
  observations: [],
  oficios: [],
  deadline: null,
  escalations: [],
  policy: null,
  version: 0,
};

export const isDocumentClosed = (state: DocumentState): boolean =>
  state.status === 'RESOLVED' || state.status === 'WITHDRAWN';

export const openObservations = (state: DocumentState): Observation[] =>
  state.observations.filter((o) => o.status !== 'ADDRESSED');

/** The highest escalation level reached on the current deadline (0 when none). */
export function escalationLevel(state: DocumentState): number {
  if (!state.deadline) return 0;
  const levels = state.escalations
    .filter((e) => e.deadline.dueAt === state.deadline!.dueAt && e.step.startsWith('LEVEL_'))
    .map((e) => Number(e.step.slice(6)));
  return Math.max(0, ...levels);
}
