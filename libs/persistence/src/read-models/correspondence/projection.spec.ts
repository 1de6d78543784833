import { caseContext, correspondenceOf } from './projection';

describe('correspondenceOf: the oficios an event brings into the register', () => {
  const doc = 'document:GRO:e11-proyecto';
  const gro = { ople: 'GRO', requestOficio: null };

  it('a document: its source, submissions, answers with their inferred links, withdrawals and extensions', () => {
    const opened = { type: 'DocumentOpened', data: { ople: 'GRO', sourceOficio: 'INE/UTSI/0100/2024' } };
    expect(caseContext(opened)).toEqual(gro);
    expect(correspondenceOf(doc, opened, gro)).toEqual([
      expect.objectContaining({ oficioNumber: 'INE/UTSI/0100/2024', ople: 'GRO', role: 'SOURCE', direction: 'IN' }),
    ]);
    expect(
      correspondenceOf(
        doc,
        {
          type: 'DocumentSubmitted',
          data: { oficioNumber: 'IEPC/GRO/1', submittedOn: '2024-01-20', references: ['X'] },
        },
        gro,
      ),
    ).toEqual([
      {
        oficioNumber: 'IEPC/GRO/1',
        streamId: doc,
        ople: 'GRO',
        direction: 'OUT',
        date: '2024-01-20',
        role: 'SUBMISSION',
        cites: ['X'],
        subject: null,
        meetingAt: null,
      },
    ]);
    const answer = {
      type: 'IneAnswerRecorded',
      data: { oficioNumber: 'INE/2', date: '2024-01-26', references: ['IEPC/GRO/1'], inferredOficios: ['INE/0'] },
    };
    expect(correspondenceOf(doc, answer, gro).map((e) => [e.oficioNumber, e.role])).toEqual([
      ['INE/2', 'ANSWER'],
      ['INE/0', 'INFERRED'],
    ]);
    expect(correspondenceOf(doc, { type: 'DocumentWithdrawn', data: { oficioNumber: null } }, gro)).toEqual([]);
    expect(correspondenceOf(doc, { type: 'DeadlineExtended', data: { oficioNumber: 'INE/3' } }, gro)[0].role).toBe(
      'EXTENSION',
    );
    expect(correspondenceOf(doc, { type: 'DeadlineSet', data: {} }, gro)).toEqual([]);
  });

  it('a request: the oficio that opens it, and the one that fulfils it, citing it', () => {
    const req = 'request:GRO:ine-utsi-1376-2024';
    const opened = {
      type: 'RequestOpened',
      data: { ople: 'GRO', oficioNumber: 'INE/UTSI/1376/2024', date: '2024-03-01' },
    };
    const context = caseContext(opened);
    expect(context).toEqual({ ople: 'GRO', requestOficio: 'INE/UTSI/1376/2024' });
    expect(correspondenceOf(req, opened, context)[0]).toMatchObject({ role: 'REQUEST', date: '2024-03-01' });
    const fulfilled = {
      type: 'RequestFulfilled',
      data: { oficioNumber: 'INE/UTSI/1581/2024', date: '2024-03-09', by: 'INE' },
    };
    expect(correspondenceOf(req, fulfilled, context)[0]).toMatchObject({
      role: 'FULFILMENT',
      direction: 'IN',
      ople: 'GRO',
      cites: ['INE/UTSI/1376/2024'],
    });
  });

  it('a notice carries everything itself', () => {
    const notice = {
      type: 'IneNoticeRecorded',
      data: {
        ople: 'GRO',
        oficioNumber: 'INE/4',
        date: '2024-04-01',
        kind: 'INVITATION',
        subject: 'Reunión',
        meetingAt: '2024-04-05T10:00:00-06:00',
        references: [],
      },
    };
    expect(correspondenceOf('notice:GRO:ine-4', notice, caseContext(undefined))[0]).toMatchObject({
      ople: 'GRO',
      role: 'INVITATION',
      subject: 'Reunión',
    });
  });
});
