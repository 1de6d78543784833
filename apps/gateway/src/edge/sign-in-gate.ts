import type { RateLimits } from '../auth/rate-limit';
import { type EdgeRequest, type EdgeResponse, type Next, hasBody, sendJson } from './http-types';

/**
 * Express middleware for POST /auth/sign-in, mounted before the body parser: whoever signs in has
 * no token yet, so each attempt counts against the allowance of requests without a valid token
 * of its client address (ANONYMOUS_RATE_LIMIT_PER_MINUTE, shared with /graphql). Past it: 429
 * with Retry-After, before the body is read and before any password is hashed.
 */
export function signInGate(limits: RateLimits) {
  return (req: EdgeRequest, res: EdgeResponse, next: Next): void => {
    if (req.method !== 'POST' || !limits.perAddress) return next();
    limits.perAddress.refusal(req.socket.remoteAddress).then((limited) => {
      if (!limited) return next();
      const { retryAfterSeconds } = limited.extensions as { retryAfterSeconds: number };
      sendJson(
        res,
        429,
        {
          message: `Demasiados intentos de inicio de sesión desde esta dirección; intente de nuevo en ${retryAfterSeconds} s.`,
          retryAfterSeconds,
        },
        { 'retry-after': String(retryAfterSeconds), ...(hasBody(req) ? { connection: 'close' } : {}) },
      );
    }, next);
  };
}
