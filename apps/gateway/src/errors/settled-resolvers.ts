import { type GraphQLSchema, isObjectType } from 'graphql';

/**
 * What an operation still has running. GraphQL answers as soon as an error reaches a non-null
 * root field, while the other fields of the same operation (other aliases) go on resolving:
 * their SQL and Temporal calls outlived the answer, and a client could pile up work that no
 * limit saw. Every resolver of the schema is wrapped so that what it returns is tracked per
 * operation (its context), and the gateway waits for all of it before the answer leaves.
 */
const running = new WeakMap<object, Set<Promise<unknown>>>();

/** Wraps every field resolver of `schema` in place; returns the schema. */
export function trackResolvers(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve = field.resolve;
      if (!resolve) continue;
      field.resolve = (source, args, context, info) => {
        const result = resolve(source, args, context, info);
        if (context && typeof context === 'object' && result instanceof Promise) track(context, result);
        return result;
      };
    }
  }
  return schema;
}

function track(context: object, result: Promise<unknown>): void {
  let pending = running.get(context);
  if (!pending) running.set(context, (pending = new Set()));
  pending.add(result);
  const done = () => pending.delete(result);
  result.then(done, done);
}

/** Resolves once nothing the operation started is still running (resolvers started meanwhile included). */
export async function settled(context: unknown): Promise<void> {
  if (!context || typeof context !== 'object') return;
  const pending = running.get(context);
  while (pending && pending.size > 0) await Promise.allSettled([...pending]);
}
