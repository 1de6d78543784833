/**
 * The subset of Markdown the commission's report uses (libs/reports, render-markdown.ts): headings,
 * paragraphs, bold and italic, a rule, numbered and bulleted lists with nested items, hard line
 * breaks and backslash escapes. Read into plain data, which the page renders as React elements:
 * never HTML from the text, so nothing in a title or a subject can become markup.
 */

export type Inline =
  | { type: 'text'; text: string }
  | { type: 'strong'; children: Inline[] }
  | { type: 'em'; children: Inline[] }
  | { type: 'break' };

export interface ListItem {
  label: string | null;
  content: Inline[];
  items: Inline[][];
}

export type Block =
  | { type: 'heading'; level: number; content: Inline[] }
  | { type: 'paragraph'; content: Inline[] }
  | { type: 'rule' }
  | { type: 'list'; ordered: boolean; items: ListItem[] };

const PUNCTUATION = /[!-/:-@[-`{-~]/;

/** The index of the next unescaped `marker` at or after `from`, or -1. */
function closing(text: string, marker: string, from: number): number {
  for (let i = from; i < text.length; i += 1) {
    if (text[i] === '\\' && i + 1 < text.length && PUNCTUATION.test(text[i + 1])) {
      i += 1;
      continue;
    }
    if (text.startsWith(marker, i)) return i;
  }
  return -1;
}

/** A line's inline content: escapes resolved, **bold**, _italic_ (or *italic*), hard breaks. */
export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let buffer = '';
  const flush = () => {
    if (buffer) out.push({ type: 'text', text: buffer });
    buffer = '';
  };
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (c === '\\' && i + 1 < text.length && PUNCTUATION.test(text[i + 1])) {
      buffer += text[i + 1];
      i += 1;
      continue;
    }
    if (c === '\n') {
      flush();
      out.push({ type: 'break' });
      continue;
    }
    const marker = text.startsWith('**', i) ? '**' : c === '_' || c === '*' ? c : null;
    if (marker) {
      const end = closing(text, marker, i + marker.length);
      if (end > i + marker.length) {
        flush();
        const children = parseInline(text.slice(i + marker.length, end));
        out.push(marker === '**' ? { type: 'strong', children } : { type: 'em', children });
        i = end + marker.length - 1;
        continue;
      }
    }
    buffer += c;
  }
  flush();
  return out;
}

const HEADING = /^(#{1,6})\s+(.*)$/;
const ORDERED = /^(\d{1,9}[.)])\s+(.*)$/;
const BULLET = /^[-*+]\s+(.*)$/;
const NESTED = /^\s+[-*+]\s+(.*)$/;
const RULE = /^\s*(?:-{3,}|\*{3,}|_{3,})\s*$/;

/** The report's Markdown as blocks. */
export function parseMarkdown(source: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let list: Extract<Block, { type: 'list' }> | null = null;
  const endParagraph = () => {
    if (paragraph.length) {
      // A line ending in a backslash is a hard break; other line ends are spaces.
      const joined = paragraph.map((l, i) =>
        i < paragraph.length - 1 && l.endsWith('\\') ? `${l.slice(0, -1)}\n` : `${l} `,
      );
      blocks.push({ type: 'paragraph', content: parseInline(joined.join('').trimEnd()) });
    }
    paragraph = [];
  };
  const endList = () => {
    if (list) blocks.push(list);
    list = null;
  };
  for (const raw of source.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trimEnd();
    if (!line.trim()) {
      endParagraph();
      continue;
    }
    const nested = NESTED.exec(line);
    const current = list as Extract<Block, { type: 'list' }> | null;
    if (nested && current && current.items.length) {
      current.items[current.items.length - 1].items.push(parseInline(nested[1]));
      continue;
    }
    const ordered = ORDERED.exec(line);
    const bullet = ordered ? null : BULLET.exec(line);
    if ((ordered || bullet) && !paragraph.length) {
      const isOrdered = !!ordered;
      if (!current || current.ordered !== isOrdered) {
        endList();
        list = { type: 'list', ordered: isOrdered, items: [] };
      }
      list!.items.push({
        label: ordered ? ordered[1] : null,
        content: parseInline(ordered ? ordered[2] : bullet![1]),
        items: [],
      });
      continue;
    }
    endList();
    if (RULE.test(line)) {
      endParagraph();
      blocks.push({ type: 'rule' });
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      endParagraph();
      blocks.push({ type: 'heading', level: heading[1].length, content: parseInline(heading[2]) });
      continue;
    }
    paragraph.push(line);
  }
  endParagraph();
  endList();
  return blocks;
}

/** The words of inline content, without markup (for tests and accessible names). */
export const plainText = (content: Inline[]): string =>
  content.map((i) => (i.type === 'text' ? i.text : i.type === 'break' ? '\n' : plainText(i.children))).join('');
