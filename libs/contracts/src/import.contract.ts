import { defineUpdate } from '@temporalio/workflow';
import type { EscalationStep } from '@seguimiento/domain';

/**
 * Issue 15, rule 7: history is imported as history. Every command an import of past
 * correspondence sends carries the import's id (`importId`, see WithActor); a case touched by it
 * holds its escalation ladder until the import is over — this update, sent by the import to every
 * case it touched after its last oficio, or a durable timer, `IMPORT_HOLD_MINUTES` after the
 * import's last command to the case, should the import never say so — and then evaluates its
 * deadline once: still overdue, one escalation at its highest rung, marked found at import.
 */
export const IMPORT_HOLD_MINUTES = 15;

/** The hold a case carries over when it continues as new in the middle of an import. */
export interface ImportHold {
  importId: string;
  /** When the hold ends by itself (workflow time, ISO). */
  until: string;
  /** The import is over (it said so, or the timer passed): the deadline is evaluated next. */
  over?: true;
}

export interface ImportFinished {
  /** The escalation the case raised as found at import, if its deadline was still overdue. */
  foundAtImport: EscalationStep | null;
}

export const finishImportUpdate = defineUpdate<ImportFinished, [{ importId: string }]>('finishImport');
