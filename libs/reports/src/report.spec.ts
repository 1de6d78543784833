import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCorrespondence, toIntakeJson } from '@seguimiento/intake';
import { renderMarkdown } from './render-markdown';
import { renderPdf } from './render-pdf';
import { renderText } from './render-text';
import { Commissions } from './commission';
import { COMMISSIONS_PATH, SEED_TEXT_PATH, seedReport as seedReportOf } from './testing/seed-report';

const SEED_TEXT = readFileSync(join(__dirname, 'testing', SEED_TEXT_PATH), 'utf8');
const COMMISSIONS = Commissions.from(JSON.parse(readFileSync(join(__dirname, 'testing', COMMISSIONS_PATH), 'utf8')));
const seedReport = (overrides = {}) => seedReportOf(SEED_TEXT, COMMISSIONS, overrides);

/** What an ingest of the report must give back: each oficio as the parser reads it (kind, outcome, citations, entregable and its version, deadlines, items, meeting), not how sure it is nor the items' wording. */
const essence = (text: string) =>
  parseCorrespondence(text).oficios.map((o) => {
    const { confidence: _c, needsReview: _n, items, ...read } = toIntakeJson(o);
    return { ...read, version: o.deliverableVersion, items: items.map(({ title: _t, ...item }) => item) };
  });

/** A binary PGM (what pdftoppm -gray writes): "P5 <width> <height> <max>" then one byte per pixel. */
function pgm(bytes: Buffer): { width: number; height: number; pixels: Buffer } {
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(bytes.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('not a binary PGM');
  const width = Number(header[1]);
  const height = Number(header[2]);
  return { width, height, pixels: bytes.subarray(header[0].length) };
}

describe('the commission’s report, in the institutional form of the seed', () => {
  const report = seedReport();

  it('in Markdown: the commission, its number, the legal basis and period, the oficios, the closing, place and date, the signatory', () => {
    const md = renderMarkdown(report);
    expect(md).toMatch(
      /^\*\*Comisión Especial de Seguimiento, Implementación y Operación del Programa de Resultados Electorales Preliminares\*\*\n\n# INFORME 009\/CESIOPREP\/SO\/22-03-2024\n\n\*\*QUE RINDE LA SECRETARÍA TÉCNICA RELATIVO A LA CORRESPONDENCIA RECIBIDA, EN CUMPLIMIENTO AL ARTÍCULO 40, FRACCIÓN IX DEL REGLAMENTO DE COMISIONES DEL CONSEJO GENERAL DEL IEPC GUERRERO, CORRESPONDIENTE AL PERIODO DEL 18 DE FEBRERO AL 21 DE MARZO DE 2024\.\*\*\n\nSe informa a las y los integrantes de la Comisión Especial sobre la correspondencia recibida, vía correo electrónico, en la Dirección General de Informática y Sistemas/,
    );
    expect(md).toContain(
      '\n1. 19 de febrero de 2024, oficio INE/UTSI/0923/2024, mediante el cual remite la actualización',
    );
    // A reminder's entregables: a list of their own under their entry, in sentence case.
    expect(md).toContain(
      '\n17. 20 de marzo de 2024, oficio INE/UTSI/1654/2024, mediante el cual se hace un atento recordatorio de los entregables siguientes:\n    - Informe del mes de marzo sobre el avance en la implementación y operación del PREP (con plazo máximo de remisión al 5 de abril de 2024);\n    - Versión final del plan de seguridad y plan de continuidad (con plazo máximo de remisión al 7 de abril de 2024);',
    );
    expect(md).toContain(
      '\nLo que se informa a las y los integrantes de la Comisión Especial para los efectos legales a que haya lugar.\n\nChilpancingo, Guerrero, 22 de marzo de 2024.\n\n**C. ALINA JIMÉNEZ APARICIO**\\\nSECRETARIA TÉCNICA DE LA COMISIÓN ESPECIAL DE SEGUIMIENTO, IMPLEMENTACIÓN Y OPERACIÓN DEL PREP\\\nY SECRETARIA TÉCNICA DEL COTAPREP\n',
    );
    expect(md).toContain('\n## Anexo. Estado del seguimiento al 21 de marzo de 2024\n');
    expect(md).toContain(
      '- Entregable 11, proyecto de prototipo navegable del sitio de publicación y formato de base de datos: con observaciones (2 abiertas); corresponde atender al OPLE, plazo: 27 de febrero de 2024 (vencido).',
    );
    // The catalogue's order, not the text's: 3 before 11 before 16.
    expect(md.indexOf('- Entregable 3,')).toBeLessThan(md.indexOf('- Entregable 11,'));
    expect(md).toContain('- 5 de abril de 2024: Entregable 3, versión final del informe del mes de marzo');
    expect(md).not.toMatch(/relativo a remita|Versión Final|la pelota/);
  });

  it('reads back, in Markdown and in text, as the seed’s own 17 oficios', () => {
    const seed = essence(SEED_TEXT);
    expect(seed).toHaveLength(17);
    expect(essence(renderMarkdown(report))).toEqual(seed);
    expect(essence(renderText(report))).toEqual(seed);
  });

  it('in plain text, wrapped at 92 columns, with the same content', () => {
    const text = renderText(report);
    expect(text.split('\n').every((l) => l.length <= 92)).toBe(true);
    expect(text).toContain('INFORME 009/CESIOPREP/SO/22-03-2024');
    expect(text).toContain('ANEXO. ESTADO DEL SEGUIMIENTO AL 21 DE MARZO DE 2024');
    expect(text).toContain('\n    • Versión final del plan de seguridad y plan de continuidad (con plazo máximo de\n');
    expect(text.replace(/\s+/g, ' ')).toContain(
      '2. 22 de febrero de 2024, oficio INE/UTSI/1121/2024, mediante el cual informa que se tienen por atendidas de manera parcial las observaciones remitidas mediante oficio INE/UTSI/0451/2024',
    );
  });

  it('lists what waits for review in the annex ("Pendiente de revisión"), number first, and still reads back as the seed’s 17 oficios', () => {
    const pending = seedReport({
      pendingReview: [
        {
          number: 'INE/UTSI/1312/2024',
          date: '2024-03-05',
          item: null,
          reasons: [
            'no se puede asociar a un documento: no cita oficios y no se reconoce un entregable del lineamiento 33',
          ],
        },
        { number: null, date: null, item: 'Logística de la prensa', reasons: ['no se reconoce el entregable'] },
      ],
    });
    const md = renderMarkdown(pending);
    expect(md).toContain(
      '\n### Pendiente de revisión\n\n- INE/UTSI/1312/2024 (5 de marzo de 2024): pendiente de revisión; no se puede asociar a un documento: no cita oficios y no se reconoce un entregable del lineamiento 33.\n- Oficio sin número (sin fecha), elemento «Logística de la prensa»: pendiente de revisión; no se reconoce el entregable.\n',
    );
    expect(renderText(report)).toContain('Nada pendiente de revisión.');
    expect(essence(md)).toEqual(essence(SEED_TEXT));
  });

  it('says so when no oficio was received, and still closes and signs', () => {
    const text = renderText(seedReport({ received: [] }));
    expect(text).toContain('No se recibieron oficios en el periodo.');
    expect(text).toContain('C. ALINA JIMÉNEZ APARICIO');
  });

  it('as a PDF whose pages, turned into images by pdftoppm, are not blank', async () => {
    const long = seedReport({
      received: [...seedReport().received, ...seedReport().received, ...seedReport().received],
    });
    const pdf = await renderPdf(long);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const dir = mkdtempSync(join(tmpdir(), 'seguimiento-pdf-'));
    try {
      writeFileSync(join(dir, 'report.pdf'), pdf);
      execFileSync('pdftoppm', ['-r', '50', '-gray', join(dir, 'report.pdf'), join(dir, 'page')]);
      const pages = readdirSync(dir)
        .filter((f) => f.startsWith('page'))
        .sort();
      expect(pages.length).toBeGreaterThan(4);
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
