import { type FileKind, FileRefused } from './file-text';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const startsWith = (bytes: Uint8Array, prefix: readonly number[]) => prefix.every((b, i) => bytes[i] === b);
const latin = (bytes: Uint8Array, from: number, to: number) => Buffer.from(bytes.subarray(from, to)).toString('latin1');

/**
 * Tells a file's kind from its first bytes, using the name only to tell CSV from plain text. A ZIP
 * is a DOCX or an XLSX by the parts it names; a message by its RFC 5322 headers. Anything else
 * binary is refused, saying which kinds are read.
 */
export function detectKind(bytes: Uint8Array, name: string): FileKind {
  if (latin(bytes, 0, 1024).includes('%PDF-')) return 'pdf';
  if (startsWith(bytes, ZIP)) {
    const names = latin(bytes, 0, Math.min(bytes.length, 1 << 20));
    if (names.includes('word/')) return 'docx';
    if (names.includes('xl/')) return 'xlsx';
    throw new FileRefused(
      name,
      'es un archivo ZIP que no es un documento de Word (DOCX) ni una hoja de cálculo (XLSX)',
    );
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    throw new FileRefused(
      name,
      'es un documento de Office antiguo (.doc o .xls); guárdelo como DOCX o XLSX y vuelva a enviarlo',
    );
  }
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('utf8');
  if (controlShare(head) > 0.01) {
    throw new FileRefused(name, 'no es un archivo que se pueda leer: se aceptan PDF, DOCX, XLSX, CSV, .eml y texto');
  }
  if (/\.csv$/i.test(name)) return 'csv';
  if (isMessage(head) || /\.eml$/i.test(name)) return 'eml';
  return 'text';
}

/** A message starts with header lines, among them From and one of Subject/Date/MIME-Version. */
function isMessage(head: string): boolean {
  const headers = head.split(/\r?\n\r?\n/, 1)[0].split(/\r?\n/);
  const names = new Set(headers.map((line) => /^([A-Za-z-]+):/.exec(line)?.[1].toLowerCase()).filter(Boolean));
  return names.has('from') && (names.has('subject') || names.has('date') || names.has('mime-version'));
}

/** The share of control characters other than tab, line feed, form feed and carriage return. */
function controlShare(text: string): number {
  // eslint-disable-next-line no-control-regex -- control characters are what tell a binary from text
  const controls = text.match(/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/g)?.length ?? 0;
  return text.length === 0 ? 0 : controls / text.length;
}
