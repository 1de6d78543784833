import { formatBytes } from './review-mail';

/**
 * The recording page's file upload, its pure part: which files may be sent (checked in the browser
 * before sending, with the API's own limits), which rows to skip, and how the reader's report is said.
 */

/** The largest file the API reads: libs/files' MAX_FILE_BYTES (25 MiB), checked before sending. */
export const MAX_UPLOAD_BYTES = 25 * 1024 * 1024;

/** The kinds of file the API reads, by extension (the API tells them by their content). */
export const UPLOAD_KINDS: ReadonlyArray<{ extension: string; label: string; mediaType: string }> = [
  { extension: 'pdf', label: 'PDF', mediaType: 'application/pdf' },
  {
    extension: 'docx',
    label: 'DOCX',
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  },
  { extension: 'xlsx', label: 'XLSX', mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  { extension: 'csv', label: 'CSV', mediaType: 'text/csv' },
  { extension: 'eml', label: 'EML', mediaType: 'message/rfc822' },
  { extension: 'txt', label: 'TXT', mediaType: 'text/plain' },
];

/** The file picker's `accept`: every extension and media type above. */
export const UPLOAD_ACCEPT = UPLOAD_KINDS.flatMap((k) => [`.${k.extension}`, k.mediaType]).join(',');

const KINDS_SAID = 'PDF, DOCX, XLSX, CSV, EML o TXT';

/** Old Office formats the API refuses, and what to do instead. */
const OLD_FORMATS: Record<string, string> = {
  doc: 'un documento de Word antiguo (.doc): ábralo en Word y guárdelo como .docx',
  xls: 'una hoja de Excel antigua (.xls): ábrala en Excel y guárdela como .xlsx',
};

/** What is wrong with a file before it is sent, in Spanish, or null when it may be sent. */
export function fileProblem(file: { name: string; size: number }): string | null {
  const extension = /\.([^.]+)$/.exec(file.name)?.[1]?.toLowerCase() ?? '';
  if (OLD_FORMATS[extension]) return `«${file.name}» es ${OLD_FORMATS[extension]}.`;
  if (!UPLOAD_KINDS.some((k) => k.extension === extension))
    return `«${file.name}» no es de un tipo que se pueda leer: se aceptan ${KINDS_SAID}.`;
  if (file.size === 0) return `«${file.name}» está vacío.`;
  if (file.size > MAX_UPLOAD_BYTES)
    return `«${file.name}» pesa ${mebibytes(file.size)} MiB; el máximo es 25 MiB. Envíe solo las páginas de la correspondencia, o divida el archivo.`;
  return null;
}

/**
 * The API's refusal of a file as the page says it: its reason without the field's name («contentBase64: »)
 * and, when the reader refused it, without the file's name (the page says it once).
 */
export function refusalSaid(message: string, fileName: string): string {
  const reason = message.replace(/^(contentBase64|fileName|skip|ople|input\.\w+): /, '');
  const own = reason.startsWith(`${fileName}: `) ? reason.slice(fileName.length + 2) : reason;
  return `No se pudo leer «${fileName}»: ${own}`;
}

/**
 * The positions (in the reading's order) to send as `skip`: the rows the user left out. A row
 * flagged for review is not skipped: the API never records it, it queues it for a person.
 */
export function skipOf(rows: ReadonlyArray<{ needsReview: boolean }>, kept: ReadonlySet<number>): number[] {
  return rows.flatMap((row, i) => (kept.has(i) || row.needsReview ? [] : [i]));
}

export const FILE_KIND: Record<string, string> = {
  pdf: 'PDF',
  docx: 'Documento de Word (DOCX)',
  xlsx: 'Hoja de cálculo (XLSX)',
  csv: 'Tabla CSV',
  eml: 'Mensaje de correo (EML)',
  text: 'Texto',
};

/** libs/files' REGISTER_FIELD_LABELS: the fields a register's columns feed. */
export const REGISTER_FIELD: Record<string, string> = {
  date: 'fecha',
  number: 'número de oficio',
  subject: 'asunto',
  sender: 'remitente',
  recipient: 'destinatario',
  deadline: 'fecha límite',
  deliverable: 'entregable',
  cites: 'oficio al que responde',
};

/** «PDF, 3 páginas, 48 KB, leído con OCR»: what the reader reported of the file. */
export function fileFacts(file: { kind: string; pages?: number | null; size: number; ocr: boolean }): string {
  return [
    FILE_KIND[file.kind] ?? file.kind,
    file.pages ? `${file.pages} ${file.pages === 1 ? 'página' : 'páginas'}` : null,
    formatBytes(file.size),
    file.ocr ? 'leído con OCR (de imágenes: revise cada dato)' : null,
  ]
    .filter(Boolean)
    .join(', ');
}

/** Rounded up to a tenth: a file just over the limit never reads as the limit itself. */
const mebibytes = (bytes: number) => (Math.ceil((bytes / 1024 / 1024) * 10) / 10).toLocaleString('es-MX');

/** The file's bytes in base64 (the API takes the file inside the JSON of the mutation). */
export function base64Of(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('no se pudo leer el archivo'));
    reader.readAsDataURL(file);
  });
}
