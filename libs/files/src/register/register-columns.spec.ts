import { entryOf, findHeader } from './register-columns';

describe("a control register's columns", () => {
  const rows = [
    ['Control de correspondencia 2024', '', ''],
    ['Fecha del oficio', 'Núm. de Oficio', 'ASUNTO', 'Capturó'],
    ['19/02/2024', 'INE/UTSI/0923/ 2024', 'Remite la actualización del manual', 'MLG'],
  ];

  it('finds the header row under a title and maps headers written in any case and accent', () => {
    const header = findHeader(rows);
    expect(header).toMatchObject({
      index: 1,
      mapping: {
        mapped: { date: 'Fecha del oficio', number: 'Núm. de Oficio', subject: 'ASUNTO' },
        unmapped: ['Capturó'],
      },
    });
  });

  it('writes a row in the seed layout, keeping unmapped columns as text', () => {
    const header = findHeader(rows);
    if ('missing' in header) throw new Error('header not found');
    expect(entryOf(1, rows[2], header, rows[1])).toBe(
      '1. 19/02/2024, oficio INE/UTSI/0923/2024, mediante el cual remite la actualización del manual. Capturó: MLG.',
    );
    expect(entryOf(2, ['', '', '', 'solo una nota'], header, rows[1])).toBeNull();
  });

  it('writes real dates in words', () => {
    const header = findHeader(rows);
    if ('missing' in header) throw new Error('header not found');
    const row = [new Date('2024-03-05T00:00:00Z'), 'INE/UTSI/1312/2024', 'mediante el cual informa', ''];
    expect(entryOf(3, row, header, rows[1])).toBe(
      '3. 5 de marzo de 2024, oficio INE/UTSI/1312/2024, mediante el cual informa.',
    );
  });

  it('names the required column that is missing and the headers it saw', () => {
    expect(findHeader([['Fecha', 'Asunto', 'Remitente']])).toEqual({
      missing: ['number'],
      seen: ['Fecha', 'Asunto', 'Remitente'],
    });
    expect(findHeader([['a', 'b']])).toEqual({ missing: ['number', 'subject'], seen: ['a', 'b'] });
  });

  it('takes the number from the column that names it most strongly: "Oficio" over an internal "Folio"', () => {
    const header = findHeader([['Folio', 'Fecha de recepción', 'Oficio', 'Asunto', 'Plazo']]);
    expect(header).toMatchObject({
      mapping: {
        mapped: { number: 'Oficio', date: 'Fecha de recepción', subject: 'Asunto', deadline: 'Plazo' },
        unmapped: ['Folio'],
      },
    });
  });
});
