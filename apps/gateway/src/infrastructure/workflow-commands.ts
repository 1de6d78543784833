import { Injectable } from '@nestjs/common';
import {
  Client,
  WithStartWorkflowOperation,
  WorkflowExecutionAlreadyStartedError,
  WorkflowUpdateFailedError,
} from '@temporalio/client';
import { ApplicationFailure, type UpdateDefinition } from '@temporalio/common';
import { CaseClosed, type CaseCommands, Conflict, InvalidInput, Unavailable } from '@seguimiento/application';
import { DOCUMENTS_TASK_QUEUE } from '@seguimiento/contracts';
import { importTag } from './import-run';
import { isTransient } from '../errors/transient';
import { Metrics } from '../observability/metrics';

export { CaseClosed };

/**
 * The application's case-commands port over Temporal: sends a command to a case's workflow as an
 * update — starting the workflow first when asked (update-with-start) — and turns the workflow's
 * refusals into the application's errors: INVALID_INPUT → InvalidInput with the field, any other
 * domain rule → Conflict; a closed workflow → CaseClosed; Temporal unreachable → Unavailable.
 */
@Injectable()
export class WorkflowCommands implements CaseCommands {
  constructor(
    private readonly temporal: Client,
    private readonly metrics: Metrics,
  ) {}

  async send<A, R>(
    target: { workflowType: string; workflowId: string; startArgs: unknown[] },
    definition: UpdateDefinition<R, [A]>,
    input: A,
    mayStart: boolean,
    actor: string,
  ): Promise<R> {
    // An update the server lost before the workflow accepted it (a worker or server crash) comes
    // back as "not found" while the workflow still runs: it was not recorded, so send it again.
    // So does a command that may open the case when no workflow exists at all (the start was lost
    // with it, under load): nothing was recorded, and the case is not closed — it never opened.
    const timed = this.metrics.caseCommandSeconds.startTimer();
    for (let attempt = 1; ; attempt++) {
      try {
        const result = await this.sendOnce(target, definition, input, mayStart, actor);
        timed();
        return result;
      } catch (error) {
        if (!(error instanceof CaseClosed)) throw error;
        const status = await this.workflowStatus(target.workflowId);
        if (status === 'CLOSED' || (status === 'ABSENT' && !mayStart)) throw error;
        if (attempt >= 3) throw new Unavailable();
        await new Promise((r) => setTimeout(r, 250 * attempt));
      }
    }
  }

  private async sendOnce<A, R>(
    target: { workflowType: string; workflowId: string; startArgs: unknown[] },
    definition: UpdateDefinition<R, [A]>,
    input: A,
    mayStart: boolean,
    actor: string,
  ): Promise<R> {
    // Who records the command (the authenticated user), for the events' metadata; the import it belongs to, if any.
    const data = { ...input, actor, ...importTag(target.workflowId) };
    try {
      if (!mayStart)
        return await this.temporal.workflow.getHandle(target.workflowId).executeUpdate(definition, { args: [data] });
      this.metrics.workflowStarts.inc({ workflow: target.workflowType });
      return await this.temporal.workflow.executeUpdateWithStart(definition, {
        args: [data],
        startWorkflowOperation: new WithStartWorkflowOperation(target.workflowType, {
          workflowId: target.workflowId,
          taskQueue: DOCUMENTS_TASK_QUEUE,
          args: target.startArgs,
          workflowIdConflictPolicy: 'USE_EXISTING',
          // A closed case is never restarted: its log already holds its whole story.
          workflowIdReusePolicy: 'REJECT_DUPLICATE',
        }),
      });
    } catch (error) {
      const cause = error instanceof WorkflowUpdateFailedError ? error.cause : undefined;
      if (cause instanceof ApplicationFailure) {
        const field = (cause.details?.[0] as { field?: string | null } | undefined)?.field ?? undefined;
        throw cause.type === 'INVALID_INPUT'
          ? InvalidInput.said(cause.message, field)
          : new Conflict(cause.message, field);
      }
      if (error instanceof WorkflowExecutionAlreadyStartedError || isNotFound(error))
        throw new CaseClosed(target.workflowId);
      if (isTransient(error)) throw new Unavailable();
      throw error;
    }
  }

  /** Whether the case's workflow runs, has closed, or has never existed. */
  private async workflowStatus(workflowId: string): Promise<'RUNNING' | 'CLOSED' | 'ABSENT'> {
    try {
      const { status } = await this.temporal.workflow.getHandle(workflowId).describe();
      return status.name === 'RUNNING' ? 'RUNNING' : 'CLOSED';
    } catch (error) {
      if (isNotFound(error)) return 'ABSENT';
      throw isTransient(error) ? new Unavailable() : error;
    }
  }
}

function isNotFound(error: unknown): boolean {
  return (
    error instanceof Error &&
    (error.name === 'WorkflowNotFoundError' || /not found|already completed/i.test(error.message))
  );
}
