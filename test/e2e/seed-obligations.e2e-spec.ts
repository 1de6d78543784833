import { type TestStack, startTestStack } from '../support/test-stack';
import { waitFor } from '../support/wait-for';

/** The seed's requests (1221, 1376 → 1581) and its reminder (1654), through the public API. */
const REQUEST_FIELDS =
  'id status explicitDeadline overdue deadline { dueDate dueAt } fulfilledBy { oficioNumber by } escalations { step }';

describe('the seed’s requests and reminders through the public API', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('1221 "a más tardar el 4 de marzo" is overdue since the end of 4 Mar 2024 (Mexico City) and escalated', async () => {
    const answer = await stack.gql<{
      recordIneRequest: { alreadyRecorded: boolean; request: Record<string, unknown> };
    }>(
      `mutation($input: RecordIneRequestInput!) { recordIneRequest(input: $input) { alreadyRecorded request { ${REQUEST_FIELDS} } } }`,
      {
        input: {
          ople: 'GRO',
          oficioNumber: 'INE/UTSI/1221/2024',
          date: '2024-02-29',
          dueDate: '2024-03-04',
          subject: 'Informar el estatus de la contratación del servicio de acompañamiento y soporte del PREP',
        },
      },
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.recordIneRequest.request).toMatchObject({
      id: 'request:GRO:ine-utsi-1221-2024',
      status: 'OPEN',
      explicitDeadline: true,
      overdue: true,
      deadline: { dueDate: '2024-03-04', dueAt: '2024-03-05T06:00:00.000Z' },
    });
    // Found long overdue, the ladder goes straight to its highest rung, once.
    const request = async () =>
      (
        await stack.gql<{ request: { escalations: Array<{ step: string }> } }>(
          `query { request(id: "request:GRO:ine-utsi-1221-2024") { ${REQUEST_FIELDS} } }`,
        )
      ).data!.request;
    await waitFor(async () => (await request()).escalations.length > 0);
    expect((await request()).escalations).toEqual([{ step: 'LEVEL_3' }]);
    // The notice follows the stored event.
    const notices = () =>
      stack.notices.filter((n) => n.streamId === 'request:GRO:ine-utsi-1221-2024').map((n) => n.step);
    await waitFor(async () => notices().length > 0);
    expect(notices()).toEqual(['LEVEL_3']);
  });

  it('1376 asks for the legal instrument ("numeral 33, documento 34"); 1581 "se tiene por recibido" closes it', async () => {
    // Entregable 34 as the oficio says (issue 15: explicit beats inferred), not 10 as its title alone would suggest.
    const asked = await stack.gql<{ recordIneRequest: { request: { id: string; deliverable: number } } }>(
      `mutation($input: RecordIneRequestInput!) { recordIneRequest(input: $input) { request { id deliverable } } }`,
      {
        input: {
          ople: 'GRO',
          oficioNumber: 'INE/UTSI/1376/2024',
          date: '2024-03-07',
          subject: 'Remitir el instrumento jurídico con el tercero y su anexo técnico',
          deliverable: 34,
        },
      },
    );
    expect(asked.data!.recordIneRequest.request).toEqual({ id: 'request:GRO:ine-utsi-1376-2024', deliverable: 34 });
    const fulfil = `mutation($input: FulfillRequestInput!) { fulfillRequest(input: $input) { alreadyRecorded request { ${REQUEST_FIELDS} } } }`;
    const input = {
      requestId: 'request:GRO:ine-utsi-1376-2024',
      oficioNumber: 'INE/UTSI/1581/2024',
      date: '2024-03-15',
      by: 'INE',
    };
    const closed = await stack.gql<{ fulfillRequest: { alreadyRecorded: boolean; request: Record<string, unknown> } }>(
      fulfil,
      { input },
    );
    expect(closed.errors).toBeUndefined();
    expect(closed.data!.fulfillRequest.request).toMatchObject({
      status: 'FULFILLED',
      explicitDeadline: false,
      overdue: false,
      deadline: null,
      fulfilledBy: { oficioNumber: 'INE/UTSI/1581/2024', by: 'INE' },
    });
    await stack.temporal.workflow.getHandle('request:GRO:ine-utsi-1376-2024').result();
    const again = await stack.gql<{ fulfillRequest: { alreadyRecorded: boolean } }>(fulfil, { input });
    expect(again.data!.fulfillRequest.alreadyRecorded).toBe(true);
  });

  it('1654 reminds nine deliverables, each expected with its own "plazo máximo"', async () => {
    const items = [
      {
        deliverable: 3,
        versionKind: 'FINAL',
        documentKey: 'e3-2024-03',
        title: 'Informe del mes de marzo',
        dueDate: '2024-04-05',
      },
      { deliverable: 16, versionKind: 'FINAL', dueDate: '2024-04-07' },
      { deliverable: 17, versionKind: 'FINAL', dueDate: '2024-04-07' },
      { deliverable: 18, versionKind: 'FINAL', dueDate: '2024-04-07' },
      { deliverable: 19, versionKind: 'FINAL', dueDate: '2024-04-07' },
      { deliverable: 20, versionKind: 'FINAL', dueDate: '2024-04-07' },
      { deliverable: 21, versionKind: 'FINAL', dueDate: '2024-04-12' },
      { deliverable: 22, versionKind: 'FINAL', dueDate: '2024-04-14' },
      { deliverable: 23, versionKind: 'FINAL', dueDate: '2024-04-22' },
    ];
    const answer = await stack.gql<{
      recordIneReminder: {
        documents: Array<{
          document: { id: string; status: string; ballInCourt: string; deadline: { kind: string; dueDate: string } };
        }>;
      };
    }>(
      `mutation($input: RecordIneReminderInput!) { recordIneReminder(input: $input) { oficioNumber documents { document { id status ballInCourt deadline { kind dueDate } } } } }`,
      { input: { ople: 'GRO', oficioNumber: 'INE/UTSI/1654/2024', date: '2024-03-20', items } },
    );
    expect(answer.errors).toBeUndefined();
    const docs = answer.data!.recordIneReminder.documents.map((d) => d.document);
    expect(docs.map((d) => [d.id, d.status, d.ballInCourt, d.deadline.kind, d.deadline.dueDate])).toEqual(
      items.map((i) => [
        `document:GRO:${i.documentKey ?? `e${i.deliverable}-final`}`,
        'EXPECTED',
        'OPLE',
        'DELIVERY',
        i.dueDate,
      ]),
    );
  });

  it('refuses a reminder with a bad item, naming the field, and opens nothing', async () => {
    const answer = await stack.gql(
      `mutation($input: RecordIneReminderInput!) { recordIneReminder(input: $input) { oficioNumber } }`,
      {
        input: {
          ople: 'GRO',
          oficioNumber: 'INE/UTSI/1655/2024',
          date: '2024-03-20',
          items: [{ deliverable: 40, versionKind: 'FINAL', dueDate: '2024-04-07' }],
        },
      },
    );
    expect(answer.errors![0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'items.0.deliverable' });
  });
});
