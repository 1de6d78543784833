import { workflowInfo } from '@temporalio/workflow';

/** Past this many history events a workflow continues as new, carrying its state over. */
export const HISTORY_EVENT_LIMIT = 2000;

export function shouldContinueAsNew(): boolean {
  const info = workflowInfo();
  return info.continueAsNewSuggested || info.historyLength > HISTORY_EVENT_LIMIT;
}

/** Workflow time (deterministic) as an ISO instant. */
export const nowIso = (): string => new Date().toISOString();

export const msUntil = (instant: string): number => Math.max(1, Date.parse(instant) - Date.now());
