import { join } from 'node:path';
import { repoRoot } from '@seguimiento/runtime';
import { type FileText, FileRefused } from '../file-text';
import { runChild } from '../run-child';
import { type PdfPage, layoutPages } from './layout-lines';
import { ocrPdf } from './ocr-pdf';

/** Fewer characters than this per page on average, and the PDF is taken for a scan (images only). */
const SCAN_CHARS_PER_PAGE = 25;
const PARSE_TIMEOUT_MS = 60_000;
const PARSE_MEMORY_MB = 512;

/**
 * Reads a PDF: its text layer, with lines and table columns rebuilt from the glyph positions; a PDF
 * without a text layer (a scan) is read by OCR when Tesseract is installed, and refused otherwise.
 */
export async function readPdf(bytes: Uint8Array, name: string): Promise<FileText> {
  const pages = await glyphPages(bytes, name);
  const chars = pages.reduce((n, page) => n + page.runs.reduce((m, run) => m + run.text.trim().length, 0), 0);
  if (chars < SCAN_CHARS_PER_PAGE * Math.max(1, pages.length)) {
    const text = await ocrPdf(bytes, name, pages.length);
    return {
      name,
      kind: 'pdf',
      text,
      pages: pages.length,
      ocr: true,
      notes: [`el PDF no tiene capa de texto: se leyó con OCR (Tesseract, español); revise el resultado`],
    };
  }
  const { text, notes } = layoutPages(pages);
  return { name, kind: 'pdf', text, pages: pages.length, notes };
}

async function glyphPages(bytes: Uint8Array, name: string): Promise<PdfPage[]> {
  const script = join(repoRoot(__dirname), 'libs/files/src/pdf/glyph-dump.mjs');
  const result = await runChild(
    process.execPath,
    [`--max-old-space-size=${PARSE_MEMORY_MB}`, script],
    bytes,
    PARSE_TIMEOUT_MS,
  );
  if (result.timedOut) throw new FileRefused(name, `el PDF tardó más de ${PARSE_TIMEOUT_MS / 1000} s en leerse`);
  let answer: { pages?: PdfPage[]; error?: string };
  try {
    answer = JSON.parse(result.stdout.toString('utf8')) as typeof answer;
  } catch {
    throw new FileRefused(name, `no se pudo leer el PDF (${result.stderr.trim().split('\n').at(-1) ?? 'sin detalle'})`);
  }
  if (answer.error || !answer.pages) {
    const reason = /password/i.test(answer.error ?? '')
      ? 'está protegido con contraseña'
      : 'está dañado o no es un PDF';
    throw new FileRefused(name, `el PDF ${reason} (detalle técnico del lector: ${answer.error ?? 'sin páginas'})`);
  }
  return answer.pages;
}
