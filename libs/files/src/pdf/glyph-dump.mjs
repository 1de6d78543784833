// Reads a PDF from standard input and writes its text layer as JSON: for each page, its size and
// every run of glyphs pdf.js finds, with its position. Runs in a child process of its own so that
// an untrusted file is parsed away from the server's memory, with a memory ceiling and a timeout
// set by the parent (see read-pdf.ts); and because pdf.js is an ES module the parent may not load.
import { getDocumentProxy } from 'unpdf';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const data = new Uint8Array(Buffer.concat(chunks));

try {
  const pdf = await getDocumentProxy(data, { isEvalSupported: false, stopAtErrors: false });
  const pages = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const { width, height } = page.getViewport({ scale: 1 });
    const content = await page.getTextContent();
    const runs = [];
    for (const item of content.items) {
      if (typeof item.str !== 'string' || item.str.length === 0) continue;
      const [a, b, , , x, y] = item.transform;
      runs.push({ text: item.str, x, y, width: item.width, size: Math.hypot(a, b) || item.height || 10 });
    }
    pages.push({ width, height, runs });
    page.cleanup();
  }
  process.stdout.write(JSON.stringify({ pages }));
} catch (error) {
  process.stdout.write(JSON.stringify({ error: String(error?.message ?? error) }));
}
