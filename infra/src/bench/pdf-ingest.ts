import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { readFile } from '@seguimiento/files';
import { parseCorrespondence } from '@seguimiento/intake';
import { repoRoot } from '@seguimiento/runtime';
import PDFDocument from 'pdfkit';
import { type Figure, ratio } from './context';
import { describeDifferences, payloadDifferences } from './payload-diff';
import { summarize } from './stats';

export const PDF_PAGES = 20;

/** The labelled corpus's prose (reports and letters: test/corpus/*-informe-*, *-carta-*), in name order. */
export function corpusProse(): string[] {
  const dir = join(repoRoot(), 'test', 'corpus');
  return readdirSync(dir)
    .filter((f) => /-(informe|carta)-.*\.txt$/.test(f))
    .sort()
    .map((f) => readFileSync(join(dir, f), 'utf8'));
}

/**
 * A correspondence PDF of exactly `pages` letter pages, as a report printed to PDF (DejaVu Sans, as
 * test/support/correspondence-files.ts makes them, at 9.5 pt so that the texts' own lines fit):
 * the corpus's texts one after another, line for line, again from the first when they run out,
 * until the last page has begun.
 */
export async function correspondencePdf(texts: readonly string[], pages = PDF_PAGES): Promise<Buffer> {
  const paragraphs = texts.flatMap((t) => t.split(/\n{2,}/).map((p) => p.trim())).filter(Boolean);
  if (paragraphs.length === 0) throw new Error('correspondencePdf: no text to lay out');
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'LETTER', margin: 56, bufferPages: true });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.registerFont('body', require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')).font('body');
    for (let i = 0; doc.bufferedPageRange().count < pages; i++) doc.fontSize(9.5).text(paragraphs[i % paragraphs.length]).moveDown(0.6);
    doc.end();
  });
}

/** A text's words, for comparing two extractions that break lines differently (and join table cells with " | "). */
export const wordsOf = (text: string): string[] => text.split(/\s+/).filter((w) => w !== '' && w !== '|');

/**
 * Time to ingest a 20-page correspondence PDF: libs/files reads it (its text layer, lines and
 * columns rebuilt from the glyphs' positions, in a child process) and the correspondence parser
 * reads the oficios in it. Baseline: `pdftotext` (poppler) on the same file, the same text
 * extraction without the layout rebuilding (and without parsing). Each side runs `runs` times; the
 * medians are compared. Once per run, both extractions' words are diffed: a difference fails the
 * figure.
 */
export async function pdfIngest(log: (line: string) => void, runs: number): Promise<Figure> {
  const bytes = await correspondencePdf(corpusProse());
  const dir = mkdtempSync(join(tmpdir(), 'seguimiento-bench-pdf-'));
  const file = join(dir, 'correspondencia.pdf');
  writeFileSync(file, bytes);
  try {
    const ours: number[] = [];
    let text = '';
    let pages = 0;
    let oficios = 0;
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      const read = await readFile(bytes, 'correspondencia.pdf');
      oficios = parseCorrespondence(read.text).oficios.length;
      ours.push(performance.now() - t);
      [text, pages] = [read.text, read.pages ?? 0];
    }
    log(`  libs/files + parser: ${pages} pages, ${oficios} oficios`);
    const raw: number[] = [];
    let plain: string | null = null;
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      try {
        plain = (await promisify(execFile)('pdftotext', ['-enc', 'UTF-8', file, '-'], { maxBuffer: 64 * 1024 * 1024 })).stdout;
      } catch (error) {
        log(`  pdftotext did not run (${(error as Error).message.split('\n')[0]}): no baseline (apt-get install poppler-utils)`);
        break;
      }
      raw.push(performance.now() - t);
    }
    const failures: string[] = [];
    if (pages !== PDF_PAGES) failures.push(`the PDF read has ${pages} pages, not ${PDF_PAGES}`);
    if (plain !== null) {
      const differences = payloadDifferences(wordsOf(text), wordsOf(plain), 5);
      if (differences.length > 0) failures.push(`libs/files and pdftotext extract different words: ${describeDifferences(differences).join('; ')}`);
    }
    for (const f of failures) log(`  ! ${f}`);
    const o = summarize(ours);
    const b = raw.length > 0 ? summarize(raw) : null;
    return {
      name: 'ingest.pdf20',
      unit: 'ms',
      value: o.p50,
      baseline: b?.p50 ?? null,
      ratio: ratio(o.p50, b?.p50 ?? null),
      dataset: `a ${PDF_PAGES}-page correspondence PDF (${Math.round(bytes.length / 1024)} KiB, ${wordsOf(text).length} words, ${oficios} oficios), median of ${runs}`,
      details: { ours: o, pdftotext: b, pages, oficios, bytes: bytes.length },
      failures,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
