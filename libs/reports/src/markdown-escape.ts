/**
 * Text from the log (titles, subjects, summaries typed by operators) made inert in Markdown:
 * it renders as the same words, never as a link, an image, raw HTML, emphasis or a heading.
 * CommonMark lets any ASCII punctuation be escaped with a backslash; line breaks are folded so
 * that a value cannot start a block of its own.
 */
/** What acts anywhere in a line: code, emphasis, link and image brackets, raw HTML and autolinks, tables, strikethrough. */
const INLINE = /[\\`*_[\]<>|~]/g;

/** Escapes the characters that act anywhere in a line, and folds line breaks into spaces. */
export function escapeInline(text: string): string {
  return text.replace(/\s*[\r\n\u2028\u2029]+\s*/g, ' ').replace(INLINE, (c) => `\\${c}`);
}

/** `escapeInline`, and a value that starts like a list item, a heading or a block quote is kept as text. */
export function escapeBlock(text: string): string {
  return escapeInline(text)
    .replace(/^(\s*)(\d{1,9})([.)])/, '$1$2\\$3')
    .replace(/^(\s*)([-=+#>])/, '$1\\$2');
}
