import { workflowInfo } from '@temporalio/workflow';

/** Past this many history events a workflow continues as new, carrying its state over. */
const HISTORY_EVENT_LIMIT = 2000;

export function shouldContinueAsNew(limit = HISTORY_EVENT_LIMIT): boolean {
  const info = workflowInfo();
  return info.continueAsNewSuggested || info.historyLength > limit;
}

/** Workflow time (deterministic) as an ISO instant. */
export const nowIso = (): string => new Date().toISOString();

export const msUntil = (instant: string): number => Math.max(1, Date.parse(instant) - Date.now());

/** How long a workflow started by a command that was then refused waits before it gives up. */
export const EMPTY_CASE_GRACE_MS = 60_000;
