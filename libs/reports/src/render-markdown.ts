import type { CorrespondenceReport } from './report.model';
import { escapeBlock, escapeInline } from './markdown-escape';
import { footer, heading, sections } from './wording';

/**
 * The report in Markdown: the commission's numbered list first, then what the hand-made one lacks.
 * Every text that comes from the log is escaped: an operator's title cannot add a link, an image,
 * HTML or a heading to the commission's report.
 */
export function renderMarkdown(r: CorrespondenceReport): string {
  const h = heading(r);
  const out = [`# ${escapeInline(h.title)}`, '', `**${escapeInline(h.subtitle)}**`, '', escapeBlock(h.intro), ''];
  if (r.received.length === 0) out.push('No se recibieron oficios en el periodo.');
  // Each received line starts with its number ("1. …"): an ordered list, as in the commission's form.
  for (const e of r.received) out.push(escapeInline(e.line), '');
  out.push(escapeBlock(h.closing), '');
  for (const section of sections(r)) {
    out.push(`## ${escapeInline(section.title)}`, '');
    if (section.lines.length === 0) out.push(escapeBlock(section.empty), '');
    else out.push(...section.lines.map((line) => `- ${escapeBlock(line)}`), '');
  }
  out.push('---', '', `_${escapeInline(footer(r))}_`, '');
  return out.join('\n');
}
