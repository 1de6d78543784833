import { FileRefused, ocrAvailable, readFile } from '@seguimiento/files';
import { type ParsedOficio, parseCorrespondence, toIntakeJson } from '@seguimiento/intake';
import {
  type RegisterEntry,
  emailWith,
  registerCsv,
  registerDocx,
  registerPdf,
  registerXlsx,
  scannedPdf,
  textPdf,
} from '../support/correspondence-files';

/**
 * The files people receive, read for real: PDF (text layer rebuilt from glyph positions, and a
 * scan read by Tesseract), DOCX (mammoth), XLSX and CSV registers (exceljs), an e-mail with its
 * attachment (mailparser). Each form of the same register must give the parser the same oficios
 * as the register's plain text does.
 */
const ENTRIES: RegisterEntry[] = [
  {
    date: '19 de febrero de 2024',
    isoDate: '2024-02-19',
    number: 'INE/UTSI/0923/2024',
    subject:
      'mediante el cual remite la actualización del “Manual del manejo de inconsistencias de las Actas PREP”, que establece la manera en la que se tratarán las inconsistencias de las Actas PREP.',
  },
  {
    date: '22 de febrero de 2024',
    isoDate: '2024-02-22',
    number: 'INE/UTSI/1121/2024',
    subject:
      'mediante el cual informó que se tienen por atendidas de manera parcial las observaciones remitidas mediante oficio INE/UTSI/0451/2024 al proyecto de prototipo navegable y sitio de publicación y formato de base de datos que se utilizará para la operación del PREP, además se generan observaciones adicionales.',
  },
  {
    date: '23 de febrero de 2024',
    isoDate: '2024-02-23',
    number: 'INE/UTSI/1123/2024',
    subject:
      'mediante el cual informa que se tienen por atendidas de manera parcial las observaciones remitidas mediante oficio INE/UTSI/0797/2024 de la designación del ente auditor y no se generan adicionales.',
  },
  {
    date: '24 de febrero de 2024',
    isoDate: '2024-02-24',
    number: 'INE/UTSI/1147/2024',
    subject:
      'mediante el cual informa que se tienen por atendidas las observaciones remitidas mediante oficio INE/UTSI/0801/2024 relativas al proyecto de instrumento jurídico a celebrarse entre el IEPC Guerrero y el ente auditor y se generan observaciones adicionales.',
  },
  {
    date: '29 de febrero de 2024',
    isoDate: '2024-02-29',
    number: 'INE/UTSI/1221/2024',
    subject:
      'mediante el cual solicita se informe, a más tardar el 4 de marzo, el estatus en el que se encuentra el proceso de contratación del servicio de acompañamiento y soporte en la implementación y operación de los módulos del PREP.',
  },
  {
    date: '5 de marzo de 2024',
    isoDate: '2024-03-05',
    number: 'INE/UTSI/1312/2024',
    subject:
      'mediante el cual informa que se toma de conocimiento del segundo informe parcial de actividades del COTAPREP y no se generan observaciones.',
  },
  {
    date: '5 de marzo de 2024',
    isoDate: '2024-03-05',
    number: 'INE/UTSI/1317/2024',
    subject:
      'mediante el cual se hace llegar el documento “Recomendaciones para la emisión de los Planes de Seguridad y Continuidad”.',
  },
];

const PLAIN = ENTRIES.map((e, i) => `${i + 1}. ${e.date}, oficio ${e.number}, ${e.subject}`).join('\n\n');

/** The whole `--json` contract of each oficio: if these agree, the same facts get recorded. */
const facts = (oficios: readonly ParsedOficio[]) => oficios.map(toIntakeJson);
const parse = (text: string) => parseCorrespondence(text, { ople: 'GRO' }).oficios;

describe('reading the files people receive', () => {
  const expected = facts(parse(PLAIN));

  it('the register as plain text is read whole (the reference the other forms are compared with)', () => {
    expect(expected.map((o) => o.number)).toEqual(ENTRIES.map((e) => e.number));
    expect(expected.map((o) => o.date)).toEqual(ENTRIES.map((e) => e.isoDate));
    expect(expected.filter((o) => o.kind === 'REVIEW')).toHaveLength(4);
  });

  it('a PDF table over three pages: rows rebuilt from glyph positions, wrapped cells joined, headers and footers dropped', async () => {
    const file = await readFile(await registerPdf(ENTRIES, 3), 'registro.pdf');
    expect(file).toMatchObject({ kind: 'pdf', pages: 3 });
    expect(file.text).not.toMatch(/Página \d+ de 3/);
    expect(file.notes.join(' ')).toMatch(/encabezados y pies de página repetidos/);
    expect(file.text).toContain(
      'INE/UTSI/1121/2024 | mediante el cual informó que se tienen por atendidas de manera parcial',
    );
    expect(facts(parse(file.text))).toEqual(expected);
  });

  it('a PDF letter: paragraphs from the text layer', async () => {
    const file = await readFile(await textPdf(PLAIN), 'informe.pdf');
    expect(facts(parse(file.text))).toEqual(expected);
  });

  it('a Word document with the register as a table', async () => {
    const file = await readFile(await registerDocx(ENTRIES), 'registro.docx');
    expect(file.kind).toBe('docx');
    expect(facts(parse(file.text))).toEqual(expected);
  });

  it('a spreadsheet: the header row found under a title, columns mapped by their headers and reported', async () => {
    const file = await readFile(await registerXlsx(ENTRIES), 'control.xlsx');
    expect(file.kind).toBe('xlsx');
    expect(file.columns).toEqual({
      mapped: { date: 'Fecha del oficio', number: 'No. de oficio', subject: 'Asunto' },
      unmapped: ['Observaciones internas'],
    });
    expect(facts(parse(file.text))).toEqual(expected);
  });

  it('a CSV saved by Excel (Windows-1252, semicolons)', async () => {
    const file = await readFile(registerCsv(ENTRIES), 'control.csv');
    expect(file.kind).toBe('csv');
    expect(file.text).toContain('Recomendaciones para la emisión');
    expect(facts(parse(file.text))).toEqual(expected);
  });

  it('an e-mail forwarding an oficio: the body and the attached PDF are both read', async () => {
    const letter = await textPdf(PLAIN);
    const file = await readFile(
      emailWith('Se reenvía el informe de la correspondencia recibida.', { name: 'informe.pdf', bytes: letter }),
      'reenvio.eml',
    );
    expect(file.kind).toBe('eml');
    expect(file.attachments?.map((a) => a.name)).toEqual(['informe.pdf']);
    expect(file.text).toMatch(/^De: Oficialía de Partes/);
    expect(facts(parse(file.text))).toEqual(expected);
  });

  it('refuses what it cannot read, saying why, naming the file', async () => {
    await expect(readFile(Buffer.alloc(0), 'vacío.pdf')).rejects.toThrow('vacío.pdf: el archivo está vacío');
    await expect(readFile(Buffer.from('%PDF-1.7\nbasura'), 'roto.pdf')).rejects.toThrow(FileRefused);
    await expect(readFile(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0]), 'viejo.doc')).rejects.toThrow(/DOCX o XLSX/);
    await expect(readFile(Buffer.alloc(2048, 1), 'datos.bin')).rejects.toThrow(/se aceptan PDF, DOCX/);
    await expect(readFile(Buffer.alloc(30, 65), 'grande.txt', 10)).rejects.toThrow(/el máximo es/);
    const noNumber = Buffer.from('Fecha;Asunto;Remitente\n5 de marzo de 2024;Algo;INE\n', 'latin1');
    await expect(readFile(noNumber, 'sin-oficio.csv')).rejects.toThrow(/no tiene columna de número de oficio/);
  });

  it('a scanned PDF (no text layer) is read by OCR in Spanish: every oficio number and date found', async () => {
    expect(await ocrAvailable()).toBe(true); // npm test installs tesseract-ocr and tesseract-ocr-spa
    const scan = await scannedPdf(await textPdf(PLAIN));
    const file = await readFile(scan, 'escaneo.pdf');
    expect(file).toMatchObject({ kind: 'pdf', ocr: true });
    const read = facts(parse(file.text));
    const accuracy = characterAccuracy(PLAIN, file.text);
    console.log(`OCR: ${(accuracy * 100).toFixed(1)} % de caracteres correctos en el escaneo de prueba`);
    expect(accuracy).toBeGreaterThan(0.97);
    expect(read.map((o) => o.number)).toEqual(expected.map((o) => o.number));
    expect(read.map((o) => o.date)).toEqual(expected.map((o) => o.date));
  });
});

/** 1 − (edit distance / length) over the texts with whitespace collapsed. */
function characterAccuracy(truth: string, read: string): number {
  const a = truth.replace(/\s+/g, ' ').trim();
  const b = read.replace(/\s+/g, ' ').trim();
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return 1 - previous[b.length] / a.length;
}
