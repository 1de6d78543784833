import type { NestExpressApplication } from '@nestjs/platform-express';
import { Tokens } from '@seguimiento/auth';
import { RateLimits } from '../auth/rate-limit';
import type { GatewayConfig } from '../config';
import { Metrics } from '../observability/metrics';
import { filesGate } from './files-gate';
import { graphqlGate } from './graphql-gate';
import { metricsAccess } from './metrics-access';
import { securityHeaders } from './security-headers';
import { signInGate } from './sign-in-gate';

/**
 * The gateway's HTTP edge, in front of the body parser and of Nest's routes: no X-Powered-By,
 * Express in production mode (its own error page, should one ever be reached, without a stack),
 * the CSP and framing headers on every answer, the token (or session cookie) and the rate limits on
 * /graphql and /files, the per-address limit on sign-in attempts, a token on /metrics.
 */
export function installEdge(app: NestExpressApplication, config: GatewayConfig): void {
  const express = app.getHttpAdapter().getInstance() as {
    disable(name: string): void;
    set(name: string, value: unknown): void;
  };
  express.disable('x-powered-by');
  express.set('env', 'production');
  const tokens = app.get(Tokens);
  const metrics = app.get(Metrics);
  app.use(securityHeaders());
  app.use('/graphql', graphqlGate(tokens, app.get(RateLimits), metrics.anonymous));
  app.use('/files', filesGate(tokens, app.get(RateLimits)));
  app.use('/auth/sign-in', signInGate(app.get(RateLimits)));
  app.use('/metrics', metricsAccess(tokens, config.metricsToken));
}
