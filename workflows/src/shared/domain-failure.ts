import { ApplicationFailure } from '@temporalio/workflow';
import { DomainError } from '@seguimiento/domain';

/**
 * Runs a domain decision; a DomainError becomes a non-retryable ApplicationFailure whose `type`
 * is the error's code and whose details name the field, so that callers get the reason.
 * (Any other error would fail the workflow task and be retried, which is what a bug deserves.)
 */
export function decideOrFail<T>(decision: () => T): T {
  try {
    return decision();
  } catch (error) {
    if (error instanceof DomainError) {
      throw ApplicationFailure.create({
        type: error.code,
        message: error.message,
        details: [{ field: error.field ?? null }],
        nonRetryable: true,
      });
    }
    throw error;
  }
}
