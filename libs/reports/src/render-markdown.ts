import type { CorrespondenceReport } from './report.model';
import { footer, heading, sections } from './wording';

/** The report in Markdown: the commission's numbered list first, then what the hand-made one lacks. */
export function renderMarkdown(r: CorrespondenceReport): string {
  const h = heading(r);
  const out = [`# ${h.title}`, '', `**${h.subtitle}**`, '', h.intro, ''];
  if (r.received.length === 0) out.push('No se recibieron oficios en el periodo.');
  for (const e of r.received) out.push(e.line, '');
  out.push(h.closing, '');
  for (const section of sections(r)) {
    out.push(`## ${section.title}`, '');
    if (section.lines.length === 0) out.push(section.empty, '');
    else out.push(...section.lines.map((line) => `- ${line}`), '');
  }
  out.push('---', '', `_${footer(r)}_`, '');
  return out.join('\n');
}
