import { PDF_PAGES, corpusProse, correspondencePdf, pdfIngest, wordsOf } from './pdf-ingest';

const pageCount = (pdf: Buffer) => Number(/\/Type \/Pages[\s\S]*?\/Count (\d+)/.exec(pdf.toString('latin1'))?.[1]);

describe('the 20-page correspondence PDF of the benchmark', () => {
  it('is made of the corpus prose, exactly 20 pages, whatever the number of texts', async () => {
    expect(corpusProse().length).toBeGreaterThan(3);
    expect(pageCount(await correspondencePdf(corpusProse()))).toBe(PDF_PAGES);
    expect(pageCount(await correspondencePdf(['Una sola línea, repetida.'], 3))).toBe(3);
    await expect(correspondencePdf([''])).rejects.toThrow('no text');
  });

  it('compares extractions by their words, a table cell separator aside', () => {
    expect(wordsOf('oficio  INE/UTSI/1720/2024,\nmediante | el cual')).toEqual(['oficio', 'INE/UTSI/1720/2024,', 'mediante', 'el', 'cual']);
  });

  it('is read by libs/files with the same words as pdftotext, and its oficios parsed', async () => {
    const figure = await pdfIngest(() => undefined, 1);
    expect(figure.failures).toEqual([]);
    expect(figure.details).toMatchObject({ pages: PDF_PAGES });
    expect(figure.details.oficios).toBeGreaterThan(20);
    expect(figure.baseline).toEqual(expect.any(Number));
  }, 120_000);
});
