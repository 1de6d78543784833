import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { WithActor } from './activities.contract';
import type { ImportHold } from './import.contract';
import type {
  FulfillRequestData,
  OpenRequestData,
  PlannedEscalation,
  RequestCancelledData,
  RequestState,
} from '@seguimiento/domain';

export interface RequestWorkflowInput {
  requestId: string;
  ople: string;
  /** Continue-as-new past this many history events (tests lower it). */
  historyLimit?: number;
  carried?: { state: RequestState; lastPosition: string | null; importHold?: ImportHold };
}

export interface RequestUpdateResult {
  state: RequestState;
  changed: boolean;
  position: string | null;
}

export interface RequestView {
  state: RequestState;
  overdue: boolean;
  nextEscalation: PlannedEscalation | null;
  asOf: string;
}

export const openRequestUpdate = defineUpdate<RequestUpdateResult, [WithActor<Omit<OpenRequestData, 'requestId'>>]>(
  'openRequest',
);
export const fulfillRequestUpdate = defineUpdate<RequestUpdateResult, [WithActor<FulfillRequestData>]>(
  'fulfillRequest',
);
export const cancelRequestUpdate = defineUpdate<RequestUpdateResult, [WithActor<RequestCancelledData>]>(
  'cancelRequest',
);
export const extendRequestDeadlineUpdate = defineUpdate<
  RequestUpdateResult,
  [WithActor<{ dueDate: string; reason: string; oficioNumber?: string }>]
>('extendRequestDeadline');
export const requestStateQuery = defineQuery<RequestView>('requestState');
