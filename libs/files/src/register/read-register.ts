import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { type FileText, FileRefused } from '../file-text';
import { decodeText } from '../text-encoding';
import { REGISTER_FIELD_LABELS, entryOf, findHeader } from './register-columns';

type Cell = string | Date;

/**
 * Reads a control register (XLSX, or CSV as Excel saves it: UTF-8 or Windows-1252, comma or
 * semicolon): finds the header row, maps columns to fields by their headers (the mapping is
 * reported), and writes each row as an entry of the commission's list, which the parser reads.
 */
export async function readRegister(bytes: Uint8Array, name: string, kind: 'xlsx' | 'csv'): Promise<FileText> {
  const sheets = kind === 'xlsx' ? await xlsxRows(bytes, name) : [{ title: name, rows: await csvRows(bytes, name) }];
  const notes: string[] = [];
  const entries: string[] = [];
  let mapping: FileText['columns'];
  let problem: string | null = null;
  for (const sheet of sheets) {
    const header = findHeader(sheet.rows.map((row) => row.map((c) => (c instanceof Date ? '' : c))));
    if ('missing' in header) {
      problem ??= `la hoja «${sheet.title}» no tiene columna de ${header.missing.map((f) => REGISTER_FIELD_LABELS[f]).join(' ni de ')} (encabezados leídos: ${header.seen.join(', ') || 'ninguno'})`;
      continue;
    }
    mapping ??= header.mapping;
    const headers = sheet.rows[header.index].map((c) => (c instanceof Date ? '' : c));
    const body = sheet.rows.slice(header.index + 1);
    let skipped = 0;
    for (const row of body) {
      const entry = entryOf(entries.length + 1, row, header, headers);
      if (entry) entries.push(entry);
      else if (row.some((c) => (c instanceof Date ? true : c.trim()))) skipped++;
    }
    const fields = Object.entries(header.mapping.mapped).map(
      ([field, h]) => `${REGISTER_FIELD_LABELS[field as keyof typeof REGISTER_FIELD_LABELS]} ← «${h}»`,
    );
    notes.push(`hoja «${sheet.title}»: ${body.length} filas; columnas: ${fields.join(', ')}`);
    if (header.mapping.unmapped.length > 0)
      notes.push(`columnas sin campo (su texto se añade a cada entrada): ${header.mapping.unmapped.join(', ')}`);
    if (skipped > 0) notes.push(`${skipped} filas sin número de oficio ni asunto se omitieron`);
  }
  if (entries.length === 0) throw new FileRefused(name, problem ?? 'el registro no tiene filas con oficios');
  return { name, kind, text: entries.join('\n'), notes, columns: mapping };
}

async function xlsxRows(bytes: Uint8Array, name: string): Promise<Array<{ title: string; rows: Cell[][] }>> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types its argument with an older Node's Buffer, which today's Buffer<ArrayBuffer> does not match.
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch (error) {
    throw new FileRefused(name, `la hoja de cálculo está dañada (${(error as Error).message})`);
  }
  return workbook.worksheets.map((sheet) => ({ title: sheet.name, rows: sheetRows(sheet) }));
}

function sheetRows(sheet: ExcelJS.Worksheet): Cell[][] {
  const rows: Cell[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: Cell[] = [];
    for (let column = 1; column <= sheet.columnCount; column++) cells.push(cellValue(row.getCell(column).value));
    rows.push(cells);
  });
  return rows;
}

function cellValue(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return cellValue(value.result as ExcelJS.CellValue);
    return '';
  }
  return String(value);
}

/**
 * CSV rows through exceljs (fast-csv): the encoding told by whether the bytes are valid UTF-8 (else
 * Windows-1252, as Excel saves in Mexico), the separator by the header line; every cell kept as
 * written (no date guessing: "05/03/2024" is 5 March here, not May).
 */
async function csvRows(bytes: Uint8Array, name: string): Promise<Cell[][]> {
  const text = decodeText(bytes);
  const firstLine = text.split(/\r?\n/, 1)[0];
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const workbook = new ExcelJS.Workbook();
  try {
    const sheet = await workbook.csv.read(Readable.from([text]), {
      map: (value: unknown) => value,
      parserOptions: { delimiter },
    });
    return sheetRows(sheet);
  } catch (error) {
    throw new FileRefused(name, `la tabla CSV no se pudo leer (${(error as Error).message})`);
  }
}
