import { REGISTER_FIELD_LABELS } from '../../../libs/files/src/register/register-columns';
import { outcomesInOrder } from './recording';
import { MAX_UPLOAD_BYTES, REGISTER_FIELD, fileFacts, fileProblem, refusalSaid, skipOf } from './upload';

// The API's limit, read from libs/files at run time (its reader pulls Node code the console's types do not know).
const { MAX_FILE_BYTES } = jest.requireActual<{ MAX_FILE_BYTES: number }>('../../../libs/files/src/read-file');

describe('uploading a file on the recording page', () => {
  it('checks the size with the API’s own limit: 25 MiB passes, one byte more is refused before sending', () => {
    expect(MAX_UPLOAD_BYTES).toBe(MAX_FILE_BYTES);
    expect(fileProblem({ name: 'informe.pdf', size: MAX_FILE_BYTES })).toBeNull();
    expect(fileProblem({ name: 'informe.pdf', size: MAX_FILE_BYTES + 1 })).toBe(
      '«informe.pdf» pesa 25.1 MiB; el máximo es 25 MiB. Envíe solo las páginas de la correspondencia, o divida el archivo.',
    );
    expect(fileProblem({ name: 'vacío.txt', size: 0 })).toBe('«vacío.txt» está vacío.');
  });

  it('takes the kinds the API reads, by extension in any case, and says what to do with an old .doc or .xls', () => {
    for (const name of ['a.pdf', 'b.DOCX', 'c.xlsx', 'd.csv', 'e.eml', 'f.TXT'])
      expect(fileProblem({ name, size: 10 })).toBeNull();
    expect(fileProblem({ name: 'foto.png', size: 10 })).toBe(
      '«foto.png» no es de un tipo que se pueda leer: se aceptan PDF, DOCX, XLSX, CSV, EML o TXT.',
    );
    expect(fileProblem({ name: 'sin-extension', size: 10 })).toMatch(/no es de un tipo que se pueda leer/);
    expect(fileProblem({ name: 'oficio.doc', size: 10 })).toMatch(/Word antiguo \(\.doc\): .*guárdelo como \.docx\.$/);
    expect(fileProblem({ name: 'control.xls', size: 10 })).toMatch(/guárdela como \.xlsx\.$/);
  });

  it('says the API’s refusal without the field’s name nor the file’s name twice', () => {
    expect(
      refusalSaid(
        'contentBase64: escaneo.pdf: el PDF no tiene capa de texto (es un escaneo) y no hay OCR en este equipo: instale …',
        'escaneo.pdf',
      ),
    ).toBe(
      'No se pudo leer «escaneo.pdf»: el PDF no tiene capa de texto (es un escaneo) y no hay OCR en este equipo: instale …',
    );
    expect(refusalSaid('skip: no hay oficio en la posición 9', 'a.pdf')).toBe(
      'No se pudo leer «a.pdf»: no hay oficio en la posición 9',
    );
    expect(refusalSaid('Forbidden', 'a.pdf')).toBe('No se pudo leer «a.pdf»: Forbidden');
  });

  it('skips the rows left out, never a flagged one (the API queues it for review)', () => {
    const rows = [{ needsReview: false }, { needsReview: true }, { needsReview: false }, { needsReview: false }];
    expect(skipOf(rows, new Set([0, 3]))).toEqual([2]);
    expect(skipOf(rows, new Set([0, 2, 3]))).toEqual([]);
    expect(skipOf(rows, new Set())).toEqual([0, 2, 3]);
  });

  it('names every field a register’s columns may feed as libs/files does', () => {
    expect(REGISTER_FIELD).toEqual(REGISTER_FIELD_LABELS);
  });

  it('says what the reader reported: kind, pages, size, OCR', () => {
    expect(fileFacts({ kind: 'pdf', pages: 3, size: 48_000, ocr: true })).toBe(
      'PDF, 3 páginas, 46.9 KiB, leído con OCR (de imágenes: revise cada dato)',
    );
    expect(fileFacts({ kind: 'xlsx', pages: null, size: 900, ocr: false })).toBe('Hoja de cálculo (XLSX), 900 B');
  });

  it('gives each row the answer at its position, skipped rows without the API’s message', () => {
    const read = [
      { number: 'A', spanStart: 0, spanEnd: 5, result: 'PLANNED' },
      { number: 'B', spanStart: 5, spanEnd: 9, result: 'PLANNED' },
      { number: 'A', spanStart: 9, spanEnd: 12, result: 'PLANNED' },
    ];
    const recorded = [
      { ...read[0], result: 'CREATED' },
      { ...read[1], result: 'SKIPPED', message: 'omitido a petición de quien registra' },
      { ...read[2], result: 'ALREADY_RECORDED' },
    ];
    expect(outcomesInOrder(read, new Set([0, 2]), recorded)).toEqual([
      { result: 'CREATED', message: null },
      { result: 'SKIPPED', message: null },
      { result: 'ALREADY_RECORDED', message: null },
    ]);
    // Not the reading row for row: matched by number, as for a text.
    expect(outcomesInOrder(read, new Set([0, 2]), [recorded[0], recorded[2]])).toEqual([
      { result: 'CREATED', message: null },
      { result: 'SKIPPED', message: null },
      { result: 'ALREADY_RECORDED', message: null },
    ]);
  });
});
