import { CELL_SEPARATOR } from '../pdf/layout-lines';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Decodes the character references mammoth writes (named, decimal and hexadecimal). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1].toLowerCase() === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

/**
 * The text of the simple HTML mammoth makes of a Word document: one line per paragraph, heading and
 * list item (items marked "- "), one paragraph from the next by a blank line, a table row as its cells joined by ` | `, line breaks kept, and the
 * spaces and tabs inside a line kept (registers typed in Word align their columns with them).
 */
export function htmlToText(html: string): string {
  const rows = html.replace(/<tr\b[^>]*>([\s\S]*?)<\/tr>/gi, (_, row: string) => {
    const cells = [...row.matchAll(/<t[dh]\b[^>]*>([\s\S]*?)<\/t[dh]>/gi)].map((m) =>
      inline(m[1].replace(/<\/p>\s*<p\b[^>]*>/gi, ' '))
        .replace(/\s+/g, ' ')
        .trim(),
    );
    return `${cells.join(CELL_SEPARATOR)}\n`;
  });
  const blocks = rows
    .replace(/<(ul|ol|table)\b[^>]*>/gi, '\n')
    .replace(/<\/(ul|ol|table)>/gi, '\n')
    .replace(/<li\b[^>]*>/gi, '- ')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|h[1-6])>/gi, '\n\n')
    .replace(/<\/li>/gi, '\n');
  return inline(blocks)
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const inline = (html: string) => decodeEntities(html.replace(/<[^>]+>/g, ''));
