import { type Tokens, userKey } from '@seguimiento/auth';
import {
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  GraphQLError,
  type GraphQLSchema,
  type ValidationRule,
  execute,
  parse,
  specifiedRules,
  validate,
} from 'graphql';
import type { Context, SubscribePayload } from 'graphql-ws';
import { formatError, parseFailedError } from '../errors/graphql-errors';
import type { OperationSlots } from '../errors/operation-slots';
import { EXPENSIVE_COST } from '../errors/query-cost';
import { MAX_TOKENS, isSubscription, operationCost } from '../errors/query-limits';
import { settled } from '../errors/settled-resolvers';
import { authenticate } from './authenticate';
import type { TokenRateLimiter } from './rate-limit';
import { requestAuthorization } from './session-cookie';

/** The `Authorization` a graphql-ws client sent in its connection parameters. */
export const connectionAuthorization = (params: Record<string, unknown> | undefined): string | undefined => {
  const value = params?.authorization ?? params?.Authorization;
  return typeof value === 'string' ? value : undefined;
};

/**
 * A socket's credential: the `Authorization` of its connection parameters (API clients), else the
 * session cookie its upgrade request carried (the console) — `via` says which (the socket server
 * admits the cookie only from this gateway's own origin).
 */
export const socketAuthorization = (ctx: Context): ReturnType<typeof requestAuthorization> =>
  requestAuthorization({
    authorization: connectionAuthorization(ctx.connectionParams),
    cookie: (ctx.extra as { request?: { headers: { cookie?: string } } } | undefined)?.request?.headers.cookie,
  });

/**
 * What `requireTokenPlugin` and Apollo's validation do over HTTP, for each operation a client
 * sends over graphql-ws (Apollo does not see those): a valid token, the token's allowance, the
 * same validation rules (depth, introspection), the same cost limit and the same slots for
 * expensive work — all before it runs. Returns the errors to answer with, or what graphql-ws executes.
 */
export function subscriptionAdmission(
  tokens: Tokens,
  limiter: TokenRateLimiter | null,
  schema: () => GraphQLSchema,
  rules: readonly ValidationRule[],
  slots: OperationSlots | null = null,
): (ctx: Context, id: string, payload: SubscribePayload) => Promise<ExecutionArgs | readonly GraphQLError[]> {
  return async (ctx, _id, payload) => {
    try {
      const principal = authenticate(tokens, socketAuthorization(ctx).authorization);
      const refusal = await limiter?.refusal(principal, 'ws');
      if (refusal) return [refusal];
      const document = parse(payload.query, { maxTokens: MAX_TOKENS });
      const errors = validate(schema(), document, [...specifiedRules, ...rules]);
      if (errors.length) return errors;
      const { cost, error } = operationCost(schema(), document, payload.operationName, payload.variables);
      if (error) return [error];
      if (slots && cost !== null && cost >= EXPENSIVE_COST && !isSubscription(document, payload.operationName)) {
        const slot = await slots.acquire(userKey(principal));
        if (slot instanceof GraphQLError) return [slot];
        heldSlots.set(document, slot);
      }
      return { schema: schema(), document, operationName: payload.operationName, variableValues: payload.variables };
    } catch (error) {
      // A bad token, or a query that does not parse (said as over HTTP: in Spanish, with its code).
      if (error instanceof GraphQLError && error.message.startsWith('Syntax Error')) {
        const { message } = formatError({ message: error.message, extensions: { code: 'GRAPHQL_PARSE_FAILED' } });
        return [parseFailedError(message)];
      }
      if (error instanceof GraphQLError) return [error];
      throw error;
    }
  };
}

/** The slot an admitted WebSocket operation holds, by its parsed document, until it has run. */
const heldSlots = new WeakMap<DocumentNode, () => void>();

/**
 * graphql-ws's `execute`: GraphQL's, then waits for every resolver the operation started (an
 * answer otherwise leaves when an error reaches a non-null root field, while other aliases
 * still run), then gives back the operation's slot for expensive work, if it took one.
 */
export function settledExecute(): (args: ExecutionArgs) => Promise<ExecutionResult> {
  return async (args) => {
    try {
      return await execute(args);
    } finally {
      await settled(args.contextValue);
      heldSlots.get(args.document)?.();
      heldSlots.delete(args.document);
    }
  };
}
