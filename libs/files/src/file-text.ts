/** The kinds of file an operator can hand in, as told by their content (not only their name). */
export type FileKind = 'pdf' | 'docx' | 'xlsx' | 'csv' | 'eml' | 'text';

export const FILE_KIND_LABELS: Record<FileKind, string> = {
  pdf: 'PDF',
  docx: 'documento de Word (DOCX)',
  xlsx: 'hoja de cálculo (XLSX)',
  csv: 'tabla CSV',
  eml: 'mensaje de correo (.eml)',
  text: 'texto',
};

/** How the columns of a control register were read: which header fed which field. */
export interface ColumnMapping {
  /** Field → the header it was read from, as written in the file. */
  mapped: Record<string, string>;
  /** Headers no field was read from (their cells are appended to the entry's text). */
  unmapped: string[];
}

/** What a file says, as text the correspondence parser reads, and how it was obtained. */
export interface FileText {
  name: string;
  kind: FileKind;
  text: string;
  /** What the reader did that a person checking the result should know (headers dropped, OCR, …). */
  notes: string[];
  /** Pages of a PDF. */
  pages?: number;
  /** True when the text was read from images by OCR (a scan): less certain than a text layer. */
  ocr?: boolean;
  /** For a register (XLSX/CSV): how its columns were mapped. */
  columns?: ColumnMapping;
  /** For a message: the files attached to it, each read in turn. */
  attachments?: FileText[];
}

/** A file that cannot be read, with the reason in Spanish; nothing was recorded from it. */
export class FileRefused extends Error {
  readonly field = 'file';
  constructor(
    readonly fileName: string,
    reason: string,
  ) {
    super(`${fileName}: ${reason}`);
    this.name = 'FileRefused';
  }
}
