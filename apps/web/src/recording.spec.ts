import { outcomes, textToRecord } from './recording';

const TEXT = 'Encabezado.\n\n1. oficio A, dice algo.\n\n2. oficio B, otra cosa.\n\n3. oficio C, fin.';
const span = (needle: string, number: string, result = 'PLANNED') => {
  const start = TEXT.indexOf(needle);
  return { number, spanStart: start, spanEnd: start + needle.length, result };
};
const READ = [
  span('1. oficio A, dice algo.', 'A'),
  span('2. oficio B, otra cosa.', 'B'),
  span('3. oficio C, fin.', 'C'),
];

describe('recording a reviewed reading', () => {
  it('records the text as pasted when nothing is skipped, else the kept oficios’ passages', () => {
    expect(textToRecord(TEXT, READ, new Set([0, 1, 2]))).toBe(TEXT);
    expect(textToRecord(TEXT, READ, new Set([0, 2]))).toBe('1. oficio A, dice algo.\n\n3. oficio C, fin.');
    expect(textToRecord(TEXT, READ, new Set())).toBe('');
  });

  it('gives each row its result: skipped, or what the recording said of the same oficio', () => {
    const recorded = [
      { ...READ[0], result: 'CREATED', message: 'documento abierto' },
      { ...READ[2], result: 'ALREADY_RECORDED' },
    ];
    expect(outcomes(READ, new Set([0, 2]), recorded)).toEqual([
      { result: 'CREATED', message: 'documento abierto' },
      { result: 'SKIPPED', message: null },
      { result: 'ALREADY_RECORDED', message: null },
    ]);
    expect(outcomes(READ, new Set([1]), [])[1].result).toBe('FAILED');
    const flagged = [READ[0], { ...READ[1], result: 'NEEDS_REVIEW' }];
    expect(outcomes(flagged, new Set([0]), [{ ...READ[0], result: 'CREATED' }]).map((o) => o.result)).toEqual([
      'CREATED',
      'NEEDS_REVIEW',
    ]);
  });
});
