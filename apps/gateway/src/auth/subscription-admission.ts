import type { Tokens } from '@seguimiento/auth';
import { type ExecutionArgs, GraphQLError, type GraphQLSchema, type ValidationRule, parse, specifiedRules, validate } from 'graphql';
import type { Context, SubscribePayload } from 'graphql-ws';
import { complexityError } from '../errors/query-limits';
import { authenticate } from './authenticate';
import type { TokenRateLimiter } from './rate-limit';

/** The `Authorization` a graphql-ws client sent in its connection parameters. */
export const connectionAuthorization = (params: Record<string, unknown> | undefined): string | undefined => {
  const value = params?.authorization ?? params?.Authorization;
  return typeof value === 'string' ? value : undefined;
};

/**
 * What `requireTokenPlugin` and Apollo's validation do over HTTP, for each operation a client
 * sends over graphql-ws (Apollo does not see those): a valid token, the token's allowance, the
 * same validation rules (depth, introspection) and the same cost limit — all before it runs.
 * Returns the errors to answer with, or what graphql-ws executes.
 */
export function subscriptionAdmission(
  tokens: Tokens,
  limiter: TokenRateLimiter | null,
  schema: () => GraphQLSchema,
  rules: readonly ValidationRule[],
): (ctx: Context, id: string, payload: SubscribePayload) => Promise<ExecutionArgs | readonly GraphQLError[]> {
  return async (ctx, _id, payload) => {
    try {
      const principal = authenticate(tokens, connectionAuthorization(ctx.connectionParams));
      const refusal = await limiter?.refusal(principal, 'ws');
      if (refusal) return [refusal];
      const document = parse(payload.query);
      const errors = validate(schema(), document, [...specifiedRules, ...rules]);
      if (errors.length) return errors;
      const tooCostly = complexityError(schema(), document, payload.operationName, payload.variables);
      if (tooCostly) return [tooCostly];
      return { schema: schema(), document, operationName: payload.operationName, variableValues: payload.variables };
    } catch (error) {
      // A bad token, or a query that does not parse.
      if (error instanceof GraphQLError) return [error];
      throw error;
    }
  };
}
