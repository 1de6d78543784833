import type { DocumentNode, OperationDefinitionNode, SelectionSetNode } from 'graphql';

/**
 * The `operation` label of the request metrics, from a set the schema bounds (a client's
 * operationName is free text: each new one would add series forever): the root field the
 * operation asks for (`documents`, `submitDocument`…), `multiple` when it asks for several,
 * `introspection` for `__schema`/`__type`, and `invalid` when no operation was resolved (it did
 * not parse or validate). Requests refused before GraphQL (no token, over a limit) are counted
 * apart, in seguimiento_anonymous_requests_total and seguimiento_rate_limited_requests_total.
 */
export function operationLabel(
  document: DocumentNode | undefined,
  operation: OperationDefinitionNode | undefined,
): string {
  if (!operation) return 'invalid';
  const fields = new Set<string>();
  const visited = new Set<string>();
  const collect = (selectionSet: SelectionSetNode): void => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === 'Field') fields.add(selection.name.value);
      else if (selection.kind === 'InlineFragment') collect(selection.selectionSet);
      else if (!visited.has(selection.name.value)) {
        visited.add(selection.name.value);
        const fragment = document?.definitions.find(
          (d) => d.kind === 'FragmentDefinition' && d.name.value === selection.name.value,
        );
        if (fragment?.kind === 'FragmentDefinition') collect(fragment.selectionSet);
      }
    }
  };
  collect(operation.selectionSet);
  if (fields.has('__schema') || fields.has('__type')) return 'introspection';
  if (fields.size > 1) fields.delete('__typename');
  return fields.size === 1 ? [...fields][0] : 'multiple';
}
