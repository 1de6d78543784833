import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Client } from '@temporalio/client';
import type { FoundAtImport, ImportRuns } from '@seguimiento/application';
import { finishImportUpdate } from '@seguimiento/contracts';
import type { EscalationStep } from '@seguimiento/domain';

/**
 * Issue 15, rule 7: history is imported as history. An import of past correspondence runs inside
 * `asImport`: every command it sends to a case carries the import's id (`importTag`, read by
 * WorkflowCommands), so the case holds its escalation ladder while the import runs; when it is
 * over, each case it touched is told so (the finishImport update) and evaluates its deadline once.
 * Should the gateway die before that, each case ends the hold by itself (a durable timer).
 */
interface ImportRun {
  id: string;
  touched: Set<string>;
}

const running = new AsyncLocalStorage<ImportRun>();

/** The import a command belongs to, if any, noting the case it touches; `{}` outside an import. */
export function importTag(workflowId: string): { importId?: string } {
  const run = running.getStore();
  if (!run) return {};
  run.touched.add(workflowId);
  return { importId: run.id };
}

/** The import port over Temporal: runs the work as one import, then tells every case it touched that it is over. */
@Injectable()
export class TemporalImportRuns implements ImportRuns {
  constructor(private readonly temporal: Client) {}

  async run<T>(work: () => Promise<T>): Promise<[T, FoundAtImport[]]> {
    const run: ImportRun = { id: `import:${randomUUID()}`, touched: new Set() };
    let outcome: { value: T } | { error: unknown };
    try {
      outcome = { value: await running.run(run, work) };
    } catch (error) {
      outcome = { error };
    }
    // Even when the import stopped half-way: what it recorded is history, and its cases need wait for no timer.
    const found = await finishImport(this.temporal, run);
    if ('error' in outcome) throw outcome.error;
    return [outcome.value, found];
  }
}

async function finishImport(temporal: Client, run: ImportRun): Promise<FoundAtImport[]> {
  const found: FoundAtImport[] = [];
  for (const caseId of [...run.touched].sort()) {
    try {
      const answer = await temporal.workflow
        .getHandle(caseId)
        .executeUpdate(finishImportUpdate, { args: [{ importId: run.id }] });
      if (answer.foundAtImport) found.push({ caseId, step: answer.foundAtImport as EscalationStep });
    } catch {
      // A case that closed during the import (resolved, fulfilled) has nothing left to evaluate;
      // one that cannot be reached now ends its hold by itself.
    }
  }
  return found;
}
