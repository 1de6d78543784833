import PDFDocument from 'pdfkit';
import type { CorrespondenceReport } from './report.model';
import { footer, heading, sections } from './wording';

/** The report as a PDF (letter size, the commission's layout, numbered pages), rendered in memory with pdfkit. */
export function renderPdf(r: CorrespondenceReport): Promise<Buffer> {
  const h = heading(r);
  const doc = new PDFDocument({
    size: 'LETTER',
    margins: { top: 72, bottom: 72, left: 72, right: 72 },
    bufferPages: true,
    info: { Title: `${h.title}. ${h.subtitle}`, Author: 'seguimiento', Subject: 'Correspondencia del PREP' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const paragraph = (text: string, options: PDFKit.Mixins.TextOptions = {}) =>
    doc
      .font('Helvetica')
      .fontSize(10.5)
      .text(text, { align: 'justify', ...options })
      .moveDown(0.5);
  const section = (title: string) => doc.moveDown(0.6).font('Helvetica-Bold').fontSize(12).text(title).moveDown(0.4);
  const bullet = (text: string) => paragraph(`•  ${text}`, { indent: 0 });

  doc.font('Helvetica-Bold').fontSize(14).text(h.title, { align: 'center' }).moveDown(0.3);
  doc.font('Helvetica').fontSize(11).text(h.subtitle, { align: 'center' }).moveDown(1.2);
  paragraph(h.intro);
  if (r.received.length === 0) paragraph('No se recibieron oficios en el periodo.');
  for (const e of r.received) paragraph(e.line);
  paragraph(h.closing);

  for (const { title, empty, lines } of sections(r)) {
    section(title);
    if (lines.length === 0) paragraph(empty);
    for (const line of lines) bullet(line);
  }
  doc.moveDown(1).font('Helvetica-Oblique').fontSize(9).text(footer(r));

  const pages = doc.bufferedPageRange();
  for (let i = 0; i < pages.count; i++) {
    doc.switchToPage(pages.start + i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing in the margin must not open a new page
    doc
      .font('Helvetica')
      .fontSize(8)
      .text(`Página ${i + 1} de ${pages.count}`, 72, doc.page.height - 48, {
        align: 'center',
        width: doc.page.width - 144,
      });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}
