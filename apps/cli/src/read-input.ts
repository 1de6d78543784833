import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { type FileText, FileRefused, readFile } from '@seguimiento/files';
import { UsageError } from './usage';

/**
 * FILE ("-": standard input) read as correspondence text: a PDF (OCR for a scan), DOCX, XLSX/CSV
 * register, .eml message or plain text; a UsageError says why it cannot be read.
 */
export async function readInput(file: string): Promise<FileText> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file === '-' ? 0 : file);
  } catch (error) {
    const code = (error as { code?: string }).code;
    const why =
      code === 'ENOENT'
        ? 'no existe'
        : code === 'EISDIR'
          ? 'es una carpeta'
          : code === 'EACCES'
            ? 'no hay permiso de lectura'
            : (error as Error).message;
    throw new UsageError(`no se puede leer ${file}: ${why}`);
  }
  let read: FileText;
  try {
    read = await readFile(bytes, file === '-' ? 'entrada estándar' : basename(file));
  } catch (error) {
    if (error instanceof FileRefused) throw new UsageError(error.message);
    throw error;
  }
  if (read.text.trim() === '') throw new UsageError(`${file} no contiene texto`);
  return read;
}
