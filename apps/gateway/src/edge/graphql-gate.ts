import type { Tokens } from '@seguimiento/auth';
import { GraphQLError } from 'graphql';
import type { Counter } from 'prom-client';
import { authenticate } from '../auth/authenticate';
import type { RateLimits } from '../auth/rate-limit';
import { CSRF_HEADER, requestAuthorization } from '../auth/session-cookie';
import { type EdgeRequest, type EdgeResponse, type Next, hasBody, sendJson } from './http-types';
import { crossSiteError } from '../errors/graphql-errors';

/** What Apollo negotiates for GET /graphql: text/html preferred means the explorer page (no operation runs). */
const MEDIA_TYPES = ['application/json', 'application/graphql-response+json', 'multipart/mixed', 'text/html'];

/**
 * Express middleware for /graphql, mounted before the body parser: every request needs a valid
 * token — a bearer, or the console's session cookie — checked before its body is read or parsed.
 * Without one: 401 in GraphQL's shape (`UNAUTHENTICATED`, the reason in Spanish), counted per
 * client address (429 with Retry-After past `perAddress`). With the cookie, a POST must also carry
 * `x-seguimiento-csrf: 1`, which a form or a simple request from another site cannot send (403
 * otherwise). With a token: counted per user (429 past `perUser`), then the principal is put on
 * the request for Apollo's plugin and the resolvers' guards. The one exception is the page a
 * browser gets at GET /graphql (the explorer, or the page saying it is off), which runs nothing.
 */
export function graphqlGate(tokens: Tokens, limits: RateLimits, anonymous: Counter<'transport' | 'outcome'>) {
  return (req: EdgeRequest, res: EdgeResponse, next: Next): void => {
    if (req.method === 'GET' && req.accepts(MEDIA_TYPES) === 'text/html') return next();
    admit(req, tokens, limits, anonymous).then(
      (refusal) => (refusal ? refuse(req, res, refusal.error, refusal.status) : next()),
      next,
    );
  };
}

async function admit(
  req: EdgeRequest,
  tokens: Tokens,
  limits: RateLimits,
  anonymous: Counter<'transport' | 'outcome'>,
): Promise<{ error: GraphQLError; status: number } | null> {
  const { authorization, via } = requestAuthorization(req.headers);
  try {
    req.principal = authenticate(tokens, authorization);
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    const limited = await limits.perAddress?.refusal(req.socket.remoteAddress);
    anonymous.inc({ transport: 'http', outcome: limited ? 'rate_limited' : 'unauthenticated' });
    return limited ? { error: limited, status: 429 } : { error, status: 401 };
  }
  if (via === 'cookie' && req.method !== 'GET' && req.method !== 'HEAD' && req.headers[CSRF_HEADER] !== '1') {
    req.principal = undefined;
    return { error: CROSS_SITE, status: 403 };
  }
  const limited = await limits.perUser?.refusal(req.principal, 'http');
  return limited ? { error: limited, status: 429 } : null;
}

const CROSS_SITE = crossSiteError(CSRF_HEADER);

function refuse(req: EdgeRequest, res: EdgeResponse, error: GraphQLError, status: number): void {
  const { code, retryAfterSeconds } = error.extensions as { code: string; retryAfterSeconds?: number };
  const headers: Record<string, string> = {};
  if (status === 401) headers['www-authenticate'] = 'Bearer';
  if (retryAfterSeconds !== undefined) headers['retry-after'] = String(retryAfterSeconds);
  // The body stays unread: close the connection rather than read it to reuse the connection.
  if (hasBody(req)) headers.connection = 'close';
  sendJson(
    res,
    status,
    {
      errors: [
        {
          message: error.message,
          extensions: { code, ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}) },
        },
      ],
    },
    headers,
  );
}
