import type { IneOficioCommand, OpleOficioCommand } from '@seguimiento/domain';
import { Conflict, InvalidInput } from '../errors';
import { inMemoryApplication } from '../testing/fakes';
import { refusal } from '../testing/refusal';

/** Given/When/Then over the oficio doors, with the cases run in memory by the domain's deciders. */
const ine = (over: Partial<IneOficioCommand>): IneOficioCommand => ({
  ople: 'GRO',
  kind: 'REVIEW',
  oficioNumber: 'INE/UTSI/1121/2024',
  date: '2024-03-05',
  references: [],
  ...over,
});
const ople = (over: Partial<OpleOficioCommand>): OpleOficioCommand => ({
  ople: 'GRO',
  oficioNumber: 'IEPC/GRO/SE/0100/2024',
  date: '2024-03-01',
  references: [],
  ...over,
});

describe('INE’s door', () => {
  it('given a first version, when INE remits observations citing its oficio, then the answer lands on that document, found with one look-up', async () => {
    const { app, cases, citations } = inMemoryApplication();
    await app.oficios.recordOple(ople({ deliverable: 6, versionKind: 'PROYECTO' }), 'op');
    citations.lookups = 0;

    const done = await app.oficios.recordIne(
      ine({ outcome: 'OBSERVATIONS', additionalObservations: false, references: ['IEPC/GRO/SE/0100/2024'] }),
      'op',
    );

    expect(done).toMatchObject({ kind: 'REVIEW', alreadyRecorded: false, documents: [], request: null });
    expect(done.document).toMatchObject({ documentId: 'document:GRO:e6-proyecto', status: 'OBSERVED' });
    expect(citations.lookups).toBe(1);
    expect(cases.sentUpdates()).toEqual([
      'submitDocument → document:GRO:e6-proyecto',
      'recordIneAnswer → document:GRO:e6-proyecto',
    ]);
  });

  it('given the same review recorded, when it comes again, then nothing changes', async () => {
    const { app } = inMemoryApplication();
    const review = ine({ outcome: 'OBSERVATIONS', deliverable: 6, versionKind: 'PROYECTO' });
    await app.oficios.recordIne(review, 'op');
    await expect(app.oficios.recordIne(review, 'op')).resolves.toMatchObject({ alreadyRecorded: true });
  });

  it.each([
    [
      { kind: 'REVIEW' as const, items: [{ deliverable: 3, versionKind: 'FINAL' as const, dueDate: '2024-05-05' }] },
      'items',
      'items: no aplica a un oficio REVIEW',
    ],
    [
      { kind: 'REVIEW' as const },
      'outcome',
      'outcome: es obligatorio: diga qué resuelve la revisión: OBSERVATIONS, PARTIALLY_ADDRESSED, ADDRESSED o ACCEPTED',
    ],
    [{ kind: 'REQUEST' as const, subject: '  ' }, 'subject', 'subject: es obligatorio: diga qué solicita el oficio'],
    [
      { kind: 'REMINDER' as const, items: [] },
      'items',
      'items: un recordatorio debe listar al menos un entregable con su plazo',
    ],
  ])('refuses %j naming the field, and sends nothing', async (over, field, message) => {
    const { app, cases } = inMemoryApplication();
    const error = await refusal(app.oficios.recordIne(ine(over), 'op'));
    expect(error).toBeInstanceOf(InvalidInput);
    expect(error).toMatchObject({ field, message });
    expect(cases.sent).toEqual([]);
  });

  it('given citations that belong to two documents, when a review cites both, then it is a conflict naming references', async () => {
    const { app, citations } = inMemoryApplication();
    citations
      .document('INE/UTSI/0451/2024', 'document:GRO:e6-proyecto')
      .document('INE/UTSI/0451/2024', 'document:GRO:e7-proyecto');
    const error = await refusal(
      app.oficios.recordIne(ine({ outcome: 'OBSERVATIONS', references: ['INE/UTSI/0451/2024'] }), 'op'),
    );
    expect(error).toBeInstanceOf(Conflict);
    expect(error.field).toBe('references');
  });

  it('given two documents the citations touch, the one they belong to wins over the one they only link to', async () => {
    const { app, citations } = inMemoryApplication();
    await app.oficios.recordOple(
      ople({ deliverable: 6, versionKind: 'FINAL', oficioNumber: 'IEPC/GRO/SE/0300/2024' }),
      'op',
    );
    citations.document('IEPC/GRO/SE/0300/2024', 'document:GRO:e6-proyecto', false);
    const done = await app.oficios.recordIne(ine({ outcome: 'ACCEPTED', references: ['IEPC/GRO/SE/0300/2024'] }), 'op');
    expect(done.document?.documentId).toBe('document:GRO:e6-final');
  });

  it('given an open request, when INE accepts what it asked for citing only it, then the request closes (fulfilled by INE)', async () => {
    const { app, cases } = inMemoryApplication();
    await app.oficios.recordIne(
      ine({ kind: 'REQUEST', oficioNumber: 'INE/UTSI/1376/2024', subject: 'Remitir el instrumento jurídico' }),
      'op',
    );
    const done = await app.oficios.recordIne(
      ine({ oficioNumber: 'INE/UTSI/1581/2024', outcome: 'ACCEPTED', references: ['INE/UTSI/1376/2024'] }),
      'op',
    );
    expect(done.request).toMatchObject({
      requestId: 'request:GRO:ine-utsi-1376-2024',
      status: 'FULFILLED',
      fulfilledBy: { by: 'INE' },
    });
    expect(done.document).toBeNull();
    expect(cases.sentUpdates()).toEqual([
      'openRequest → request:GRO:ine-utsi-1376-2024',
      'fulfillRequest → request:GRO:ine-utsi-1376-2024',
    ]);
  });

  it('keeps an invitation in the correspondence, once', async () => {
    const { app, cases } = inMemoryApplication();
    const invitation = ine({
      kind: 'INVITATION',
      oficioNumber: 'INE/UTSI/1228/2024',
      subject: 'Reunión de trabajo',
      meetingAt: '2024-03-12T10:00:00-06:00',
    });
    const first = await app.oficios.recordIne(invitation, 'op');
    const again = await app.oficios.recordIne(invitation, 'op');
    expect(first).toMatchObject({
      alreadyRecorded: false,
      notice: { noticeId: 'notice:GRO:ine-utsi-1228-2024', kind: 'INVITATION' },
    });
    expect(again.alreadyRecorded).toBe(true);
    expect(cases.appended).toHaveLength(1);
    expect(cases.sent).toEqual([]);
  });
});

describe('the OPLE’s door', () => {
  it('given an INE request, when the OPLE answers citing it, then the request is fulfilled by the OPLE', async () => {
    const { app } = inMemoryApplication();
    await app.oficios.recordIne(
      ine({
        kind: 'REQUEST',
        oficioNumber: 'INE/UTSI/1221/2024',
        subject: 'Estatus de la contratación',
        date: '2024-02-29',
        dueDate: '2024-03-04',
      }),
      'op',
    );
    const done = await app.oficios.recordOple(ople({ references: ['INE/UTSI/1221/2024'] }), 'op');
    expect(done).toMatchObject({
      alreadyRecorded: false,
      document: null,
      request: { status: 'FULFILLED', fulfilledBy: { by: 'OPLE' } },
    });
  });

  it('refuses an oficio that cites nothing registered and names no entregable, naming references', async () => {
    const { app, cases } = inMemoryApplication();
    const error = await refusal(app.oficios.recordOple(ople({ references: ['INE/UTSI/9999/2024'] }), 'op'));
    expect(error).toBeInstanceOf(InvalidInput);
    expect(error.field).toBe('references');
    expect(cases.sent).toEqual([]);
  });

  it('refuses an oficio that cites two requests (say which), and one whose date does not exist (named as sent: date)', async () => {
    const { app, cases } = inMemoryApplication();
    for (const n of ['1221', '1222'])
      await app.oficios.recordIne(
        ine({ kind: 'REQUEST', oficioNumber: `INE/UTSI/${n}/2024`, subject: 'Estatus' }),
        'op',
      );
    const sent = cases.sent.length;
    const two = await refusal(
      app.oficios.recordOple(ople({ references: ['INE/UTSI/1221/2024', 'INE/UTSI/1222/2024'] }), 'op'),
    );
    expect(two).toBeInstanceOf(Conflict);
    expect(two.field).toBe('references');
    const badDate = await refusal(
      app.oficios.recordOple(ople({ deliverable: 6, versionKind: 'PROYECTO', date: '2024-02-30' }), 'op'),
    );
    expect(badDate).toMatchObject({ field: 'date' });
    expect(cases.sent).toHaveLength(sent);
  });

  it('refuses a document of another OPLE, and a new document with no entregable', async () => {
    const { app } = inMemoryApplication();
    expect(await refusal(app.oficios.recordOple(ople({ documentId: 'document:MEX:e6-proyecto' }), 'op'))).toMatchObject(
      {
        field: 'documentId',
        message: 'documentId: document:MEX:e6-proyecto no es del OPLE GRO',
      },
    );
    expect(await refusal(app.oficios.recordOple(ople({ documentId: 'document:GRO:e6-proyecto' }), 'op'))).toMatchObject(
      {
        field: 'deliverable',
      },
    );
  });
});
