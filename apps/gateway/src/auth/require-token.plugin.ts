import type { ApolloServerPlugin } from '@apollo/server';
import type { Principal, Tokens } from '@seguimiento/auth';
import { GraphQLError } from 'graphql';
import { authenticate } from './authenticate';

/**
 * Refuses every HTTP operation without a valid token before it executes, including those no
 * resolver guards (introspection, `__typename`). Subscriptions authenticate in the AuthGuard.
 */
export function requireTokenPlugin(tokens: Tokens): ApolloServerPlugin<{ req?: { headers: Record<string, string | undefined>; principal?: Principal } }> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue }) {
          try {
            const principal = authenticate(tokens, contextValue.req?.headers.authorization);
            // The guard of each resolver reuses it rather than verifying the token again.
            if (contextValue.req) contextValue.req.principal = principal;
          } catch (error) {
            // Refused before execution: answer 401 (Apollo would otherwise say 500).
            if (error instanceof GraphQLError) error.extensions.http = { status: 401 };
            throw error;
          }
        },
      };
    },
  };
}
