import { submitDocumentUpdate } from '@seguimiento/contracts';
import { DEFAULT_POLICY } from '@seguimiento/domain';
import { Conflict, InvalidInput, NotFound } from '../errors';
import { InMemoryCases, RecordingProjection } from '../testing/fakes';
import { refusal } from '../testing/refusal';
import { CaseSender, type SendOptions, documentCase, requestCase } from './send-to-case';

const documentId = 'document:GRO:e6-proyecto';
const submission = (oficioNumber: string) => ({
  documentId,
  ople: 'GRO',
  deliverable: 6,
  versionKind: 'PROYECTO' as const,
  oficioNumber,
  submittedOn: '2024-03-01',
  policy: DEFAULT_POLICY,
});
const opens = { mayStart: true, oficioNumber: null };

function given() {
  const cases = new InMemoryCases();
  const projection = new RecordingProjection();
  const sender = new CaseSender(cases, projection);
  const kind = documentCase(cases);
  /** Sends a submission to the document. */
  const submit = (data: ReturnType<typeof submission>, options: SendOptions = opens) =>
    sender.send(kind, documentId, 'GRO', submitDocumentUpdate, data, options, 'op');
  return { cases, projection, submit };
}

describe('sending a command to a case of any kind', () => {
  it('starts the case’s workflow with its id and OPLE, and answers once the read models include the events', async () => {
    const { cases, projection, submit } = given();
    const change = await submit(submission('IEPC/GRO/SE/0100/2024'), opens);
    expect(change).toMatchObject({ alreadyRecorded: false, state: { documentId, status: 'UNDER_REVIEW' } });
    expect(cases.sent).toMatchObject([{ workflowType: 'documentWorkflow', mayStart: true, actor: 'op' }]);
    expect(projection.waitedFor).toEqual(['3']);
  });

  it('says "already recorded" for the same command sent again, without waiting for anything new', async () => {
    const { projection, submit } = given();
    await submit(submission('IEPC/GRO/SE/0100/2024'), opens);
    const again = await submit(submission('IEPC/GRO/SE/0100/2024'), opens);
    expect(again.alreadyRecorded).toBe(true);
    expect(projection.waitedFor).toEqual(['3', null]);
  });

  it('passes on the workflow’s refusal', async () => {
    const { submit } = given();
    const error = await refusal(submit({ ...submission('IEPC/GRO/SE/0100/2024'), submittedOn: '2024-02-30' }, opens));
    expect(error).toBeInstanceOf(InvalidInput);
    expect(error.field).toBe('submittedOn');
  });

  describe('a closed case is answered from the store', () => {
    it('a case that never opened does not exist (NOT_FOUND naming the id field)', async () => {
      const { submit } = given();
      const error = await refusal(submit(submission('X'), { mayStart: false, oficioNumber: 'X' }));
      expect(error).toBeInstanceOf(NotFound);
      expect(error).toMatchObject({ message: `No existe el documento ${documentId}`, field: 'documentId' });
    });

    it('the oficio it already holds is "already recorded"; any other is a conflict that says why', async () => {
      const { cases, submit } = given();
      cases.streams.set(documentId, [
        {
          type: 'DocumentOpened',
          data: {
            documentId,
            ople: 'GRO',
            deliverable: 6,
            versionKind: 'PROYECTO',
            title: 't',
            openedBy: 'SUBMISSION',
            policy: DEFAULT_POLICY,
          },
        },
        {
          type: 'DocumentSubmitted',
          data: { oficioNumber: 'IEPC/GRO/SE/0100/2024', submittedOn: '2024-03-01', round: 1 },
        },
        { type: 'DocumentWithdrawn', data: { date: '2024-03-02', reason: 'ya no aplica' } },
      ]);
      const options = { mayStart: true, oficioNumber: 'IEPC/GRO/SE/0100/2024' };
      await expect(submit(submission('IEPC/GRO/SE/0100/2024'), options)).resolves.toMatchObject({
        alreadyRecorded: true,
      });
      const error = await refusal(
        submit(submission('IEPC/GRO/SE/0200/2024'), { ...options, oficioNumber: 'IEPC/GRO/SE/0200/2024' }),
      );
      expect(error).toBeInstanceOf(Conflict);
      expect(error.message).toBe(`El documento ${documentId} fue retirado: ya no admite cambios.`);
    });

    it('a request says its own words', () => {
      const kind = requestCase(new InMemoryCases());
      expect(kind.missing('request:GRO:x')).toBe('No existe la solicitud request:GRO:x');
      expect(kind.idField).toBe('requestId');
    });
  });
});
