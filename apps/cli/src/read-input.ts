import { readFileSync } from 'node:fs';
import { UsageError } from './usage';

/** The text of FILE ("-": standard input), or a UsageError that says why it cannot be read. */
export function readInput(file: string): string {
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
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') {
    throw new UsageError(
      `${file} es un PDF: extraiga primero su texto (p. ej. pdftotext -layout ${file} -) y páselo a ingest`,
    );
  }
  const text = bytes.toString('utf8');
  const replaced = (text.match(/\uFFFD/g) ?? []).length;
  if (bytes.includes(0) || replaced > text.length / 20) {
    throw new UsageError(`${file} no parece texto (UTF-8): ¿es un archivo binario?`);
  }
  if (text.trim() === '') throw new UsageError(`${file} está vacío`);
  return text;
}
