import { graphql } from './graphql-client';

const DOCUMENT_FIELDS = 'id ople deliverable versionKind title status ballInCourt submissions lastOficioNumber lastSubmittedOn';

/**
 * The demo `npm start` plays: IEPC Guerrero submits the draft legal instrument with its auditing
 * body (entregable 15). Playing it twice is harmless: a submitted document is only shown.
 */
export async function runDemo(graphqlUrl: string, say: (line: string) => void): Promise<void> {
  const id = 'document:GRO:e15-proyecto';
  const existing = await graphql<{ document: Record<string, unknown> }>(graphqlUrl, `query($id: ID!) { document(id: $id) { ${DOCUMENT_FIELDS} } }`, { id });
  if (existing.data?.document) {
    say(`\ndemo: ${id} is already recorded (state persisted from an earlier start):`);
    say(`  ${JSON.stringify(existing.data.document)}`);
    return;
  }
  const submitted = await graphql<{ submitDocument: Record<string, unknown> }>(
    graphqlUrl,
    `mutation($input: SubmitDocumentInput!) { submitDocument(input: $input) { ${DOCUMENT_FIELDS} } }`,
    {
      input: {
        ople: 'GRO',
        deliverable: 15,
        versionKind: 'PROYECTO',
        oficioNumber: 'IEPC/GRO/SE/0101/2024',
        submittedOn: '2024-02-09',
      },
    },
  );
  if (submitted.errors) {
    say(`\ndemo failed: ${submitted.errors.map((e) => e.message).join('; ')}`);
    return;
  }
  say('\ndemo: submitted the draft of entregable 15 of IEPC Guerrero through GraphQL:');
  say(`  ${JSON.stringify(submitted.data!.submitDocument)}`);
  say(`  try: curl -s ${graphqlUrl} -H 'content-type: application/json' -d '{"query":"{ document(id: \\"${id}\\") { id status ballInCourt } }"}'`);
}
