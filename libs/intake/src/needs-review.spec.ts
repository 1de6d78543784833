import { toIntakeJson } from './intake-json';
import { parseCorrespondence } from './parse-correspondence';

describe('what the parser cannot classify', () => {
  const text = [
    'Correspondencia recibida en la semana:',
    '1. 4 de marzo de 2024, oficio INE/UTSI/1290/2024, mediante el cual remite diversas observaciones al plan de seguridad.',
    '2. 5 de marzo de 2024, oficio INE/UTSI/1301/2024, mediante el cual informa que la reunión del comité se reprogramó.',
    '3. 31 de febrero de 2024, oficio INE/UTSI/1302/2024, mediante el cual remite el documento “Guía de difusores”.',
    '4. 6 de marzo de 2024, oficio sin número: mediante el cual solicita remita la ubicación de los CATD.',
    '5. 7 de marzo de 2024, oficio INE/UTSI/1304/2024, mediante el cual se hace la invitación a una reunión de trabajo.',
    '6. 8 de marzo de 2024, oficio INE/UTSI/1305/2024, mediante el cual se hace un atento recordatorio de los entregables siguientes:',
    '• Informe mensual de marzo (Con plazo máximo de remisión al 5 de abril de 2024);',
    '• Protocolo de limpieza de equipos;',
    '7. 9 de marzo de 2024, oficio INE/UTSI/1306/2024, mediante el cual informa que se tienen por atendidas las observaciones.',
    '8. 10 de marzo de 2024, oficio INE/UTSI/1307/2024, mediante el cual se tienen por atendidas las observaciones remitidas mediante oficio INE/UTSI/1290/2024 y se generan observaciones adicionales, por lo que no se generan observaciones adicionales.',
  ].join('\n');
  const { oficios } = parseCorrespondence(text);

  it('keeps every entry: none is dropped, none is merged', () => {
    expect(oficios).toHaveLength(8);
    expect(oficios.map((o) => o.span.startLine)).toEqual([2, 3, 4, 5, 6, 7, 10, 11]);
  });

  it('flags an entry of unknown kind with a reason instead of guessing', () => {
    const o = oficios[1];
    expect(toIntakeJson(o)).toEqual(
      expect.objectContaining({ number: 'INE/UTSI/1301/2024', kind: null, outcome: null, needsReview: true }),
    );
    expect(o.reviewReasons).toEqual(['no se reconoce el tipo de oficio']);
    expect(o.confidence).toBeLessThanOrEqual(0.5);
    expect(o.summary).toBe('Oficio cuyo tipo no se reconoce: la reunión del comité se reprogramó.');
  });

  it('flags the rest with reasons people can act on', () => {
    const reasons = Object.fromEntries(oficios.map((o, i) => [i + 1, o.reviewReasons]));
    expect(reasons).toEqual({
      1: [],
      2: ['no se reconoce el tipo de oficio'],
      3: ['la fecha del oficio no es válida («31 de febrero de 2024»)'],
      4: ['no se encontró el número del oficio'],
      5: ['no se reconoce la hora de la reunión'],
      // Partial is better than nothing: the monthly report is read; only the protocol waits.
      6: [],
      7: ['tiene por atendidas observaciones pero no cita el oficio que las remitió'],
      8: ['el oficio dice y a la vez niega que se generen observaciones adicionales'],
    });
    expect(oficios.map((o) => o.needsReview)).toEqual([false, true, true, true, true, false, true, true]);
    expect(oficios[5].itemsForReview).toEqual([
      'no se encontró el plazo de «Protocolo de limpieza de equipos»',
      'no se reconoce el entregable «Protocolo de limpieza de equipos»',
    ]);
    expect(oficios[5].confidence).toBeLessThan(1);
    expect(oficios[0].confidence).toBe(1);
  });

  it('still returns what it could read of a flagged entry', () => {
    expect(toIntakeJson(oficios[3])).toEqual(
      expect.objectContaining({ number: null, date: '2024-03-06', kind: 'REQUEST', deliverable: 12 }),
    );
    expect(oficios[5].items.map((i) => [i.deliverable, i.dueDate])).toEqual([
      [3, '2024-04-05'],
      [null, null],
    ]);
  });

  it('takes text with no report heading as one oficio, and says what is missing', () => {
    const { oficios: single } = parseCorrespondence('Por este medio le informo que el comité sesionará próximamente.');
    expect(single).toHaveLength(1);
    expect(single[0].reviewReasons).toEqual([
      'no se encontró el número del oficio',
      'no se encontró la fecha del oficio',
      'no se reconoce el tipo de oficio',
    ]);
    expect(single[0].confidence).toBe(0);
  });

  it('reads "c)" and "i)" as letters in a lettered list, and as roman numerals in a roman one: no gap where there is none', () => {
    const entry = (marker: string, n: number) =>
      `${marker} ${n} de marzo de 2024, oficio INE/UTSI/${1300 + n}/2024, mediante el cual remite el documento “${marker}”.`;
    const lettered = 'abcdefghij'.split('').map((l, i) => entry(`${l})`, i + 1));
    expect(parseCorrespondence(lettered.join('\n')).warnings).toEqual([]);
    const roman = ['i.', 'ii.', 'iii.', 'iv.', 'v.', 'vi.'].map((m, i) => entry(m, i + 1));
    expect(parseCorrespondence(roman.join('\n')).warnings).toEqual([]);
    // A real gap in a lettered list is still one: b) to d) (no c).
    const gap = [lettered[0], lettered[1], lettered[3]].join('\n');
    expect(parseCorrespondence(gap).warnings).toEqual([
      'La numeración de las entradas pasa de 2 a 4: revise si falta o sobra una entrada.',
    ]);
  });

  it('warns about gaps in the numbering and oficios cited outside any entry', () => {
    const { warnings } = parseCorrespondence(
      'Véase también el oficio INE/UTSI/0001/2024.\n1. 4 de marzo de 2024, oficio INE/UTSI/1290/2024, mediante el cual remite el documento “A”.\n3. 5 de marzo de 2024, oficio INE/UTSI/1290/2024, mediante el cual remite el documento “B”.',
    );
    expect(warnings).toEqual([
      'El texto de las líneas 1–1 no pertenece a ninguna entrada y cita INE/UTSI/0001/2024; revíselo.',
      'La numeración de las entradas pasa de 1 a 3: revise si falta o sobra una entrada.',
      'El oficio INE/UTSI/1290/2024 aparece 2 veces.',
    ]);
  });
});
