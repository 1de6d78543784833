import type { ApolloServerPlugin } from '@apollo/server';
import type { Principal, Tokens } from '@seguimiento/auth';
import { GraphQLError } from 'graphql';
import { authenticate } from './authenticate';
import type { TokenRateLimiter } from './rate-limit';
import { requestAuthorization } from './session-cookie';

/**
 * Refuses every HTTP operation without a valid token before it executes, including those no
 * resolver guards (introspection, `__typename`), and, with a limiter, those over the token's
 * allowance (429). The gateway's own HTTP edge (graphqlGate) does both before the body is even
 * parsed, and passes no limiter here; this stays as the last line. Subscriptions are admitted by
 * `subscriptionAdmission`.
 */
export function requireTokenPlugin(
  tokens: Tokens,
  limiter: TokenRateLimiter | null = null,
): ApolloServerPlugin<{ req?: { headers: Record<string, string | undefined>; principal?: Principal } }> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue }) {
          let principal: Principal;
          try {
            // graphqlGate has verified it before the body was read; verifying again only if it did not run.
            principal =
              contextValue.req?.principal ??
              authenticate(tokens, requestAuthorization(contextValue.req?.headers ?? {}).authorization);
          } catch (error) {
            // Refused before execution: answer 401 (Apollo would otherwise say 500).
            if (error instanceof GraphQLError) error.extensions.http = { status: 401 };
            throw error;
          }
          // The guard of each resolver reuses it rather than verifying the token again.
          if (contextValue.req) contextValue.req.principal = principal;
          const refusal = await limiter?.refusal(principal, 'http');
          if (refusal) throw refusal;
        },
      };
    },
  };
}
