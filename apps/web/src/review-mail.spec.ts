import { MAIL_STATUS, formatBytes, readFields, resolveInput, snippet } from './review-mail';

const blank = { deliverable: '', version: '', documentId: '', dueDate: '', note: '' };

describe('the review form’s input', () => {
  it('sends the deliverable as a number and only the fields filled in', () => {
    expect(resolveInput('review:GRO:abc', { ...blank, deliverable: ' 34 ', version: 'FINAL', note: ' ok ' })).toEqual({
      input: { id: 'review:GRO:abc', deliverable: 34, version: 'FINAL', note: 'ok' },
    });
    expect(
      resolveInput('r', { ...blank, deliverable: '3', documentId: 'document:GRO:e3-final', dueDate: '2024-03-01' }),
    ).toEqual({ input: { id: 'r', deliverable: 3, documentId: 'document:GRO:e3-final', dueDate: '2024-03-01' } });
  });

  it.each([
    ['missing', '', /Entregable: es obligatorio/],
    ['zero', '0', /«0» no es un número de 1 a 34/],
    ['35', '35', /«35» no es un número de 1 a 34/],
    ['a fraction', '3.5', /«3\.5» no es/],
    ['words', 'tres', /«tres» no es/],
  ])('refuses a deliverable that is %s, naming the field', (_case, deliverable, message) => {
    const checked = resolveInput('r', { ...blank, deliverable });
    expect(checked).toEqual({ field: 'deliverable', message: expect.stringMatching(message) });
  });

  it('refuses an unknown version and a due date that is not a day', () => {
    expect(resolveInput('r', { ...blank, deliverable: '2', version: 'BORRADOR' })).toMatchObject({ field: 'version' });
    expect(resolveInput('r', { ...blank, deliverable: '2', dueDate: '1/3/2024' })).toMatchObject({ field: 'dueDate' });
  });
});

describe('small words of the review and mail pages', () => {
  it('cuts a long text to one line with an ellipsis, and leaves a short one whole', () => {
    expect(snippet('INE/UTSI/1312/2024\n  Se tiene   por recibido')).toBe('INE/UTSI/1312/2024 Se tiene por recibido');
    const cut = snippet('a'.repeat(300), 50);
    expect(cut).toHaveLength(50);
    expect(cut.endsWith('…')).toBe(true);
  });

  it('lists what was read in Spanish, skipping empty values, and survives text that is not JSON', () => {
    const read = {
      number: 'INE/UTSI/1312/2024',
      references: [],
      kind: 'REVIEW',
      outcome: 'ACCEPTED',
      date: null,
      additionalObservations: false,
      deliverable: 2,
      item: { title: 'Prensa', deliverable: null, version: 'FINAL', dueDate: '2024-03-01' },
    };
    expect(readFields(JSON.stringify(read))).toEqual([
      ['Número del oficio', 'INE/UTSI/1312/2024'],
      ['Tipo de oficio', 'Revisión de un documento'],
      ['Lo que resuelve', 'Recibido sin observaciones'],
      ['Observaciones adicionales', 'No'],
      ['Entregable', '2'],
      ['Elemento por revisar', 'Título: Prensa, Versión: Versión final, Plazo máximo: 2024-03-01'],
    ]);
    expect(readFields('no es json')).toEqual([['Texto', 'no es json']]);
  });

  it('says sizes in bytes, KiB and MiB, and every mail status in Spanish', () => {
    expect([formatBytes(512), formatBytes(2458), formatBytes(1363149)]).toEqual(['512 B', '2.4 KiB', '1.3 MiB']);
    expect(Object.keys(MAIL_STATUS).sort()).toEqual(['BOUNCED', 'FAILED', 'PENDING', 'REFUSED', 'SENT']);
  });
});
