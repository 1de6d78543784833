import type { Tokens } from '@seguimiento/auth';
import { GraphQLError } from 'graphql';
import { authenticate } from '../auth/authenticate';
import type { RateLimits } from '../auth/rate-limit';
import { requestAuthorization } from '../auth/session-cookie';
import { type EdgeRequest, type EdgeResponse, type Next, sendJson } from './http-types';

/**
 * Express middleware for /files: the download of a kept original needs the same credential as
 * /graphql — a bearer token, or the console's session cookie (a GET changes nothing, so no CSRF
 * header) — and counts against the same limits. Without one: 401, with the reason in Spanish.
 * The principal is put on the request for the controller, which enforces the OPLE.
 */
export function filesGate(tokens: Tokens, limits: RateLimits) {
  return (req: EdgeRequest, res: EdgeResponse, next: Next): void => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendJson(res, 405, { statusCode: 405, message: 'Los archivos solo se descargan (GET)' }, { allow: 'GET, HEAD' });
      return;
    }
    admit(req, tokens, limits).then(
      (refusal) =>
        refusal
          ? sendJson(
              res,
              refusal.status,
              { statusCode: refusal.status, message: refusal.error.message },
              refusal.status === 401 ? { 'www-authenticate': 'Bearer' } : retryAfter(refusal.error),
            )
          : next(),
      next,
    );
  };
}

async function admit(
  req: EdgeRequest,
  tokens: Tokens,
  limits: RateLimits,
): Promise<{ error: GraphQLError; status: number } | null> {
  try {
    req.principal = authenticate(tokens, requestAuthorization(req.headers).authorization);
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    const limited = await limits.perAddress?.refusal(req.socket.remoteAddress);
    return limited ? { error: limited, status: 429 } : { error, status: 401 };
  }
  const limited = await limits.perUser?.refusal(req.principal, 'http');
  return limited ? { error: limited, status: 429 } : null;
}

function retryAfter(error: GraphQLError): Record<string, string> {
  const seconds = (error.extensions as { retryAfterSeconds?: number }).retryAfterSeconds;
  return seconds === undefined ? {} : { 'retry-after': String(seconds) };
}
