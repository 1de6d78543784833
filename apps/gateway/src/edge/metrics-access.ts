import { timingSafeEqual } from 'node:crypto';
import type { Tokens } from '@seguimiento/auth';
import { type EdgeRequest, type EdgeResponse, type Next, sendJson } from './http-types';

/**
 * Express middleware for /metrics: Prometheus sends `Authorization: Bearer <METRICS_TOKEN>`
 * (its `authorization.credentials_file`); a person may use an ADMIN's token instead. Anything
 * else: 401, and nothing is collected (no database aggregate runs for an anonymous scrape).
 */
export function metricsAccess(tokens: Tokens, metricsToken: string | undefined) {
  const secret = metricsToken ? Buffer.from(metricsToken) : null;
  return (req: EdgeRequest, res: EdgeResponse, next: Next): void => {
    const header = req.headers.authorization;
    const given = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header)?.[1] : undefined;
    if (given && allowed(given)) return next();
    sendJson(
      res,
      401,
      {
        statusCode: 401,
        message: 'Las métricas requieren un token: Authorization: Bearer <METRICS_TOKEN> (o el token de un ADMIN)',
      },
      { 'www-authenticate': 'Bearer' },
    );
  };

  function allowed(given: string): boolean {
    const bytes = Buffer.from(given);
    if (secret && bytes.length === secret.length && timingSafeEqual(bytes, secret)) return true;
    try {
      return tokens.verify(given).role === 'ADMIN';
    } catch {
      return false;
    }
  }
}
