import { Conflict, InvalidInput, NotFound } from '../errors';
import { inMemoryApplication } from '../testing/fakes';
import { refusal } from '../testing/refusal';
import { opleOfRequest } from './request-commands';

const reminder = {
  ople: 'GRO',
  oficioNumber: 'INE/UTSI/1654/2024',
  date: '2024-04-01',
  items: [
    { deliverable: 3, versionKind: 'FINAL' as const, dueDate: '2024-05-05' },
    { deliverable: 15, versionKind: 'PROYECTO' as const, dueDate: '2024-05-10' },
  ],
};

describe('reminders and requests', () => {
  it('given a reminder of two entregables, then each opens an expected document with its own due date', async () => {
    const { app, cases } = inMemoryApplication();
    const change = await app.requests.recordReminder(reminder, 'op');
    expect(change.oficioNumber).toBe('INE/UTSI/1654/2024');
    expect(change.documents.map((d) => [d.state.documentId, d.state.status, d.state.deadline?.dueDate])).toEqual([
      ['document:GRO:e3-final', 'EXPECTED', '2024-05-05'],
      ['document:GRO:e15-proyecto', 'EXPECTED', '2024-05-10'],
    ]);
    expect(cases.sent.every((s) => s.update === 'expectDocument' && s.mayStart)).toBe(true);
  });

  it('refuses the whole reminder when one item is bad (its date named as sent), before recording any', async () => {
    const { app, cases } = inMemoryApplication();
    const bad = { ...reminder, date: '2024-13-01' };
    const error = await refusal(app.requests.recordReminder(bad, 'op'));
    expect(error).toBeInstanceOf(InvalidInput);
    expect(error.field).toBe('date');
    expect(cases.sent).toEqual([]);
  });

  it('refuses a reminder naming a stored document as another entregable (CONFLICT on deliverable), before recording any', async () => {
    const { app, cases } = inMemoryApplication();
    await app.requests.recordReminder({ ...reminder, items: [reminder.items[0]] }, 'op');
    const sent = cases.sent.length;
    const clash = {
      ...reminder,
      items: [reminder.items[1], { ...reminder.items[1], deliverable: 16, documentKey: 'e3-final' }],
    };
    const error = await refusal(app.requests.recordReminder(clash, 'op'));
    expect(error).toBeInstanceOf(Conflict);
    expect(error.field).toBe('deliverable');
    expect(cases.sent).toHaveLength(sent);
  });

  it('given a fulfilled request, a second answer is a conflict and the same answer again is "already recorded"', async () => {
    const { app } = inMemoryApplication();
    await app.requests.recordRequest(
      {
        ople: 'GRO',
        oficioNumber: 'INE/UTSI/1221/2024',
        date: '2024-02-29',
        subject: 'Estatus',
        dueDate: '2024-03-04',
      },
      'op',
    );
    const answer = {
      requestId: 'request:GRO:ine-utsi-1221-2024',
      oficioNumber: 'IEPC/GRO/SE/0100/2024',
      date: '2024-03-01',
      by: 'OPLE' as const,
    };
    await app.requests.fulfillRequest(answer, 'op');
    await expect(app.requests.fulfillRequest(answer, 'op')).resolves.toMatchObject({ alreadyRecorded: true });
    const other = await refusal(
      app.requests.fulfillRequest({ ...answer, oficioNumber: 'IEPC/GRO/SE/0200/2024' }, 'op'),
    );
    expect(other).toBeInstanceOf(Conflict);
    expect(other.message).toBe('La solicitud request:GRO:ine-utsi-1221-2024 ya está cerrada.');
  });

  it('names the field of a malformed request id, and says a missing request does not exist', async () => {
    const { app } = inMemoryApplication();
    expect(() => opleOfRequest('document:GRO:e6-proyecto', 'id')).toThrow(
      'id: "document:GRO:e6-proyecto" no tiene la forma request:<OPLE>:<oficio>',
    );
    const bad = await refusal(
      app.requests.fulfillRequest({ requestId: 'x', oficioNumber: 'A/1/2024', date: '2024-03-01', by: 'OPLE' }, 'op'),
    );
    expect(bad).toMatchObject({ field: 'requestId' });
    expect(await refusal(app.requests.find('request:GRO:nada'))).toBeInstanceOf(NotFound);
  });
});
