import { getOperationAST, parse } from 'graphql';
import { operationLabel } from './operation-label';

const label = (query: string, operationName?: string) => {
  const document = parse(query);
  return operationLabel(document, getOperationAST(document, operationName) ?? undefined);
};

describe('the operation label of the request metrics', () => {
  it('is the root field asked for, whatever the operation is called', () => {
    expect(label('query CualquierNombre123 { documents { totalCount } }')).toBe('documents');
    expect(label('mutation { submitDocument(input: {}) { alreadyRecorded } }')).toBe('submitDocument');
    expect(label('{ a: dashboard { overdueCount } b: dashboard { overdueCount } __typename }')).toBe('dashboard');
  });

  it('follows fragments at the root, and says multiple, introspection or __typename otherwise', () => {
    expect(label('query { ...F } fragment F on Query { ... on Query { escalations { key } } }')).toBe('escalations');
    expect(label('{ documents { totalCount } dashboard { overdueCount } }')).toBe('multiple');
    expect(label('{ __schema { queryType { name } } }')).toBe('introspection');
    expect(label('{ __typename }')).toBe('__typename');
    expect(label('query { ...F } fragment F on Query { ...F __typename }')).toBe('__typename');
  });

  it('is invalid when no operation was resolved', () => {
    expect(operationLabel(undefined, undefined)).toBe('invalid');
    expect(label('query A { documents { totalCount } } query B { dashboard { overdueCount } }', 'C')).toBe('invalid');
  });
});
