import { Logger } from '@nestjs/common';
import { type EdgeRequest, type EdgeResponse, type Next, sendJson } from './http-types';

/**
 * Express's last error handler: whatever reaches it (an error in a middleware, a route that threw
 * past Nest's filter) is answered as JSON in Spanish, with no stack trace and no file path — never
 * Express's HTML page. Only the status of an HTTP error is kept; anything else is a 500, logged.
 */
export function lastErrorHandler() {
  const logger = new Logger('http');
  return (error: unknown, _req: EdgeRequest, res: EdgeResponse, next: Next): void => {
    if (res.headersSent) return next(error);
    const status = httpStatus(error);
    if (status >= 500)
      logger.error(
        JSON.stringify({ msg: 'unexpected error', error: error instanceof Error ? error.message : String(error) }),
      );
    sendJson(res, status, {
      statusCode: status,
      message: status === 404 ? NOT_FOUND : status >= 500 ? 'Error interno del servidor' : 'Solicitud no válida',
    });
  };
}

export const NOT_FOUND = 'No existe el recurso solicitado';

function httpStatus(error: unknown): number {
  const status =
    (error as { status?: unknown; statusCode?: unknown } | null)?.status ??
    (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' && status >= 400 && status <= 599 ? status : 500;
}
