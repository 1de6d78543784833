import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileRefused } from '../file-text';
import { runChild } from '../run-child';
import { repairOcrText } from './ocr-repair';

const RENDER_DPI = 300;
const PAGE_TIMEOUT_MS = 120_000;
const INSTALL_HINT =
  'instale Tesseract con el idioma español (Debian: apt-get install tesseract-ocr tesseract-ocr-spa) y pdftoppm (poppler-utils)';

/** Whether Tesseract with its Spanish data is installed (`tesseract --list-langs` names spa). */
export async function ocrAvailable(): Promise<boolean> {
  try {
    const result = await runChild('tesseract', ['--list-langs'], null, 10_000);
    return result.code === 0 && /^spa$/m.test(result.stdout.toString('utf8') + result.stderr);
  } catch {
    return false;
  }
}

/**
 * Reads a scanned PDF: each page rendered to an image (poppler's pdftoppm, 300 dpi, greyscale)
 * and read by Tesseract in Spanish. Refused, saying what to install, when either is missing.
 */
export async function ocrPdf(bytes: Uint8Array, name: string, pageCount: number): Promise<string> {
  if (!(await ocrAvailable())) {
    throw new FileRefused(
      name,
      `el PDF no tiene capa de texto (es un escaneo) y no hay OCR en este equipo: ${INSTALL_HINT}`,
    );
  }
  const dir = await mkdtemp(join(tmpdir(), 'seguimiento-ocr-'));
  try {
    const pdf = join(dir, 'input.pdf');
    await writeFile(pdf, bytes);
    const render = await runChild(
      'pdftoppm',
      ['-r', String(RENDER_DPI), '-gray', '-png', pdf, join(dir, 'page')],
      null,
      PAGE_TIMEOUT_MS * Math.max(1, pageCount),
    ).catch(() => null);
    if (!render || render.code !== 0)
      throw new FileRefused(name, `no se pudieron convertir las páginas en imágenes: ${INSTALL_HINT}`);
    const images = (await readdir(dir)).filter((f) => f.startsWith('page') && f.endsWith('.png')).sort(byPageNumber);
    const texts: string[] = [];
    for (const image of images) {
      const read = await runChild('tesseract', [join(dir, image), 'stdout', '-l', 'spa'], null, PAGE_TIMEOUT_MS);
      if (read.code !== 0)
        throw new FileRefused(name, `el OCR falló en ${image}: ${read.stderr.trim().split('\n').at(-1)}`);
      texts.push(read.stdout.toString('utf8').trim());
    }
    return repairOcrText(texts.join('\n\n'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const pageNumber = (file: string) => Number(/(\d+)\.png$/.exec(file)?.[1] ?? 0);
const byPageNumber = (a: string, b: string) => pageNumber(a) - pageNumber(b);
