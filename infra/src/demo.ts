import { localDateOf } from '@seguimiento/domain';
import { graphql } from './graphql-client';

const DOCUMENT = 'id status ballInCourt openObservations deadline { party kind dueDate } escalationLevel';

/**
 * The demo `npm start` plays through GraphQL, as an operator would: IEPC Guerrero sends the
 * draft of entregable 15 today, INE answers with observations, and INE's request 1221 of
 * 29 Feb 2024 ("a más tardar el 4 de marzo") is entered — long overdue, it escalates at once
 * (watch the worker's log). Playing it again changes nothing: every oficio is already recorded.
 * Returns false when a step failed.
 */
export async function runDemo(graphqlUrl: string, token: string, say: (line: string) => void): Promise<boolean> {
  const today = localDateOf(new Date());
  const steps: Array<[string, string, Record<string, unknown>]> = [
    [
      'the OPLE submits the draft of entregable 15',
      `mutation($input: SubmitDocumentInput!) { submitDocument(input: $input) { alreadyRecorded document { ${DOCUMENT} } } }`,
      {
        input: {
          ople: 'GRO',
          deliverable: 15,
          versionKind: 'PROYECTO',
          oficioNumber: 'IEPC/GRO/SE/0101/2024',
          submittedOn: today,
        },
      },
    ],
    [
      'INE answers with observations',
      `mutation($input: RecordIneOficioInput!) { recordIneOficio(input: $input) { alreadyRecorded document { ${DOCUMENT} } } }`,
      {
        input: {
          ople: 'GRO',
          oficioNumber: 'INE/UTSI/0801/2024',
          date: today,
          outcome: 'OBSERVATIONS',
          references: [],
          documentId: 'document:GRO:e15-proyecto',
          observations: [{ text: 'Precisar el alcance de la auditoría en el anexo técnico' }],
        },
      },
    ],
    [
      'INE request 1221, due 4 Mar 2024',
      `mutation($input: RecordIneRequestInput!) { recordIneRequest(input: $input) { alreadyRecorded request { id status overdue deadline { dueDate } } } }`,
      {
        input: {
          ople: 'GRO',
          oficioNumber: 'INE/UTSI/1221/2024',
          date: '2024-02-29',
          dueDate: '2024-03-04',
          subject: 'Informar el estatus de la contratación del servicio de acompañamiento y soporte del PREP',
        },
      },
    ],
  ];
  say('\ndemo (through GraphQL):');
  for (const [title, query, variables] of steps) {
    const answer = await graphql<Record<string, unknown>>(graphqlUrl, query, variables, {
      authorization: `Bearer ${token}`,
    });
    if (answer.errors) {
      say(`  ${title}: failed — ${answer.errors.map((e) => e.message).join('; ')}`);
      return false;
    }
    say(`  ${title}: ${JSON.stringify(Object.values(answer.data!)[0])}`);
  }
  say(
    `  try: curl -s ${graphqlUrl} -H 'content-type: application/json' -H "authorization: Bearer $TOKEN" -d '{"query":"{ document(id: \\"document:GRO:e15-proyecto\\") { status ballInCourt observations { id status } deadline { dueDate } } }"}'`,
  );
  return true;
}
