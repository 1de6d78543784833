import {
  type ASTNode,
  type FragmentDefinitionNode,
  GraphQLError,
  Kind,
  type SelectionSetNode,
  type ValidationRule,
} from 'graphql';

/**
 * Refuses an operation nested deeper than `maxDepth` fields (introspection fields, `__…`, do not
 * count). It replaces graphql-depth-limit, whose recursion overflowed the stack on ~4,500
 * aliases or a fragment cycle (an answer 500 with a stack trace in the log): this walk keeps its
 * own stack, visits each fragment once per depth and leaves unknown or cyclic fragments to
 * GraphQL's own rules, which name them.
 */
export function depthLimitRule(maxDepth: number): ValidationRule {
  return (context) => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    }
    return {
      OperationDefinition(operation) {
        const deepest = deepestField(operation.selectionSet, fragments, maxDepth);
        if (deepest) {
          const name = operation.name?.value ?? 'anónima';
          context.reportError(
            new GraphQLError(`La operación ${name} anida más de ${maxDepth} niveles de campos`, {
              nodes: [deepest as ASTNode],
              extensions: { code: 'GRAPHQL_VALIDATION_FAILED', validationErrorCode: 'TOO_DEEP' },
            }),
          );
        }
      },
    };
  };
}

/** The first field found deeper than `maxDepth`, or null. */
function deepestField(
  root: SelectionSetNode,
  fragments: Map<string, FragmentDefinitionNode>,
  maxDepth: number,
): ASTNode | null {
  const stack: Array<{ set: SelectionSetNode; depth: number; via: ReadonlySet<string> }> = [
    { set: root, depth: 0, via: new Set() },
  ];
  // A fragment already walked at this depth or deeper says nothing new.
  const walked = new Map<string, number>();
  while (stack.length) {
    const { set, depth, via } = stack.pop()!;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value.startsWith('__') || !selection.selectionSet) continue;
        if (depth + 1 > maxDepth) return selection;
        stack.push({ set: selection.selectionSet, depth: depth + 1, via });
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        stack.push({ set: selection.selectionSet, depth, via });
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        if (!fragment || via.has(name) || (walked.get(name) ?? -1) >= depth) continue;
        walked.set(name, depth);
        stack.push({ set: fragment.selectionSet, depth, via: new Set([...via, name]) });
      }
    }
  }
  return null;
}
