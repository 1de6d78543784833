import { toIntakeJson } from './intake-json';
import { parseCorrespondence } from './parse-correspondence';

/** Damaged texts written for these tests, one per kind of damage that PDF extraction does. */
const json = (text: string) => parseCorrespondence(text).oficios.map(toIntakeJson);

describe('text extracted from PDF', () => {
  it('broken lines: sentences cut anywhere, blank lines in the middle, a date split across lines', () => {
    const text = [
      '1. 22 de',
      'febrero de 2024, oficio INE/UTSI/1121/2024, mediante el cual informó que se ',
      '',
      'tienen por atendidas de manera parcial las observaciones remitidas mediante',
      'oficio INE/UTSI/0451/2024 al proyecto de prototipo navegable, además se',
      '',
      'generan observaciones adicionales.',
      ' 2. 23 de febrero de 2024, oficio INE/UTSI/1123/2024, mediante el cual informa que se tienen por atendidas de',
      'manera parcial las observaciones remitidas mediante oficio INE/UTSI/0797/2024 y no se generan adicionales.',
    ].join('\n');
    expect(json(text)).toEqual([
      expect.objectContaining({
        number: 'INE/UTSI/1121/2024',
        date: '2024-02-22',
        outcome: 'PARTIALLY_ADDRESSED',
        additionalObservations: true,
        references: ['INE/UTSI/0451/2024'],
        deliverable: 11,
      }),
      expect.objectContaining({
        number: 'INE/UTSI/1123/2024',
        date: '2024-02-23',
        outcome: 'PARTIALLY_ADDRESSED',
        additionalObservations: false,
        references: ['INE/UTSI/0797/2024'],
      }),
    ]);
  });

  it('an oficio number split across lines or broken by spaces', () => {
    const text = [
      '1. 24 de febrero de 2024, oficio INE/UTSI/',
      '1147/2024, mediante el cual informa que se tienen por atendidas las observaciones remitidas mediante oficio INE/UT SI/0801/ 2024 y se generan observaciones adicionales.',
      '2. 6 de marzo de 2024, oficio INE/UT SI/1240/ 2024, mediante el cual informa que se tienen por atendidas las observaciones emitidas mediante los oficios INE/UTSI/',
      '0801/2024 e INE/UTSI/1147/',
      '2024 y no se generan adicionales.',
    ].join('\n');
    const [a, b] = parseCorrespondence(text).oficios;
    expect([a.number, a.references, a.additionalObservations]).toEqual([
      'INE/UTSI/1147/2024',
      ['INE/UTSI/0801/2024'],
      true,
    ]);
    expect([b.number, b.references, b.additionalObservations]).toEqual([
      'INE/UTSI/1240/2024',
      ['INE/UTSI/0801/2024', 'INE/UTSI/1147/2024'],
      false,
    ]);
    expect(text.slice(b.span.start, b.span.end)).toMatch(/^2\. 6 de marzo[\s\S]*adicionales\.$/);
  });

  it('words hyphenated at line end', () => {
    const text =
      '1. 24 de febrero de 2024, oficio INE/UTSI/1147/2024, mediante el cual informa que se tienen por aten-\ndidas las observa-\nciones remitidas mediante oficio INE/UTSI/0801/2024 relativas al instru-\nmento jurídico con el ente auditor y se generan observaciones adicio-\n  nales.';
    const [o] = parseCorrespondence(text).oficios;
    expect([o.outcome, o.additionalObservations, o.deliverable]).toEqual(['ADDRESSED', true, 15]);
    expect(o.text).toContain('tienen por atendidas las observaciones');
    expect(o.subject).toBe('el instrumento jurídico con el ente auditor');
  });

  it('page headers and footers: page numbers and a heading repeated on every page', () => {
    const heading = 'Comisión Especial de Seguimiento del PREP';
    const text = [
      heading,
      'Se informa sobre la correspondencia recibida:',
      '1. 5 de marzo de 2024, oficio INE/UTSI/1312/2024, mediante el cual informa que se toma de conocimiento del informe',
      'Página 1 de 2',
      `\f${heading}`,
      'mensual de febrero y no se generan observaciones.',
      '2. 5 de marzo de 2024, oficio INE/UTSI/1317/2024, mediante el cual se hace llegar el documento “Recomendaciones para los planes de seguridad”.',
      'Página 2 de 2',
    ].join('\n');
    const { oficios, warnings } = parseCorrespondence(text);
    expect(oficios.map((o) => [o.number, o.kind, o.outcome, o.deliverable])).toEqual([
      ['INE/UTSI/1312/2024', 'REVIEW', 'ACCEPTED', 3],
      ['INE/UTSI/1317/2024', 'NOTICE', null, 16],
    ]);
    expect(oficios[0].text).not.toMatch(/Página|Comisión Especial/);
    expect(oficios[0].subject).toBe('el informe mensual de febrero');
    expect(warnings).toContain('Se quitaron 4 líneas de encabezado, pie o número de página.');
  });

  it('a running heading in capitals repeated with no page marks at all', () => {
    const head = 'INSTITUTO ELECTORAL DEL ESTADO DE MÉXICO';
    const text = [
      head,
      '1. 4 de abril de 2024, oficio INE/UTSI/1701/2024, mediante el cual remite el documento',
      head,
      '“Guía de simulacros”.',
      '2. 5 de abril de 2024, oficio INE/UTSI/1702/2024, mediante el cual remite diversas observaciones al plan de continuidad.',
      head,
    ].join('\n');
    const { oficios } = parseCorrespondence(text);
    expect(oficios.map((o) => o.subject)).toEqual(['el documento “Guía de simulacros”', 'el plan de continuidad']);
  });

  it('bullets: •, -, *, ◦, a), 1.) and the symbol-font bullet of the seed', () => {
    const items = [
      'Convocatoria para difusores oficiales (Con plazo máximo de remisión al 2 de abril de 2024);',
      'Informe de todos los simulacros (Con plazo máximo de remisión al 9 de abril de 2024).',
    ];
    const expected = [
      { title: 'Convocatoria para difusores oficiales', deliverable: 24, dueDate: '2024-04-02' },
      { title: 'Informe de todos los simulacros', deliverable: 27, dueDate: '2024-04-09' },
    ];
    for (const bullets of [
      ['•', '•'],
      ['-', '-'],
      ['*', '*'],
      ['◦', '◦'],
      ['a)', 'b)'],
      ['1.)', '2.)'],
      ['\uf0b7', '\uf0b7'],
    ]) {
      const text = `1. 20 de marzo de 2024, oficio INE/UTSI/1654/2024, mediante el cual se hace un atento recordatorio de los entregables siguientes:\n${bullets[0]} ${items[0]}\n  ${bullets[1]} ${items[1]}`;
      const [o] = parseCorrespondence(text).oficios;
      expect({ bullets, items: toIntakeJson(o).items }).toEqual({ bullets, items: expected });
    }
  });

  it('stray spaces inside phrases, numbers and dates', () => {
    const text =
      '  1 .  19  de  febrero  de  2024 ,  oficio   INE/UTSI/ 0923 /2024 ,   mediante   el   cual   se   tienen   por   atendidas   las   observaciones   remitidas   mediante   oficio  INE / UTSI / 0451 / 2024   y   no   se   generan   observaciones   adicionales .';
    expect(json(text)).toEqual([
      expect.objectContaining({
        number: 'INE/UTSI/0923/2024',
        date: '2024-02-19',
        kind: 'REVIEW',
        outcome: 'ADDRESSED',
        additionalObservations: false,
        references: ['INE/UTSI/0451/2024'],
      }),
    ]);
  });

  it('numeric dates: dd/mm/yyyy and d/m/yy', () => {
    const text = [
      '1. 19/02/2024, oficio INE/UTSI/0923/2024, mediante el cual solicita remita el plan de trabajo del PREP a más tardar el 04/03/2024.',
      '2. 5/3/24, oficio INE/UTSI/1312/2024, mediante el cual solicita se informe a más tardar el 8/3/24 la ubicación de los CATD.',
    ].join('\n');
    expect(json(text).map((o) => [o.date, o.deadline, o.deliverable])).toEqual([
      ['2024-02-19', '2024-03-04', 6],
      ['2024-03-05', '2024-03-08', 12],
    ]);
  });

  it('Spanish long dates: "08 de abril del 2024", day names, no year', () => {
    const text = [
      '1. 08 de abril del 2024, oficio INE/UTSI/1800/2024, mediante el cual se hace la invitación para asistir el lunes 15 de abril a las 10:00 horas (tiempo del centro) a una reunión de trabajo.',
      '2. Viernes, 12 de abril de 2024, oficio INE/UTSI/1801/2024, mediante el cual solicita se informe a más tardar el miércoles 17 de abril del 2024 la fecha del simulacro.',
      '3. 20 de diciembre de 2023, oficio INE/UTSI/1802/2023, mediante el cual solicita remita la convocatoria para difusores a más tardar el 5 de enero.',
    ].join('\n');
    expect(json(text).map((o) => [o.date, o.meeting, o.deadline])).toEqual([
      ['2024-04-08', '2024-04-15T10:00:00-06:00', null],
      ['2024-04-12', null, '2024-04-17'],
      ['2023-12-20', null, '2024-01-05'],
    ]);
  });

  it('tables flattened into lines: one row per line, or one cell per line', () => {
    const rows = [
      'No. | Fecha | Oficio | Asunto',
      '1 | 19/02/2024 | INE/UTSI/0923/2024 | Remite el documento “Manual de inconsistencias”.',
      '2 | 22/02/2024 | INE/UTSI/1121/2024 | Se tienen por atendidas de manera parcial las observaciones remitidas mediante oficio INE/UTSI/0451/2024.',
    ].join('\n');
    const cells = [
      'No.',
      'Fecha',
      'Oficio',
      'Asunto',
      '1',
      '19/02/2024',
      'INE/UTSI/0923/2024',
      'Remite el documento “Manual de inconsistencias”.',
      '2',
      '22/02/2024',
      'INE/UTSI/1121/2024',
      'Se tienen por atendidas de manera parcial las',
      'observaciones remitidas mediante oficio INE/UTSI/0451/2024.',
    ].join('\n');
    const tabs =
      'Fecha\tOficio\tAsunto\n19/02/2024\tINE/UTSI/0923/2024\tRemite el documento “Manual de inconsistencias”.\n22/02/2024\tINE/UTSI/1121/2024\tSe tienen por atendidas de manera parcial las observaciones remitidas mediante oficio INE/UTSI/0451/2024.';
    for (const text of [rows, cells, tabs]) {
      expect(json(text).map((o) => [o.number, o.date, o.kind, o.outcome, o.references])).toEqual([
        ['INE/UTSI/0923/2024', '2024-02-19', 'NOTICE', null, []],
        ['INE/UTSI/1121/2024', '2024-02-22', 'REVIEW', 'PARTIALLY_ADDRESSED', ['INE/UTSI/0451/2024']],
      ]);
    }
  });

  it('control characters, odd spaces and line endings are stripped, offsets still point at the input', () => {
    const text =
      '\uFEFF1.\u00A019 de febrero de 2024, oficio INE/UTSI/0923/2024,\u0000 mediante el cual remite la\r\nactuali\u200Bzación del “Manual”\u0007.\r\n2. 22 de febrero de 2024, oficio INE/UTSI/1121/2024, mediante el cual se tienen por atendi\u00AD\r\ndas las observaciones remitidas mediante oficio INE/UTSI/0451/2024.';
    const { oficios } = parseCorrespondence(text);
    expect(oficios.map((o) => [o.kind, o.subject])).toEqual([
      ['NOTICE', 'la actualización del “Manual”'],
      ['REVIEW', null],
    ]);
    expect(oficios[1].outcome).toBe('ADDRESSED');
    expect(text.slice(oficios[0].span.start, oficios[0].span.end)).toMatch(
      /^1\.\u00A019 de febrero[\s\S]*Manual”\u0007\.$/,
    );
    expect(oficios[1].span.startLine).toBe(3);
  });
});
