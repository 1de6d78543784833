import { InvalidInput, NotFound } from '../errors';
import { inMemoryApplication } from '../testing/fakes';
import { refusal } from '../testing/refusal';
import { opleOfDocument } from './document-commands';

const submission = {
  ople: 'GRO',
  deliverable: 6,
  versionKind: 'PROYECTO' as const,
  oficioNumber: 'IEPC/GRO/SE/0100/2024',
  submittedOn: '2024-03-01',
};

describe('document commands', () => {
  it('given nothing, when the OPLE submits, then the document opens under review (default key e<n>-<version>)', async () => {
    const { app } = inMemoryApplication();
    const change = await app.documents.submit(submission, 'op');
    expect(change).toMatchObject({
      alreadyRecorded: false,
      state: { documentId: 'document:GRO:e6-proyecto', status: 'UNDER_REVIEW' },
    });
  });

  it('refuses an impossible date before anything is sent, naming the field', async () => {
    const { app, cases } = inMemoryApplication();
    const error = await refusal(app.documents.submit({ ...submission, submittedOn: '2024-02-30' }, 'op'));
    expect(error).toBeInstanceOf(InvalidInput);
    expect(error.field).toBe('submittedOn');
    expect(cases.sent).toEqual([]);
  });

  it('given a submitted document, a withdrawal closes it and a later extension is refused as closed', async () => {
    const { app } = inMemoryApplication();
    await app.documents.submit(submission, 'op');
    const documentId = 'document:GRO:e6-proyecto';
    const withdrawn = await app.documents.withdraw({ documentId, date: '2024-03-02', reason: 'ya no aplica' }, 'op');
    expect(withdrawn.state.status).toBe('WITHDRAWN');
    const error = await refusal(
      app.documents.extendDeadline({ documentId, dueDate: '2024-04-01', reason: 'prórroga' }, 'op'),
    );
    expect(error.message).toBe(`El documento ${documentId} fue retirado: ya no admite cambios.`);
  });

  it('names documentId when an id is not document:<OPLE>:<clave>, and says a missing document does not exist', async () => {
    const { app } = inMemoryApplication();
    expect(() => opleOfDocument('request:GRO:x')).toThrow(
      'documentId: "request:GRO:x" no tiene la forma document:<OPLE>:<clave>',
    );
    expect(await refusal(app.documents.find('document:GRO:nada'))).toBeInstanceOf(NotFound);
  });
});
