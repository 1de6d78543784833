import type { ApolloServerPlugin } from '@apollo/server';
import depthLimit from 'graphql-depth-limit';
import { type GraphQLSchema, separateOperations } from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { userError } from './graphql-errors';

/** How deep a query may nest (document → rounds → … counts one per level). */
export const MAX_DEPTH = 8;
/** How much work one operation may ask for: each field costs 1, lists of nodes count their page size. */
export const MAX_COMPLEXITY = 20_000;
/** The largest request body the gateway accepts. */
export const MAX_BODY = '1mb';

export const depthRule = depthLimit(MAX_DEPTH);

/** Refuses an operation whose estimated cost is above MAX_COMPLEXITY, before running it. */
export function complexityPlugin(schema: () => GraphQLSchema): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          const query = request.operationName ? separateOperations(document)[request.operationName] : document;
          const complexity = getComplexity({
            schema: schema(),
            query,
            variables: request.variables ?? {},
            estimators: [
              fieldExtensionsEstimator(),
              // A page multiplies what it contains by its size.
              ({ args, childComplexity }) => (typeof args.first === 'number' ? args.first * Math.max(1, childComplexity) : undefined),
              simpleEstimator({ defaultComplexity: 1 }),
            ],
          });
          if (complexity > MAX_COMPLEXITY) {
            throw userError('BAD_USER_INPUT', `La consulta es demasiado costosa (${complexity} > ${MAX_COMPLEXITY}): pida menos campos o páginas más pequeñas`);
          }
        },
      };
    },
  };
}
