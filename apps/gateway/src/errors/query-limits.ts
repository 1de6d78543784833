import type { ApolloServerPlugin } from '@apollo/server';
import depthLimit from 'graphql-depth-limit';
import { type DocumentNode, GraphQLError, type GraphQLSchema, type ValidationRule, separateOperations } from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { userError } from './graphql-errors';

/** How deep a query may nest (document → rounds → … counts one per level). */
export const MAX_DEPTH = 8;
/** How much work one operation may ask for: each field costs 1, lists of nodes count their page size. */
export const MAX_COMPLEXITY = 20_000;
/** The largest request body the gateway accepts. */
export const MAX_BODY = '1mb';

export const depthRule = depthLimit(MAX_DEPTH);

/**
 * Refuses `__schema` and `__type` (introspection off). Apollo's own rule (`introspection: false`)
 * does the same, but says so in English and tells the client to reconfigure Apollo; this one is
 * also applied to operations sent over WebSocket, which Apollo does not see.
 */
export const noIntrospectionRule: ValidationRule = (context) => ({
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
export const validationRules = (introspection: boolean): ValidationRule[] => (introspection ? [depthRule] : [depthRule, noIntrospectionRule]);

/** BAD_USER_INPUT when the operation's estimated cost is above MAX_COMPLEXITY, else null. */
export function complexityError(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined, variables: Record<string, unknown> | null | undefined): GraphQLError | null {
  const query = operationName ? separateOperations(document)[operationName] : document;
  // An operation name the document lacks: execution says so.
  if (!query) return null;
  let complexity: number;
  try {
    complexity = getComplexity({
      schema,
      query,
      variables: variables ?? {},
      estimators: [
        fieldExtensionsEstimator(),
        // A page multiplies what it contains by its size.
        ({ args, childComplexity }) => (typeof args.first === 'number' ? args.first * Math.max(1, childComplexity) : undefined),
        simpleEstimator({ defaultComplexity: 1 }),
      ],
    });
  } catch (error) {
    // Variables that do not fit their types: execution refuses them (BAD_USER_INPUT, 400) before
    // any resolver runs. Thrown from here they had no code, and Apollo answered 500.
    if (error instanceof GraphQLError && error.message.startsWith('Variable "$')) return null;
    throw error;
  }
  return complexity > MAX_COMPLEXITY
    ? userError('BAD_USER_INPUT', `La consulta es demasiado costosa (${complexity} > ${MAX_COMPLEXITY}): pida menos campos o páginas más pequeñas`)
    : null;
}

/** Refuses an operation whose estimated cost is above MAX_COMPLEXITY, before running it. */
export function complexityPlugin(schema: () => GraphQLSchema): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          const error = complexityError(schema(), document, request.operationName, request.variables);
          if (!error) return;
          error.extensions.http = { status: 400 }; // refused before execution: Apollo would otherwise answer 500
          throw error;
        },
      };
    },
  };
}
