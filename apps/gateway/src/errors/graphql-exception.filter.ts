import { Catch, HttpException, Logger, type ArgumentsHost } from '@nestjs/common';
import type { GqlExceptionFilter } from '@nestjs/graphql';
import { ApplicationError, Unavailable } from '@seguimiento/application';
import { GraphQLError } from 'graphql';
import { unavailableError, userError } from './graphql-errors';
import { isTransient } from './transient';
import { answerHttpError } from './http-exception';

/**
 * The one place the application's errors become GraphQL's: each keeps its code (BAD_USER_INPUT,
 * NOT_FOUND, CONFLICT, FORBIDDEN, SERVICE_UNAVAILABLE with HTTP 503) and the field it names.
 */
export function toGraphQLError(error: ApplicationError): GraphQLError {
  return error instanceof Unavailable ? unavailableError() : userError(error.code, error.message, error.field);
}

/**
 * Hands user errors to GraphQL (no log: they are answers, not faults) and logs the
 * unexpected ones once, as JSON; their details never reach the client (see formatError). Errors
 * of plain HTTP routes are answered as JSON by `answerHttpError`.
 */
@Catch()
export class GraphQLExceptionFilter implements GqlExceptionFilter {
  private readonly logger = new Logger('graphql');

  catch(exception: unknown, host: ArgumentsHost): unknown {
    // Plain HTTP routes (health, metrics, the explorer's files, an unknown route): JSON, never
    // Express's HTML error page with its stack trace.
    if (host.getType<string>() === 'http') return answerHttpError(exception, host, this.logger);
    if (host.getType<string>() !== 'graphql') throw exception;
    if (exception instanceof GraphQLError) return exception;
    if (exception instanceof ApplicationError) return toGraphQLError(exception);
    if (exception instanceof HttpException && exception.getStatus() === 413) {
      return userError('BAD_USER_INPUT', 'La solicitud excede el tamaño permitido');
    }
    const error = exception instanceof Error ? exception.message : String(exception);
    if (isTransient(exception)) {
      this.logger.warn(JSON.stringify({ msg: 'service unavailable', error }));
      return unavailableError();
    }
    this.logger.error(JSON.stringify({ msg: 'unexpected error', error }));
    return exception;
  }
}
