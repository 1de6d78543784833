import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { type FileText, FileRefused, readFile } from '@seguimiento/files';
import { UsageError } from './usage';

/** FILE's bytes and the name they are kept under ("-": standard input, kept as entrada.txt). */
export function readBytes(file: string): { bytes: Buffer; name: string } {
  try {
    return { bytes: readFileSync(file === '-' ? 0 : file), name: file === '-' ? 'entrada.txt' : basename(file) };
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
}

/**
 * FILE ("-": standard input) read as correspondence text: a PDF (OCR for a scan), DOCX, XLSX/CSV
 * register, .eml message or plain text; a UsageError says why it cannot be read.
 */
export async function readInput(file: string, given?: { bytes: Buffer }): Promise<FileText> {
  const bytes = given?.bytes ?? readBytes(file).bytes;
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
