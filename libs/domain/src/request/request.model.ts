import type { Deadline } from '../deadlines/deadline';
import type {
  AcknowledgeEscalationData,
  DeadlineExtendedData,
  EscalationAcknowledgedData,
  EscalationRaisedData,
  FiredEscalation,
  RaiseEscalationData,
} from '../deadlines/deadline-decisions';
import type { ClosedDeadline } from '../deadlines/deadline-outcome';
import type { FollowUpPolicy } from '../deadlines/policy';

/**
 * A request INE makes of an OPLE ("solicita se informe, a más tardar el 4 de marzo, …",
 * "solicita remita a la UTSI …"): open until the OPLE answers, or until INE receives what it
 * asked for (as 1581 closes 1376 in the seed).
 */
export interface RequestOpenedData {
  requestId: string;
  ople: string;
  oficioNumber: string;
  date: string;
  subject: string;
  deliverable: number | null;
  /** True when the oficio states the date ("a más tardar"); otherwise the policy's answer period applies. */
  explicitDeadline: boolean;
  policy: FollowUpPolicy;
}

export interface RequestFulfilledData {
  oficioNumber: string;
  date: string;
  /** OPLE: its answer; INE: an oficio that receives what was asked for. */
  by: 'OPLE' | 'INE';
}

export interface RequestCancelledData {
  date: string;
  reason: string;
}

export type RequestEvent =
  | { type: 'RequestOpened'; data: RequestOpenedData }
  | { type: 'RequestFulfilled'; data: RequestFulfilledData }
  | { type: 'RequestCancelled'; data: RequestCancelledData }
  | { type: 'DeadlineSet'; data: { deadline: Deadline | null } }
  | { type: 'DeadlineExtended'; data: DeadlineExtendedData }
  | { type: 'EscalationRaised'; data: EscalationRaisedData }
  | { type: 'EscalationAcknowledged'; data: EscalationAcknowledgedData };

export interface OpenRequestData {
  requestId: string;
  ople: string;
  oficioNumber: string;
  date: string;
  subject: string;
  deliverable?: number;
  /** "A más tardar" date (YYYY-MM-DD), when the oficio gives one. */
  dueDate?: string;
  policy?: Partial<FollowUpPolicy>;
}

export interface FulfillRequestData {
  oficioNumber: string;
  date: string;
  by: 'OPLE' | 'INE';
}

export type RequestCommand =
  | { type: 'OpenRequest'; data: OpenRequestData }
  | { type: 'FulfillRequest'; data: FulfillRequestData }
  | { type: 'CancelRequest'; data: RequestCancelledData }
  | { type: 'ExtendDeadline'; data: { dueDate: string; reason: string; oficioNumber?: string } }
  | { type: 'RaiseEscalation'; data: RaiseEscalationData }
  | { type: 'AcknowledgeEscalation'; data: AcknowledgeEscalationData };

export type RequestStatus = 'OPEN' | 'FULFILLED' | 'CANCELLED';

export interface RequestState {
  requestId: string | null;
  ople: string | null;
  oficioNumber: string | null;
  date: string | null;
  subject: string | null;
  deliverable: number | null;
  explicitDeadline: boolean;
  status: RequestStatus;
  fulfilledBy: RequestFulfilledData | null;
  deadline: Deadline | null;
  /** The deadlines that no longer run, with how each ended. Absent until the first one ends. */
  pastDeadlines?: ClosedDeadline[];
  escalations: FiredEscalation[];
  policy: FollowUpPolicy | null;
  version: number;
}

export const initialRequestState: RequestState = {
  requestId: null,
  ople: null,
  oficioNumber: null,
  date: null,
  subject: null,
  deliverable: null,
  explicitDeadline: false,
  status: 'OPEN',
  fulfilledBy: null,
  deadline: null,
  escalations: [],
  policy: null,
  version: 0,
};

export const isRequestClosed = (state: RequestState): boolean => state.version > 0 && state.status !== 'OPEN';
