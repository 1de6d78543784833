import type { ApolloServerPlugin } from '@apollo/server';
import { type Principal, userKey } from '@seguimiento/auth';
import {
  type DocumentNode,
  GraphQLError,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type ValidationRule,
  getOperationAST,
  separateOperations,
} from 'graphql';
import { getComplexity } from 'graphql-query-complexity';
import { depthLimitRule } from './depth-rule';
import { userError } from './graphql-errors';
import type { OperationSlots } from './operation-slots';
import { EXPENSIVE_COST, costEstimator } from './query-cost';
import { settled } from './settled-resolvers';

/** How deep a query may nest (document → rounds → … counts one per level). */
export const MAX_DEPTH = 8;
/** How much work one operation may ask for, in the units of the cost model (query-cost.ts). */
export const MAX_COMPLEXITY = 20_000;
/** The largest request body the gateway accepts. */
export const MAX_BODY = '1mb';
/**
 * The most lexical tokens a document may have: parsing stops there (~4,500 aliases once
 * overflowed the stack of the depth check). The explorer's introspection query has ~400; a page
 * of documents with every field, ~300.
 */
export const MAX_TOKENS = 5_000;

export const depthRule = depthLimitRule(MAX_DEPTH);

/**
 * Refuses `__schema` and `__type` (introspection off). Apollo's own rule (`introspection: false`)
 * does the same, but says so in English and tells the client to reconfigure Apollo; this one is
 * also applied to operations sent over WebSocket, which Apollo does not see.
 */
const noIntrospectionRule: ValidationRule = (context) => ({
  Field(node) {
    if (node.name.value === '__schema' || node.name.value === '__type') {
      context.reportError(
        new GraphQLError(`La introspección del esquema (${node.name.value}) está desactivada en este servidor`, {
          nodes: [node],
          extensions: { code: 'GRAPHQL_VALIDATION_FAILED', validationErrorCode: 'INTROSPECTION_DISABLED' },
        }),
      );
    }
  },
});

/** The validation rules every operation passes besides GraphQL's own, over HTTP and WebSocket alike. */
export const validationRules = (introspection: boolean): ValidationRule[] =>
  introspection ? [depthRule] : [depthRule, noIntrospectionRule];

/** An operation's estimated cost, or the error that refuses it (too costly, or an argument the cost model refuses, such as `first: -1`). */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | null | undefined,
): { cost: number; error: null } | { cost: null; error: GraphQLError | null } {
  const query = operationName ? separateOperations(document)[operationName] : document;
  // An operation name the document lacks: execution says so.
  if (!query) return { cost: null, error: null };
  let complexity: number;
  try {
    complexity = getComplexity({ schema, query, variables: variables ?? {}, estimators: [costEstimator] });
  } catch (error) {
    // Variables that do not fit their types: execution refuses them (BAD_USER_INPUT, 400) before
    // any resolver runs. Thrown from here they had no code, and Apollo answered 500.
    if (error instanceof GraphQLError && error.message.startsWith('Variable "$')) return { cost: null, error: null };
    if (error instanceof GraphQLError && error.extensions.code === 'BAD_USER_INPUT') return { cost: null, error };
    throw error;
  }
  // The model only adds and multiplies non-negative numbers; anything else is refused, never let through.
  if (!Number.isFinite(complexity) || complexity < 0 || complexity > MAX_COMPLEXITY) {
    const shown = Number.isFinite(complexity) && complexity >= 0 ? String(complexity) : 'incalculable';
    return {
      cost: null,
      error: userError(
        'BAD_USER_INPUT',
        `La consulta es demasiado costosa (${shown} > ${MAX_COMPLEXITY}): pida menos campos o páginas más pequeñas`,
      ),
    };
  }
  return { cost: complexity, error: null };
}

/** Whether an operation (of this document) is a subscription: those hold no slot for expensive work. */
export const isSubscription = (document: DocumentNode, operationName?: string | null): boolean =>
  (getOperationAST(document, operationName ?? undefined) as OperationDefinitionNode | null)?.operation ===
  'subscription';

interface LimitsContext {
  req?: { principal?: Principal; headers?: Record<string, string | undefined> };
}

/**
 * Over HTTP: refuses an operation whose estimated cost is above MAX_COMPLEXITY (or with an
 * argument the cost model refuses) before it runs; makes an expensive one wait for one of its
 * user's slots; and holds the answer until every resolver the operation started has settled, so
 * nothing it asked for runs after its answer left.
 */
export function complexityPlugin(
  schema: () => GraphQLSchema,
  slots: OperationSlots | null = null,
): ApolloServerPlugin<LimitsContext> {
  return {
    async requestDidStart() {
      let release: (() => void) | null = null;
      return {
        async didResolveOperation({ request, document, contextValue }) {
          const { cost, error } = operationCost(schema(), document, request.operationName, request.variables);
          if (error) {
            error.extensions.http = { status: 400 }; // refused before execution: Apollo would otherwise answer 500
            throw error;
          }
          if (!slots || cost === null || cost < EXPENSIVE_COST) return;
          // The edge's gate put the principal there before the body was read; without one, nothing runs.
          const principal = contextValue.req?.principal;
          if (!principal) return;
          const slot = await slots.acquire(userKey(principal));
          if (slot instanceof GraphQLError) throw slot;
          release = slot;
        },
        async willSendResponse({ contextValue }) {
          try {
            await settled(contextValue);
          } finally {
            release?.();
            release = null;
          }
        },
      };
    },
  };
}
