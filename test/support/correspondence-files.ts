import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { Document, Packer, Paragraph, Tab, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import ExcelJS from 'exceljs';
import PDFDocument from 'pdfkit';

/**
 * The forms in which correspondence reaches an operator, made during the test setup from entries
 * whose content the test knows: a PDF letter and a PDF register table (with running headers and
 * wrapped cells), a Word document, a spreadsheet, a CSV saved by Excel (Windows-1252, semicolons),
 * an e-mail with a PDF attached, and a scan (the PDF's pages as images, no text layer).
 */
export interface RegisterEntry {
  date: string; // "19 de febrero de 2024"
  isoDate: string; // "2024-02-19"
  number: string; // "INE/UTSI/0923/2024"
  subject: string; // "mediante el cual remite …"
}

const FONT = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const FONT_BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');

function pdfBytes(draw: (doc: PDFKit.PDFDocument) => void): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'LETTER', margin: 56, bufferPages: true });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.registerFont('body', FONT).registerFont('bold', FONT_BOLD).font('body');
    draw(doc);
    doc.end();
  });
}

/** A PDF of paragraphs of text, as a letter or a report printed to PDF. */
export function textPdf(text: string): Promise<Buffer> {
  return pdfBytes((doc) => {
    for (const paragraph of text.split(/\n{2,}/)) doc.fontSize(10.5).text(paragraph.replace(/\n/g, ' ')).moveDown(0.6);
  });
}

/**
 * The register as a PDF table over several pages: columns Fecha | Oficio | Asunto, the subject cell
 * wrapping over several lines, a running header and a "Página n de m" footer on every page.
 */
export function registerPdf(entries: readonly RegisterEntry[], rowsPerPage = 6): Promise<Buffer> {
  const columns = [
    { x: 56, width: 90 },
    { x: 156, width: 120 },
    { x: 286, width: 270 },
  ];
  return pdfBytes((doc) => {
    const pages = Math.ceil(entries.length / rowsPerPage);
    for (let page = 0; page < pages; page++) {
      if (page > 0) doc.addPage();
      doc.font('body').fontSize(8).text('Comisión del PREP — Registro de oficios recibidos', 56, 30);
      let y = 90;
      doc.font('bold').fontSize(9);
      ['Fecha', 'Oficio', 'Asunto'].forEach((h, i) => doc.text(h, columns[i].x, y, { width: columns[i].width }));
      y += 18;
      doc.font('body').fontSize(9);
      for (const entry of entries.slice(page * rowsPerPage, (page + 1) * rowsPerPage)) {
        const cells = [entry.date, entry.number, entry.subject];
        const height = Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: columns[i].width })));
        cells.forEach((c, i) => doc.text(c, columns[i].x, y, { width: columns[i].width }));
        y += height + 10;
      }
      doc.fontSize(8).text(`Página ${page + 1} de ${pages}`, 56, 740, { lineBreak: false });
    }
  });
}

const MONO = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSansMono.ttf');
const expandTabs = (line: string) =>
  line.replace(/([^\t]*)\t/g, (_, before: string) => before + ' '.repeat(8 - (before.length % 8)));

/**
 * A text printed to PDF line by line, as a word processor would: prose in a proportional font,
 * wrapped at the margin; a text whose columns are aligned with spaces or tabs (a register) in a
 * monospaced font small enough for its longest line, so that its columns stay aligned.
 */
export function linesPdf(text: string): Promise<Buffer> {
  const lines = text.split(/\r?\n/).map(expandTabs);
  const aligned = lines.some((line) => / {3,}\S/.test(line.trim()));
  const longest = Math.max(...lines.map((l) => l.length));
  const size = aligned ? Math.min(10, 500 / (longest * 0.602)) : 10.5;
  return pdfBytes((doc) => {
    doc
      .registerFont('mono', MONO)
      .font(aligned ? 'mono' : 'body')
      .fontSize(size);
    for (const line of lines) {
      if (line.trim() === '') doc.moveDown(1);
      else doc.text(line, { width: 500, lineBreak: !aligned });
    }
  });
}

/**
 * A text written in Word as people write: a paragraph where the text has a blank line, its lines
 * kept with line breaks (Shift+Enter), tabs as Word's tab stops.
 */
export async function linesDocx(text: string): Promise<Buffer> {
  const run = (line: string, first: boolean) =>
    new TextRun({
      break: first ? undefined : 1,
      children: line.split('\t').flatMap((part, k) => (k > 0 ? [new Tab(), part] : [part])),
    });
  const paragraphs = text
    .split(/\r?\n[ \t]*\r?\n/)
    .map((block) => new Paragraph({ children: block.split(/\r?\n/).map((line, i) => run(line, i === 0)) }));
  return Packer.toBuffer(new Document({ sections: [{ children: paragraphs }] }));
}

/** The register as a Word document: a title paragraph and a table. */
export async function registerDocx(entries: readonly RegisterEntry[]): Promise<Buffer> {
  const cell = (text: string, bold = false) =>
    new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });
  const table = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ children: ['Fecha', 'Oficio', 'Asunto'].map((h) => cell(h, true)) }),
      ...entries.map((e) => new TableRow({ children: [cell(e.date), cell(e.number), cell(e.subject)] })),
    ],
  });
  const doc = new Document({
    sections: [{ children: [new Paragraph('Registro de oficios recibidos de la UTSI'), table] }],
  });
  return Packer.toBuffer(doc);
}

/** The register as a spreadsheet: a title row, then headers, real dates in the date column. */
export async function registerXlsx(entries: readonly RegisterEntry[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Oficios recibidos');
  sheet.addRow(['Control de correspondencia — Comisión del PREP']);
  sheet.addRow(['Fecha del oficio', 'No. de oficio', 'Asunto', 'Observaciones internas']);
  for (const e of entries) sheet.addRow([new Date(`${e.isoDate}T00:00:00Z`), e.number, e.subject, '']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The register as Excel saves CSV in Mexico: Windows-1252, semicolons, quoted where needed. */
export function registerCsv(entries: readonly RegisterEntry[]): Buffer {
  const quote = (s: string) => (/[;"\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const lines = [
    'Fecha;Número de oficio;Asunto',
    ...entries.map((e) => [e.date, e.number, e.subject].map(quote).join(';')),
  ];
  return Buffer.from(lines.join('\r\n') + '\r\n', 'latin1');
}

/** An e-mail forwarding an oficio: a short body, the oficio's PDF attached (base64, MIME multipart). */
export function emailWith(body: string, attachment: { name: string; bytes: Buffer }): Buffer {
  const boundary = 'limite-del-mensaje-42';
  const base64 = attachment.bytes.toString('base64').replace(/.{76}/g, '$&\r\n');
  return Buffer.from(
    [
      'From: Oficialía de Partes <oficialia@iepc-gro.example>',
      'To: Comisión del PREP <prep@iepc-gro.example>',
      'Subject: =?UTF-8?Q?Reenv=C3=ADo_de_oficio_de_la_UTSI?=',
      'Date: Tue, 20 Feb 2024 10:15:00 -0600',
      'MIME-Version: 1.0',
      `Content-Type: multipart/mixed; boundary="${boundary}"`,
      '',
      `--${boundary}`,
      'Content-Type: text/plain; charset=UTF-8',
      'Content-Transfer-Encoding: 8bit',
      '',
      body,
      '',
      `--${boundary}`,
      `Content-Type: application/pdf; name="${attachment.name}"`,
      `Content-Disposition: attachment; filename="${attachment.name}"`,
      'Content-Transfer-Encoding: base64',
      '',
      base64,
      `--${boundary}--`,
      '',
    ].join('\r\n'),
    'utf8',
  );
}

/** A scan of a PDF: each page rendered at `dpi` by pdftoppm and put back as an image, no text layer. */
export async function scannedPdf(pdf: Buffer, dpi = 200): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), 'seguimiento-scan-'));
  try {
    await writeFile(join(dir, 'in.pdf'), pdf);
    await promisify(execFile)('pdftoppm', ['-r', String(dpi), '-gray', '-png', join(dir, 'in.pdf'), join(dir, 'p')]);
    const pages = (await readdir(dir)).filter((f) => f.endsWith('.png')).sort();
    const images = await Promise.all(pages.map((p) => readFile(join(dir, p))));
    return await new Promise<Buffer>((resolve, reject) => {
      const doc = new PDFDocument({ size: 'LETTER', margin: 0, autoFirstPage: false });
      const chunks: Buffer[] = [];
      doc.on('data', (c: Buffer) => chunks.push(c));
      doc.on('end', () => resolve(Buffer.concat(chunks)));
      doc.on('error', reject);
      for (const image of images) doc.addPage().image(image, 0, 0, { width: 612, height: 792 });
      doc.end();
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A CSV text as the spreadsheet it was exported from: one cell per field, every cell text. */
export async function sheetOf(csv: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Registro');
  const parsed = await new ExcelJS.Workbook().csv.read(Readable.from([csv]), { map: (value: unknown) => value });
  parsed.eachRow((row) => sheet.addRow((row.values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v)))));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
