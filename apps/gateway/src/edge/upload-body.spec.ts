import { isSoleIngestFile } from './upload-body';

const INGEST_FILE = 'mutation($i: IngestFileInput!) { ingestFile(input: $i) { created } }';

describe('which large bodies are an upload', () => {
  it('accepts one ingestFile mutation, named or not', () => {
    expect(isSoleIngestFile({ query: INGEST_FILE, variables: {} })).toBe(true);
    expect(
      isSoleIngestFile({ query: `mutation Subir${INGEST_FILE.slice('mutation'.length)}`, operationName: 'Subir' }),
    ).toBe(true);
  });

  it.each([
    ['a batch', [{ query: INGEST_FILE }]],
    ['no query', { variables: {} }],
    ['a query', { query: '{ documents { totalCount } }' }],
    ['another mutation', { query: 'mutation { ingestCorrespondence(text: "x", ople: "GRO") { created } }' }],
    [
      'a second field',
      {
        query:
          'mutation($i: IngestFileInput!) { ingestFile(input: $i) { created } b: ingestFile(input: $i) { created } }',
      },
    ],
    ['a second operation', { query: `${INGEST_FILE} query Q { documents { totalCount } }` }],
    ['a fragment', { query: 'mutation { ...F } fragment F on Mutation { ingestFile(input: {}) { created } }' }],
    ['unparseable text', { query: 'mutation { ingestFile(' }],
    ['not an object', 'mutation { ingestFile }'],
  ])('refuses %s', (_, body) => {
    expect(isSoleIngestFile(body)).toBe(false);
  });
});
