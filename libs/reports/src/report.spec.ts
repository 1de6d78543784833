import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CorrespondenceReport } from './report.model';
import { renderMarkdown } from './render-markdown';
import { renderPdf } from './render-pdf';
import { renderText } from './render-text';

const report: CorrespondenceReport = {
  ople: { id: 'GRO', acronym: 'IEPC Guerrero', state: 'Guerrero' },
  from: '2024-02-18',
  to: '2024-03-21',
  generatedAt: '2024-03-22T17:00:00.000Z',
  received: [
    {
      number: 'INE/UTSI/0923/2024',
      date: '2024-02-19',
      line: '1. 19 de febrero de 2024, oficio INE/UTSI/0923/2024: remite la actualización del manual.',
    },
    {
      number: 'INE/UTSI/1121/2024',
      date: '2024-02-22',
      line: '2. 22 de febrero de 2024, oficio INE/UTSI/1121/2024: se tienen por atendidas de manera parcial las observaciones.',
    },
  ],
  sent: [],
  documents: [
    {
      id: 'document:GRO:e11-proyecto',
      deliverable: 11,
      versionKind: 'PROYECTO',
      title: 'Prototipo navegable',
      status: 'con observaciones',
      ballInCourt: 'OPLE',
      openObservations: 2,
      dueDate: '2024-02-29',
      overdue: true,
    },
  ],
  overdue: [
    {
      id: 'document:GRO:e11-proyecto',
      what: 'Entregable 11 (proyecto): atender observaciones',
      dueDate: '2024-02-29',
      party: 'OPLE',
    },
  ],
  dueNext: [
    { id: 'document:GRO:e16-final', what: 'Entregable 16 (versión final)', dueDate: '2024-04-07', party: 'OPLE' },
  ],
};

/** A binary PGM (what pdftoppm -gray writes): "P5 <width> <height> <max>" then one byte per pixel. */
function pgm(bytes: Buffer): { width: number; height: number; pixels: Buffer } {
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(bytes.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('not a binary PGM');
  const width = Number(header[1]);
  const height = Number(header[2]);
  return { width, height, pixels: bytes.subarray(header[0].length) };
}

describe('the commission’s report', () => {
  it('in Markdown: heading, period, the numbered list, then the state, the overdue and what falls due', () => {
    const md = renderMarkdown(report);
    expect(md).toMatch(
      /^# Informe de la correspondencia del PREP — IEPC Guerrero\n\n\*\*Periodo del 18 de febrero de 2024 al 21 de marzo de 2024\*\*/,
    );
    expect(md).toContain('\n1. 19 de febrero de 2024, oficio INE/UTSI/0923/2024: remite');
    expect(md).toContain('\n2. 22 de febrero de 2024, oficio INE/UTSI/1121/2024:');
    expect(md).toContain(
      '- Entregable 11 (proyecto), Prototipo navegable: con observaciones; la pelota la tiene el OPLE (debe atender), 2 observaciones abiertas, plazo 29 de febrero de 2024 (VENCIDO).',
    );
    expect(md).toContain(
      '## Vencido al 21 de marzo de 2024\n\n- Entregable 11 (proyecto): atender observaciones — vencía el 29 de febrero de 2024 (OPLE)',
    );
    expect(md).toContain('- 7 de abril de 2024: Entregable 16 (versión final) (OPLE)');
  });

  it('in plain text, wrapped at 92 columns, with the same content', () => {
    const text = renderText(report);
    expect(text.split('\n').every((l) => l.length <= 92)).toBe(true);
    expect(text).toContain('VENCIDO AL 21 DE MARZO DE 2024');
    expect(text.replace(/\s+/g, ' ')).toContain(
      '2. 22 de febrero de 2024, oficio INE/UTSI/1121/2024: se tienen por atendidas de manera parcial las observaciones.',
    );
  });

  it('as a PDF whose pages, turned into images by pdftoppm, are not blank', async () => {
    const long = {
      ...report,
      received: Array.from({ length: 40 }, (_, i) => ({
        ...report.received[1],
        line: `${i + 1}. ${report.received[1].line.slice(3)} ${'Texto de relleno. '.repeat(8)}`,
      })),
    };
    const pdf = await renderPdf(long);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const dir = mkdtempSync(join(tmpdir(), 'seguimiento-pdf-'));
    try {
      writeFileSync(join(dir, 'report.pdf'), pdf);
      execFileSync('pdftoppm', ['-r', '50', '-gray', join(dir, 'report.pdf'), join(dir, 'page')]);
      const pages = readdirSync(dir)
        .filter((f) => f.startsWith('page'))
        .sort();
      expect(pages.length).toBeGreaterThan(1);
      for (const page of pages) {
        const { width, height, pixels } = pgm(readFileSync(join(dir, page)));
        expect(pixels.length).toBe(width * height);
        // Text leaves dark pixels: a page of text thousands at 50 dpi, a blank page (page number only) a few dozen.
        expect(pixels.filter((b) => b < 128).length).toBeGreaterThan(1000);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
