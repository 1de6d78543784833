import PDFDocument from 'pdfkit';
import type { CorrespondenceReport } from './report.model';
import { type ListItem, composeReport, metadata } from './wording';

/** DejaVu Sans (dejavu-fonts-ttf): embedded, so the PDF is archival (no standard-14 font is left to the viewer). */
const FONTS = {
  regular: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
  oblique: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Oblique.ttf'),
};

/** The conformance the PDF declares: PDF/A-2 level A (archival, tagged, Unicode text). */
export const PDF_CONFORMANCE = 'PDF/A-2a';

const MARGIN = 72;
const BODY = 10;
const LINE_GAP = 1.5;
/** Where a list item's body starts, after its label ("17."), and a nested item's, after its bullet. */
const HANG = 22;
const NESTED_HANG = 14;

type Struct = PDFKit.PDFStructureElement;

/**
 * PDF/UA-1 identification in the XMP metadata, with the extension schema PDF/A requires for any
 * schema it does not predefine: the file declares both conformances, and veraPDF checks both.
 */
const PDFUA_XMP = `
<rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
  <pdfuaid:part>1</pdfuaid:part>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
  <pdfaExtension:schemas>
    <rdf:Bag>
      <rdf:li rdf:parseType="Resource">
        <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
        <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
        <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
        <pdfaSchema:property>
          <rdf:Seq>
            <rdf:li rdf:parseType="Resource">
              <pdfaProperty:name>part</pdfaProperty:name>
              <pdfaProperty:valueType>Integer</pdfaProperty:valueType>
              <pdfaProperty:category>internal</pdfaProperty:category>
              <pdfaProperty:description>Part of ISO 14289 the file conforms to</pdfaProperty:description>
            </rdf:li>
          </rdf:Seq>
        </pdfaSchema:property>
      </rdf:li>
    </rdf:Bag>
  </pdfaExtension:schemas>
</rdf:Description>`;

/**
 * The report as an archival PDF: PDF/A-2a and PDF/UA-1 (fonts embedded, sRGB output intent, XMP metadata naming
 * the commission and the period), tagged for screen readers (Document, headings, paragraphs, lists
 * with label and body; page numbers marked as pagination artifacts) in Spanish (es-MX). Letter
 * size, the commission's layout; rendered in memory with pdfkit.
 */
export function renderPdf(r: CorrespondenceReport): Promise<Buffer> {
  const meta = metadata(r);
  const doc = new PDFDocument({
    size: 'LETTER',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    bufferPages: true,
    pdfVersion: '1.7',
    subset: PDF_CONFORMANCE,
    tagged: true,
    lang: 'es-MX',
    displayTitle: true,
    font: FONTS.regular,
    info: {
      Title: meta.title,
      Author: meta.author,
      Subject: meta.subject,
      Keywords: meta.keywords,
      Creator: 'seguimiento',
      CreationDate: new Date(r.generatedAt),
    },
  });
  doc.registerFont('regular', FONTS.regular);
  doc.registerFont('bold', FONTS.bold);
  doc.registerFont('oblique', FONTS.oblique);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const width = doc.page.width - 2 * MARGIN;
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  /** Starts a new page unless `height` points fit on this one (a heading is not left alone at the foot of a page). */
  const keep = (height: number) => {
    if (doc.y + height > bottom()) doc.addPage();
  };
  const lineHeight = (size: number) => {
    doc.fontSize(size);
    return doc.currentLineHeight(true) + LINE_GAP;
  };

  const root = doc.struct('Document');
  doc.addStructure(root);
  const add = (parent: Struct, type: string, draw: () => void) => parent.add(doc.struct(type, {}, draw));

  /**
   * A list (L) of items (LI), each a label (Lbl) and a body (LBody) set off by `hang` points from
   * `x`; an item's own items are a nested list inside its body. The label and the first line of
   * the body are kept on one page.
   */
  const list = (parent: Struct, items: ListItem[], x: number, hang: number, spacing: number) => {
    const l = doc.struct('L');
    parent.add(l);
    for (const item of items) {
      keep(lineHeight(BODY) * 2);
      const li = doc.struct('LI');
      l.add(li);
      const y = doc.y;
      const text = (content: string, at: number, options: PDFKit.Mixins.TextOptions) =>
        doc.font('regular').fontSize(BODY).text(content, at, y, options);
      add(li, 'Lbl', () => text(item.label, x, { width: hang - 4, lineBreak: false }));
      const body = doc.struct('LBody');
      li.add(body);
      body.add(() =>
        text(item.text, x + hang, { width: width - (x - MARGIN) - hang, align: 'justify', lineGap: LINE_GAP }),
      );
      if (item.items.length) {
        doc.moveDown(0.3);
        const nested = item.items.map((sub) => ({ label: '•', text: sub, items: [] }));
        list(body, nested, x + hang + 4, NESTED_HANG, 0.2);
      }
      body.end();
      li.end();
      doc.x = MARGIN;
      doc.moveDown(spacing);
    }
    l.end();
  };

  for (const block of composeReport(r)) {
    doc.x = MARGIN;
    switch (block.type) {
      case 'commission':
        add(root, 'P', () => doc.font('bold').fontSize(12).text(block.text, { align: 'center', width, lineGap: 1 }));
        doc.moveDown(1);
        break;
      case 'heading': {
        const size = block.level === 1 ? 12 : block.level === 2 ? 12 : 11;
        keep(lineHeight(size) * 2 + lineHeight(BODY) * 3);
        if (block.level === 3) doc.moveDown(0.5);
        add(root, `H${block.level}`, () =>
          doc
            .font('bold')
            .fontSize(size)
            .text(block.text, { align: block.level === 1 ? 'center' : 'left', width }),
        );
        doc.moveDown(block.level === 1 ? 1.2 : 0.6);
        break;
      }
      case 'paragraph': {
        const font = block.style === 'legal' ? 'bold' : block.style === 'note' ? 'oblique' : 'regular';
        const size = block.style === 'note' ? 8.5 : BODY;
        // The place and date stay on one page with the signatory below them.
        if (block.style === 'place') keep(lineHeight(BODY) * 12);
        if (block.style === 'place') doc.moveDown(0.8);
        if (block.style === 'note') doc.moveDown(1);
        add(root, 'P', () =>
          doc
            .font(font)
            .fontSize(size)
            .text(block.text, {
              align: block.style === 'body' || block.style === 'legal' ? 'justify' : 'left',
              width,
              lineGap: LINE_GAP,
            }),
        );
        doc.moveDown(block.style === 'legal' ? 1.2 : 0.6);
        break;
      }
      case 'list':
        list(root, block.items, MARGIN, HANG, block.ordered ? 0.6 : 0.3);
        break;
      case 'signature': {
        // Room to sign, then the name and position.
        doc.moveDown(4);
        add(root, 'P', () => {
          for (const line of block.lines)
            doc.font('bold').fontSize(BODY).text(line, MARGIN, doc.y, { align: 'center', width, lineGap: LINE_GAP });
        });
        break;
      }
      case 'break':
        doc.addPage();
        break;
    }
  }
  root.end();

  // Page numbers, in the bottom margin of every page: pagination artifacts, not read as content.
  const pages = doc.bufferedPageRange();
  for (let i = 0; i < pages.count; i++) {
    doc.switchToPage(pages.start + i);
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing in the margin must not open a new page
    doc.markContent('Artifact', { type: 'Pagination' });
    doc
      .font('regular')
      .fontSize(8)
      .text(`Página ${i + 1} de ${pages.count}`, MARGIN, doc.page.height - 48, { align: 'center', width });
    doc.endMarkedContent();
    doc.page.margins.bottom = margin;
  }
  // pdfkit's metadata mixin (not in its type definitions) adds XML to the XMP packet it writes at end().
  (doc as unknown as { appendXML(xml: string): void }).appendXML(PDFUA_XMP);
  doc.end();
  return done;
}
