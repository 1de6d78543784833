import { randomUUID } from 'node:crypto';

interface Req {
  method: string;
  originalUrl: string;
  headers: Record<string, string | string[] | undefined>;
  body?: { operationName?: string };
  requestId?: string;
}
interface Res {
  statusCode: number;
  setHeader(name: string, value: string): void;
  on(event: 'finish', listener: () => void): void;
}

/**
 * Express middleware: gives each request an id (the caller's `x-request-id`, or a new one),
 * echoes it in the response, and writes one JSON line per request when it finishes (the path
 * without its query string).
 */
export function requestLog(write: (line: string) => void = (line) => process.stdout.write(`${line}\n`)) {
  return (req: Req, res: Res, next: () => void) => {
    const given = req.headers['x-request-id'];
    const requestId = typeof given === 'string' && /^[\w.-]{1,100}$/.test(given) ? given : randomUUID();
    req.requestId = requestId;
    res.setHeader('x-request-id', requestId);
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      write(
        JSON.stringify({
          level: res.statusCode >= 500 ? 'error' : 'info',
          msg: 'request',
          time: new Date().toISOString(),
          requestId,
          method: req.method,
          // Never the query string: a GET operation's variables, or a token someone put in the URL.
          path: req.originalUrl.split('?')[0],
          operation: req.body?.operationName ?? undefined,
          status: res.statusCode,
          ms: Number((process.hrtime.bigint() - started) / 1_000_000n),
        }),
      );
    });
    next();
  };
}
