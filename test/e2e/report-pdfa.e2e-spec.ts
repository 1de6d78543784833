import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { type VeraPdf, ensureVeraPdf } from '@seguimiento/infra/verapdf';
import { type TestStack, startTestStack } from '../support/test-stack';

/**
 * The commission's report of the seed, as an archival PDF: rendered by the gateway from the
 * ingested seed, validated by veraPDF (PDF/A-2a, and PDF/UA-1, which the file also declares),
 * its fonts and tags checked with poppler (pdffonts, pdfinfo), and its text (pdftotext) carrying
 * the institutional parts: number, legal basis, place and date, signatory. A control PDF with a
 * standard font and no tags shows that each check can fail.
 */
const SEED = join(__dirname, '../../libs/intake/src/testing/seed-report.txt');
const poppler = (tool: string, ...args: string[]) => execFileSync(tool, args, { encoding: 'utf8' });

/** The fonts `pdffonts` lists: name and whether it is embedded. */
function fonts(file: string): Array<{ name: string; embedded: boolean }> {
  const lines = poppler('pdffonts', file).trim().split('\n');
  const columns = lines[1].split(' ').map((dashes) => dashes.length);
  const embAt = columns.slice(0, 3).reduce((a, b) => a + b + 1, 0);
  return lines.slice(2).map((l) => ({ name: l.split(/\s+/)[0], embedded: l.slice(embAt, embAt + 3) === 'yes' }));
}

/** `pdfinfo` as a map ("Tagged" → "yes"). */
function info(file: string): Record<string, string> {
  return Object.fromEntries(
    poppler('pdfinfo', file)
      .split('\n')
      .filter((l) => l.includes(':'))
      .map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1).trim()]),
  );
}

/** What pdfkit writes when nobody asks for PDF/A: Helvetica (standard, not embedded), no tags. */
function plainPdf(): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'LETTER' });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.text('INFORME sin forma institucional');
  doc.end();
  return done;
}

describe('the commission’s report as an archival PDF (PDF/A-2a, tagged, fonts embedded)', () => {
  let stack: TestStack;
  let vera: VeraPdf;
  let dir: string;
  let pdf: string;
  let control: string;

  const report = async (ople: string, format: 'PDF' | 'TXT', from = '2024-02-18', to = '2024-03-21') => {
    const answer = await stack.gql<{ correspondenceReport: { content: string; encoding: string; fileName: string } }>(
      `query { correspondenceReport(ople: "${ople}", from: "${from}", to: "${to}", format: ${format}) { content encoding fileName } }`,
    );
    expect(answer.errors).toBeUndefined();
    return answer.data!.correspondenceReport;
  };

  beforeAll(async () => {
    [stack, vera] = await Promise.all([startTestStack(), ensureVeraPdf((line) => process.stderr.write(`${line}\n`))]);
    dir = mkdtempSync(join(tmpdir(), 'seguimiento-pdfa-'));
    const ingest = await stack.gql(
      `mutation($text: String!) { ingestCorrespondence(text: $text, ople: "GRO", dryRun: false) { created } }`,
      { text: readFileSync(SEED, 'utf8') },
    );
    expect(ingest.errors).toBeUndefined();
    const file = await report('GRO', 'PDF');
    expect(file.fileName).toBe('informe-GRO-2024-02-18-2024-03-21.pdf');
    pdf = join(dir, file.fileName);
    writeFileSync(pdf, Buffer.from(file.content, 'base64'));
    control = join(dir, 'control.pdf');
    writeFileSync(control, await plainPdf());
  });
  afterAll(async () => {
    await stack?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('veraPDF finds it PDF/A-2a, the conformance it declares, and PDF/UA-1, and finds the control PDF neither', async () => {
    expect(await vera.validate(pdf)).toEqual({ flavour: '2a', compliant: true, failures: [] });
    expect(await vera.validate(pdf, 'ua1')).toEqual({ flavour: 'ua1', compliant: true, failures: [] });
    const plain = await vera.validate(control, '2a');
    expect(plain.compliant).toBe(false);
    // The font programs for all fonts used for rendering shall be embedded (ISO 19005-2, 6.2.11.4.1).
    expect(plain.failures.map((f) => f.rule)).toContain('6.2.11.4.1-1');
  });

  it('pdffonts: every font embedded, none of the standard 14; pdfinfo: tagged, with the commission and the period in its metadata', () => {
    const used = fonts(pdf);
    expect(used.length).toBeGreaterThan(0);
    expect(used.filter((f) => !f.embedded)).toEqual([]);
    expect(used.map((f) => f.name.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual([
      'DejaVuSans',
      'DejaVuSans-Bold',
      'DejaVuSans-Oblique',
    ]);
    expect(fonts(control)).toEqual([{ name: 'Helvetica', embedded: false }]);

    const meta = info(pdf);
    expect(meta).toMatchObject({
      Tagged: 'yes',
      Title: 'INFORME 009/CESIOPREP/SO/22-03-2024: correspondencia recibida, IEPC Guerrero',
      Author:
        'Comisión Especial de Seguimiento, Implementación y Operación del Programa de Resultados Electorales Preliminares',
      Subject: 'Correspondencia recibida del 18 de febrero al 21 de marzo de 2024',
      'Metadata Stream': 'yes',
    });
    expect(meta.Keywords).toContain('IEPC Guerrero');
    expect(info(control).Tagged).toBe('no');
    const xmp = poppler('pdfinfo', '-meta', pdf);
    expect(xmp).toMatch(/<pdfaid:part>2<\/pdfaid:part>\s*<pdfaid:conformance>A<\/pdfaid:conformance>/);
    expect(xmp).toContain('<pdfuaid:part>1</pdfuaid:part>');
    expect(xmp).toContain('<rdf:li>Comisión Especial de Seguimiento, Implementación y Operación');
  });

  it('pdftotext: the number, the legal basis, the period, the oficios, the closing, place and date and the signatory', () => {
    const text = poppler('pdftotext', '-layout', pdf, '-').replace(/\s+/g, ' ');
    for (const part of [
      'Comisión Especial de Seguimiento, Implementación y Operación del Programa de Resultados Electorales Preliminares',
      'INFORME 009/CESIOPREP/SO/22-03-2024',
      'EN CUMPLIMIENTO AL ARTÍCULO 40, FRACCIÓN IX DEL REGLAMENTO DE COMISIONES DEL CONSEJO GENERAL DEL IEPC GUERRERO, CORRESPONDIENTE AL PERIODO DEL 18 DE FEBRERO AL 21 DE MARZO DE 2024.',
      '1. 19 de febrero de 2024, oficio INE/UTSI/0923/2024, mediante el cual remite',
      'Lo que se informa a las y los integrantes de la Comisión Especial para los efectos legales a que haya lugar.',
      'Chilpancingo, Guerrero, 22 de marzo de 2024.',
      'C. ALINA JIMÉNEZ APARICIO',
      'Y SECRETARIA TÉCNICA DEL COTAPREP',
      'Anexo. Estado del seguimiento al 21 de marzo de 2024',
    ])
      expect(text).toContain(part);
    // The request 1376 answered by 1581, in Spanish (not "relativo a remita a la UTSI"); the reminder's items listed.
    expect(text).toContain(
      'relativo a la remisión del instrumento jurídico que se celebre con el tercero y su anexo técnico (entregable 34), requerido mediante oficio INE/UTSI/1376/2024, se tiene por recibido',
    );
    expect(text).not.toMatch(/relativo a remita|Versión Final/);
    expect(text).toContain(
      '• Versión final del plan de seguridad y plan de continuidad (con plazo máximo de remisión al 7 de abril de 2024);',
    );
    expect(poppler('pdftotext', control, '-')).not.toContain('INFORME 009');
  });

  it('an OPLE with no commission configured gets a report that says what to configure', async () => {
    const text = (await report('MEX', 'TXT')).content.replace(/\s+/g, ' ');
    expect(text).toContain('EN CUMPLIMIENTO AL [configure oples.MEX.legalBasis en config/commissions.json]');
    expect(text).toContain('[configure oples.MEX.signatory.name en config/commissions.json]');
    expect(text).toContain('INFORME s/n/PREP/22-03-2024');
  });
});
