import { createHash } from 'node:crypto';
import { DateTime } from 'luxon';
import { MEXICO_CITY } from '@seguimiento/domain';
import { type FileKind, FileRefused, type FileText, MAX_FILE_BYTES } from '@seguimiento/files';
import { InvalidInput } from '../errors';
import type { Ingest, IngestReport } from './ingest';
import type { FileReader, SourceFile, SourceFileLink, SourceFileStore } from './source-files';

/** What a file's media type is, told by the kind its content was read as. */
export const MEDIA_TYPES: Record<FileKind, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
  eml: 'message/rfc822',
  text: 'text/plain',
};

/** How a register's columns were read: each field and the header it came from. */
export interface RegisterColumns {
  /** The file (or attachment) the register was read from. */
  file: string;
  mapped: Array<{ field: string; header: string }>;
  unmapped: string[];
}

/** The original, as kept, and how it was read. */
export interface IngestedFile extends SourceFile {
  kind: FileKind;
  /** The same bytes had been received before (`firstSeenAt`, `firstSeenBy`): nothing was kept twice. */
  alreadyReceived: boolean;
  pages: number | null;
  ocr: boolean;
  notes: string[];
  registers: RegisterColumns[];
}

export interface FileIngestReport extends IngestReport {
  file: IngestedFile;
}

export interface FileToIngest {
  ople: string;
  fileName: string;
  bytes: Uint8Array;
  dryRun: boolean;
  /** Positions in the reading's `oficios` (as a dry run lists them) not to record; the file is kept all the same. */
  skip?: readonly number[];
}

/** The longest file name kept. */
const MAX_NAME = 255;

/**
 * A file people received, in: read (libs/files), its text ingested like pasted correspondence,
 * and the original kept, content-addressed, linked to the oficios it yielded. The same bytes twice
 * are the same file: recognised, kept once, and their oficios (already recorded) not recorded again.
 * A dry run reads and reports but keeps nothing.
 */
export class FileIngest {
  constructor(
    private readonly intake: Ingest,
    private readonly files: SourceFileStore,
    private readonly read: FileReader,
  ) {}

  async ingestFile(input: FileToIngest, actor: string): Promise<FileIngestReport> {
    const name = checkedName(input.fileName);
    const bytes = input.bytes;
    if (bytes.length === 0) throw new InvalidInput('contentBase64', 'el archivo está vacío');
    if (bytes.length > MAX_FILE_BYTES)
      throw new InvalidInput(
        'contentBase64',
        `el archivo pesa ${bytes.length} bytes; el máximo es ${mebibytes(MAX_FILE_BYTES)} MiB (${MAX_FILE_BYTES} bytes)`,
      );
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const text = await this.readText(bytes, name);
    const before = await this.files.find(sha256);
    const report = await this.intake.ingest(text.text, input.ople, input.dryRun, actor, { skip: input.skip });

    const candidate = {
      sha256,
      name,
      mediaType: MEDIA_TYPES[text.kind],
      size: bytes.length,
      firstSeenBy: actor,
      ople: input.ople,
    };
    let file: SourceFile;
    let alreadyReceived: boolean;
    if (input.dryRun) {
      file = before ?? { ...candidate, firstSeenAt: new Date().toISOString() };
      alreadyReceived = before !== null;
    } else {
      const kept = await this.files.keep({ ...candidate, bytes }, linksOf(report, input.ople));
      file = kept.file;
      alreadyReceived = !kept.kept;
    }
    const warnings = alreadyReceived ? [alreadyReceivedWarning(file), ...report.warnings] : report.warnings;
    return {
      ...report,
      warnings,
      file: {
        ...file,
        kind: text.kind,
        alreadyReceived,
        pages: text.pages ?? null,
        ocr: text.ocr ?? false,
        notes: text.notes,
        registers: registersOf(text),
      },
    };
  }

  private async readText(bytes: Uint8Array, name: string): Promise<FileText> {
    let text: FileText;
    try {
      text = await this.read(bytes, name);
    } catch (error) {
      if (error instanceof FileRefused) throw new InvalidInput('contentBase64', error.message);
      throw error;
    }
    if (text.text.trim() === '') throw new InvalidInput('contentBase64', `${name} no contiene texto`);
    return text;
  }
}

/** The name as kept: its last path segment, without control characters, 1 to 255 characters. */
export function checkedName(fileName: string): string {
  // eslint-disable-next-line no-control-regex -- a name with control characters would break the download's header
  if (/[\u0000-\u001f\u007f]/.test(fileName))
    throw new InvalidInput('fileName', 'no puede contener caracteres de control');
  const name = fileName.split(/[\\/]/).pop()?.trim() ?? '';
  if (name === '' || name === '.' || name === '..')
    throw new InvalidInput('fileName', 'falta el nombre del archivo (p. ej. informe-marzo.pdf)');
  if (name.length > MAX_NAME) throw new InvalidInput('fileName', `no puede exceder ${MAX_NAME} caracteres`);
  return name;
}

/** Every oficio the file yielded that is recorded (now or before), with each case it touched. */
export function linksOf(report: IngestReport, ople: string): SourceFileLink[] {
  const links = new Map<string, SourceFileLink>();
  for (const o of report.oficios) {
    if (!o.number || (o.result !== 'CREATED' && o.result !== 'ALREADY_RECORDED')) continue;
    for (const caseId of o.targets) links.set(`${o.number}\n${caseId}`, { ople, oficioNumber: o.number, caseId });
  }
  return [...links.values()];
}

/** "Archivo ya recibido el 2 de diciembre de 2026, 12:30 (tiempo del centro), por …". */
export function alreadyReceivedWarning(file: SourceFile): string {
  const at = DateTime.fromISO(file.firstSeenAt, { zone: MEXICO_CITY })
    .setLocale('es-MX')
    .toFormat("d 'de' MMMM 'de' yyyy, HH:mm");
  return `${file.name}: archivo ya recibido el ${at} (tiempo del centro) por ${file.firstSeenBy}; no se guarda dos veces y sus oficios ya registrados no se registran de nuevo`;
}

function registersOf(text: FileText): RegisterColumns[] {
  const own: RegisterColumns[] = text.columns
    ? [
        {
          file: text.name,
          mapped: Object.entries(text.columns.mapped).map(([field, header]) => ({ field, header })),
          unmapped: text.columns.unmapped,
        },
      ]
    : [];
  return [...own, ...(text.attachments ?? []).flatMap(registersOf)];
}

const mebibytes = (bytes: number) => Math.round(bytes / 1024 / 1024);
