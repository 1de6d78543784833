import { DELIVERABLES } from '@seguimiento/domain';
import { findDates, formatLongDate, resolveDate } from './dates';
import { findDeadlines } from './deadlines';
import { recogniseDeliverable } from './deliverables';
import { fold } from './fold';
import { applyEdits, identityMapped, originalRange, rewrite } from './mapped-text';
import { normalizeText } from './normalize-text';
import { findOficioNumbers, senderOf } from './oficio-numbers';

describe('dates', () => {
  const iso = (text: string, reference: string | null = null) =>
    findDates(fold(text)).map((d) => resolveDate(d, reference));

  it('reads long Spanish dates, with or without day name, "del" and leading zeros', () => {
    expect(
      iso(
        '19 de febrero de 2024; 08 de abril del 2024; lunes 4 de marzo de 2024; Miércoles, 6 de MARZO de 2024; 1o de septiembre de 2023',
      ),
    ).toEqual(['2024-02-19', '2024-04-08', '2024-03-04', '2024-03-06', '2023-09-01']);
  });

  it('reads numeric dates day first, and ISO dates', () => {
    expect(iso('19/02/2024, 5/3/24, 05-03-2024, 2024-02-19')).toEqual([
      '2024-02-19',
      '2024-03-05',
      '2024-03-05',
      '2024-02-19',
    ]);
  });

  it('takes the year that puts a year-less date closest to the oficio', () => {
    expect(iso('4 de marzo', '2024-02-29')).toEqual(['2024-03-04']);
    expect(iso('5 de enero', '2023-12-20')).toEqual(['2024-01-05']);
    expect(iso('20 de diciembre', '2024-01-10')).toEqual(['2023-12-20']);
    expect(iso('4 de marzo')).toEqual([null]);
  });

  it('marks impossible dates instead of moving them', () => {
    const [d] = findDates(fold('31 de febrero de 2024'));
    expect([d.valid, d.iso]).toEqual([false, null]);
    expect(findDates('13/13/2024')[0].valid).toBe(false);
  });

  it('does not take pieces of oficio numbers or report numbers for dates', () => {
    expect(findDates(fold('INE/UTSI/1121/2024 e INFORME 009/CESIOPREP/SO/22-03-2024'))).toEqual([]);
  });

  it('writes dates the way the report does', () => {
    expect(formatLongDate('2024-03-05')).toBe('5 de marzo de 2024');
  });

  it('finds explicit deadlines only after their phrases', () => {
    const text = fold(
      'el 29 de febrero solicita se informe, a más tardar el día lunes 4 de marzo, y (Con plazo máximo de remisión al 5 de abril de 2024), fecha límite: 12/04/2024',
    );
    expect(findDeadlines(text, '2024-02-29').map((d) => d.iso)).toEqual(['2024-03-04', '2024-04-05', '2024-04-12']);
  });
});

describe('oficio numbers', () => {
  it('finds INE and OPLE numbers, repaired when PDF extraction broke them', () => {
    const text =
      'mediante oficio INE/UTSI/\n1121/2024, el oficio IEEM/SE/2195/2024, INE/UT SI/0451/ 2024 e IEPC/GRO/SE/0045/2024; ine/utsi/0801/2024.';
    expect(findOficioNumbers(text).map((n) => [n.number, n.repaired])).toEqual([
      ['INE/UTSI/1121/2024', true],
      ['IEEM/SE/2195/2024', false],
      ['INE/UTSI/0451/2024', true],
      ['IEPC/GRO/SE/0045/2024', false],
      ['INE/UTSI/0801/2024', false],
    ]);
  });

  it('ignores prose with slashes and report numbers', () => {
    expect(findOficioNumbers('y/o la/los/3/2024, INFORME 009/CESIOPREP/SO/22-03-2024, 1121/2024')).toEqual([]);
  });

  it('reads the sender and unit from the number', () => {
    expect(senderOf('INE/UTSI/1121/2024')).toEqual({ sender: 'INE', unit: 'UTSI', ine: true });
    expect(senderOf('IEPC/GRO/SE/0045/2024')).toEqual({ sender: 'IEPC', unit: 'GRO/SE', ine: false });
  });
});

describe('deliverables', () => {
  it('recognises every catalogue short title as its own entregable, 33 and 34 included', () => {
    const recognised = DELIVERABLES.map((d) => recogniseDeliverable(fold(d.title)).deliverable);
    expect(recognised).toEqual(DELIVERABLES.map((d) => d.number));
  });

  it('trusts the number said ("entregable N", "numeral 33, documento N") first, then the title, then "numeral N", and says what it set aside', () => {
    expect(recogniseDeliverable(fold('el entregable 33, versión final'))).toEqual({
      deliverable: 33,
      deliverables: [33],
      version: 'FINAL',
      source: 'EXPLICIT',
      setAside: null,
    });
    expect(recogniseDeliverable(fold('conforme al numeral 15 del Anexo 13'))).toMatchObject({
      deliverable: 15,
      source: 'NUMERAL',
    });
    expect(recogniseDeliverable(fold('el instrumento jurídico con el tercero, numeral 33, documento 34'))).toEqual({
      deliverable: 34,
      deliverables: [34],
      version: null,
      source: 'EXPLICIT',
      setAside: 10,
    });
    expect(recogniseDeliverable(fold('el plan de seguridad, conforme al numeral 12 del Anexo 13'))).toMatchObject({
      deliverable: 16,
      source: 'TITLE',
      setAside: 12,
    });
    expect(recogniseDeliverable(fold('lo establecido en el numeral 33 del Anexo 13')).deliverable).toBeNull();
  });

  it('tells the proyecto from the versión final said just before the title', () => {
    expect(recogniseDeliverable(fold('al proyecto de plan de seguridad')).version).toBe('PROYECTO');
    expect(recogniseDeliverable(fold('la versión final del instrumento jurídico con el ente auditor')).version).toBe(
      'FINAL',
    );
    expect(
      recogniseDeliverable(fold('Programa de Resultados Electorales Preliminares: plan de seguridad')).version,
    ).toBeNull();
  });
});

describe('repairing text with an offset map', () => {
  it('keeps the offset of every character through edits', () => {
    const src = identityMapped('abc\r\ndef');
    const out = rewrite(src, /\r\n/g, () => '\n');
    expect(out.text).toBe('abc\ndef');
    expect(Array.from(out.origin)).toEqual([0, 1, 2, 3, 5, 6, 7, 8]);
    const cut = applyEdits(out, [{ start: 1, end: 3, text: '' }]);
    expect(cut.text).toBe('a\ndef');
    expect(originalRange(cut, 2, 5)).toEqual({ start: 5, end: 8 });
  });

  it('folds accents and case without moving anything', () => {
    const text = 'Atención: OBSERVACIONES, año, İ, “x”';
    expect(fold(text)).toHaveLength(text.length);
    expect(fold(text)).toBe('atencion: observaciones, ano, i, “x”');
  });

  it('normalises what PDF extraction leaves and maps it back', () => {
    const original = 'se tienen por aten-\ndidas\u0000 las observa\u00AD\r\nciones\f';
    const n = normalizeText(original);
    expect(n.text).toBe('se tienen por atendidas las observaciones\n');
    const at = n.text.indexOf('ciones');
    expect(original.slice(n.origin[at], n.origin[at] + 6)).toBe('ciones');
  });
});
