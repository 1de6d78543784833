import { DomainError } from '@seguimiento/domain';
import { readFileSync } from 'fs';
import { join } from 'path';
import { MAX_INPUT_LENGTH, parseCorrespondence } from './parse-correspondence';

const SEED = readFileSync(join(__dirname, 'testing', 'seed-report.txt'), 'utf8');

function refusal(run: () => unknown): DomainError {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    return e as DomainError;
  }
  throw new Error('expected a DomainError');
}

describe('parseCorrespondence: bad input', () => {
  it.each([
    ['undefined', undefined],
    ['null', null],
    ['a number', 42],
    ['an object', { text: 'oficio' }],
    ['a Buffer', Buffer.from('oficio')],
  ])('refuses %s as text, naming the field', (_what, value) => {
    const e = refusal(() => parseCorrespondence(value as unknown as string));
    expect([e.code, e.field]).toEqual(['INVALID_INPUT', 'text']);
    expect(e.message).toMatch(/^text: debe ser una cadena de texto/);
  });

  it.each([
    ['empty text', ''],
    ['white space', ' \n\t\r\n '],
  ])('refuses %s', (_what, value) => {
    const e = refusal(() => parseCorrespondence(value));
    expect([e.code, e.field, e.message]).toEqual([
      'INVALID_INPUT',
      'text',
      'text: está vacío: pegue el texto de la correspondencia.',
    ]);
  });

  it('refuses text that is nothing but control characters or page furniture', () => {
    expect(refusal(() => parseCorrespondence('\u0000\u0001\u200B\uFEFF\u0007')).field).toBe('text');
    expect(refusal(() => parseCorrespondence('Página 1 de 2\n\fPágina 2 de 2')).message).toMatch(
      /no contiene texto legible/,
    );
  });

  it('refuses text beyond the size limit', () => {
    const e = refusal(() => parseCorrespondence('a'.repeat(MAX_INPUT_LENGTH + 1)));
    expect(e.field).toBe('text');
  });

  it('refuses an unknown OPLE and malformed options', () => {
    const e = refusal(() => parseCorrespondence(SEED, { ople: 'Guerrero' }));
    expect([e.field, e.message]).toEqual([
      'options.ople',
      'options.ople: "Guerrero" no es un OPLE conocido (use la clave ISO del estado, p. ej. GRO).',
    ]);
    expect(refusal(() => parseCorrespondence(SEED, 'GRO' as never)).field).toBe('options');
  });
});

describe('parseCorrespondence: big and hostile input', () => {
  it('parses 10 MB in linear time, control characters and pathological runs included', () => {
    const copies = 400;
    const hostile = [
      '\u0000\u0001\u0002'.repeat(100_000),
      ' '.repeat(1_000_000),
      'INE/'.repeat(250_000),
      'A/'.repeat(500_000),
      '4 de '.repeat(200_000),
      '1\n'.repeat(500_000),
      'lunes' + '\t'.repeat(500_000),
      'se tienen por atendidas '.repeat(40_000),
      'a-\n \n'.repeat(100_000),
      '•'.repeat(500_000),
    ].join('\n');
    const text = `${Array(copies).fill(SEED).join('\n')}\n${hostile}`;
    expect(text.length).toBeGreaterThan(10_000_000);
    // How long it takes is a figure of the bench, not a check here.
    const { oficios } = parseCorrespondence(text);
    expect(oficios).toHaveLength(17 * copies);
    // The junk comes after the last report's closing ("Lo que se informa…"): left out, not parsed.
    const last = oficios[17 * copies - 1];
    expect([last.number, last.items.length, last.needsReview]).toEqual(['INE/UTSI/1654/2024', 9, false]);
    expect(oficios.every((o) => !o.needsReview)).toBe(true);
  }, 60_000);
});
