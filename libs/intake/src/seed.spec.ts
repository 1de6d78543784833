import { readFileSync } from 'fs';
import { join } from 'path';
import { toIntakeJson } from './intake-json';
import { parseCorrespondence } from './parse-correspondence';
import { SEED_OFICIOS, SEED_VERSIONS } from './testing/seed-oficios.fixture';

// The seed is public reference text, copied next to the tests so they run on a clean clone.
const SEED = readFileSync(join(__dirname, 'testing', 'seed-report.txt'), 'utf8');

describe('the seed report (IEPC Guerrero, 18 Feb – 21 Mar 2024)', () => {
  const result = parseCorrespondence(SEED, { ople: 'GRO' });

  it('finds the 17 oficios, as the fixture read by hand says', () => {
    const parsed = result.oficios.map((o) => {
      const { confidence: _c, needsReview: _n, ...rest } = toIntakeJson(o);
      return rest;
    });
    expect(parsed).toEqual(SEED_OFICIOS);
  });

  it('needs no review for any of them, and tells proyecto from versión final', () => {
    expect(result.oficios.filter((o) => o.needsReview).map((o) => [o.number, o.reviewReasons])).toEqual([]);
    const versions = Object.fromEntries(
      result.oficios.filter((o) => o.deliverableVersion).map((o) => [o.number, o.deliverableVersion]),
    );
    expect(versions).toEqual(SEED_VERSIONS);
  });

  it('points every oficio back to its text in the input', () => {
    for (const o of result.oficios) {
      const original = SEED.slice(o.span.start, o.span.end);
      expect(original).toMatch(
        new RegExp(`^\\s*\\d+\\.\\s+\\d{1,2} de \\w+ de 2024, oficio ${o.number!.replace(/\//g, '\\/')}`),
      );
    }
    const reminder = result.oficios[16];
    expect(SEED.slice(reminder.span.start, reminder.span.end)).toMatch(/remisión al 22 de abril de 2024\)\.$/);
    expect(reminder.span.startLine).toBe(SEED.slice(0, reminder.span.start).split('\n').length);
  });

  it('says who signs, and the OPLE concerned', () => {
    expect(result.oficios.every((o) => o.sender === 'INE' && o.unit === 'UTSI' && o.ople === 'GRO')).toBe(true);
  });

  it('takes "numeral 33, documento 34" as said, the receipts that answer those requests too, and notes that the title looks like entregable 10', () => {
    const byNumber = Object.fromEntries(result.oficios.map((o) => [o.number, o.deliverable]));
    expect(['1376', '1377', '1581', '1583'].map((n) => byNumber[`INE/UTSI/${n}/2024`])).toEqual([34, 34, 34, 34]);
    expect(result.warnings).toEqual([
      'oficio INE/UTSI/1376/2024: dice expresamente el entregable 34, aunque su asunto parece el entregable 10; se toma el 34, como dice el oficio.',
      'oficio INE/UTSI/1377/2024: dice expresamente el entregable 34, aunque su asunto parece el entregable 10; se toma el 34, como dice el oficio.',
      'oficio INE/UTSI/1581/2024: responde al oficio INE/UTSI/1376/2024, que dice el entregable 34; se toma el 34 (su asunto parece el entregable 10).',
      'oficio INE/UTSI/1583/2024: responde al oficio INE/UTSI/1377/2024, que dice el entregable 34; se toma el 34 (su asunto parece el entregable 10).',
    ]);
  });

  it('keeps the subject in the oficio’s words', () => {
    const bySubject = Object.fromEntries(result.oficios.map((o) => [o.number, o.subject]));
    expect(bySubject['INE/UTSI/1221/2024']).toBe(
      'se informe el estatus en el que se encuentra el proceso de contratación del servicio de acompañamiento y soporte en la implementación y operación de los módulos del PREP',
    );
    expect(bySubject['INE/UTSI/1312/2024']).toBe('el segundo informe parcial de actividades del COTAPREP');
    expect(bySubject['INE/UTSI/1638/2024']).toBe(
      'el documento “Entes auditores de los Organismos Públicos Locales para los Procesos Electorales Locales 2023-2024”',
    );
  });
});
