import { DomainError } from '@seguimiento/domain';

/** The stable codes a client may branch on; each edge (GraphQL, CLI) says them its own way. */
export type ErrorCode = 'BAD_USER_INPUT' | 'NOT_FOUND' | 'CONFLICT' | 'FORBIDDEN' | 'SERVICE_UNAVAILABLE';

/**
 * Why a use case refused: an answer, not a fault. `field` names the offending input when there
 * is one; `message` is for people (in Spanish).
 */
export abstract class ApplicationError extends Error {
  abstract readonly code: ErrorCode;

  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The input breaks a rule: `field: reason`. Nothing was recorded. */
export class InvalidInput extends ApplicationError {
  readonly code = 'BAD_USER_INPUT';

  constructor(field: string | undefined, reason: string) {
    super(field ? `${field}: ${reason}` : reason, field);
  }

  /** A message already written as `field: reason` (the domain's, a workflow's), kept word for word. */
  static said(message: string, field?: string): InvalidInput {
    const error = new InvalidInput(undefined, message);
    return Object.assign(error, { field });
  }
}

export class NotFound extends ApplicationError {
  readonly code = 'NOT_FOUND';
}

/** What the input asks contradicts what is recorded (a closed case, an ambiguous citation…). */
export class Conflict extends ApplicationError {
  readonly code = 'CONFLICT';
}

export class Forbidden extends ApplicationError {
  readonly code = 'FORBIDDEN';
}

/** PostgreSQL or Temporal is unreachable for now: the same request may be sent again. */
export class Unavailable extends ApplicationError {
  readonly code = 'SERVICE_UNAVAILABLE';

  constructor() {
    super(
      'El servicio no está disponible por el momento (base de datos o servidor de flujos de trabajo); vuelva a intentarlo: reenviar el mismo oficio no lo registra dos veces.',
    );
  }
}

/**
 * The case's workflow is closed (resolved, fulfilled, withdrawn…): the command was not recorded,
 * and whoever sent it answers from the store. Left unanswered, a conflict.
 */
export class CaseClosed extends Conflict {
  constructor(readonly workflowId: string) {
    super(`${workflowId} is closed`);
  }
}

/**
 * Runs the domain's input checks before anything starts, so refused input never reaches a
 * workflow: a DomainError becomes InvalidInput with its field. `fieldsAsSent` renames a field the
 * domain knows under another name than the caller sent it (a reminder's date is each item's sourceDate).
 */
export function checked<T>(validate: () => T, fieldsAsSent: Record<string, string> = {}): T {
  try {
    return validate();
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const field = error.field && fieldsAsSent[error.field];
    if (field) throw InvalidInput.said(`${field}${error.message.slice(error.field!.length)}`, field);
    throw InvalidInput.said(error.message, error.field);
  }
}
