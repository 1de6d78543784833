import { detectKind } from './detect-kind';
import { readDocx } from './docx/read-docx';
import { type FileText, FileRefused } from './file-text';
import { readEml } from './mail/read-eml';
import { readPdf } from './pdf/read-pdf';
import { readRegister } from './register/read-register';
import { decodeText } from './text-encoding';

/** Files larger than this are refused before any reading: 25 MiB (a 200-page scanned PDF is ~20 MiB). */
export const MAX_FILE_BYTES = 25 * 1024 * 1024;

/**
 * The text of a file an operator received — PDF (text layer, or OCR for a scan), DOCX, XLSX/CSV
 * control register, .eml message with its attachments, or plain text (UTF-8 or Windows-1252) —
 * ready for the correspondence parser. A file that cannot be read raises `FileRefused` with the
 * reason in Spanish.
 */
export async function readFile(bytes: Uint8Array, name: string, maxBytes = MAX_FILE_BYTES): Promise<FileText> {
  if (bytes.length === 0) throw new FileRefused(name, 'el archivo está vacío');
  if (bytes.length > maxBytes) {
    throw new FileRefused(name, `pesa ${megabytes(bytes.length)} MiB; el máximo es ${megabytes(maxBytes)} MiB`);
  }
  const kind = detectKind(bytes, name);
  switch (kind) {
    case 'pdf':
      return readPdf(bytes, name);
    case 'docx':
      return readDocx(bytes, name);
    case 'xlsx':
    case 'csv':
      return readRegister(bytes, name, kind);
    case 'eml':
      return readEml(bytes, name, (attachment, fileName) => readFile(attachment, fileName, maxBytes));
    case 'text':
      return { name, kind, text: decodeText(bytes), notes: [] };
  }
}

const megabytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
