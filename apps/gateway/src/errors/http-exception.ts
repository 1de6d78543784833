import { type ArgumentsHost, HttpException, type Logger } from '@nestjs/common';
import { NOT_FOUND } from '../edge/http-errors';

interface Response {
  headersSent: boolean;
  status(code: number): { json(body: unknown): void };
}

/**
 * The answer to an error of a plain HTTP route: its status and a JSON body with no stack and no
 * path. Nest's "Cannot GET /x" (a route that does not exist) becomes a Spanish 404 that does not
 * echo the path; a body a route chose (readiness' `{ status: 'not-ready', … }`) is kept; anything
 * that is not an HttpException is a 500, logged once.
 */
export function answerHttpError(exception: unknown, host: ArgumentsHost, logger: Logger): void {
  const res = host.switchToHttp().getResponse<Response>();
  if (res.headersSent) return;
  if (!(exception instanceof HttpException)) {
    logger.error(
      JSON.stringify({
        msg: 'unexpected error',
        error: exception instanceof Error ? exception.message : String(exception),
      }),
    );
    res.status(500).json({ statusCode: 500, message: 'Error interno del servidor' });
    return;
  }
  const status = exception.getStatus();
  const body = exception.getResponse();
  if (typeof body === 'object' && body !== null && !('statusCode' in body)) {
    res.status(status).json(body);
    return;
  }
  const message = typeof body === 'object' && body !== null ? (body as { message?: unknown }).message : body;
  const routeMissing = status === 404 && typeof message === 'string' && /^Cannot [A-Z]+ /.test(message);
  res.status(status).json({
    statusCode: status,
    message: routeMissing || typeof message !== 'string' ? (status === 404 ? NOT_FOUND : exception.message) : message,
  });
}
