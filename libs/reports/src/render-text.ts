import type { CorrespondenceReport } from './report.model';
import { footer, heading, sections } from './wording';

/** Wraps a paragraph at `width` columns, indenting continuation lines by `indent`. */
function wrap(text: string, width = 92, indent = ''): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && (line + ' ' + word).length > width) {
      lines.push(line);
      line = indent + word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** The report as plain text, wrapped for a terminal or an e-mail. */
export function renderText(r: CorrespondenceReport): string {
  const h = heading(r);
  const rule = '='.repeat(Math.min(92, h.title.length));
  const section = (title: string) => ['', title.toUpperCase(), '-'.repeat(title.length)];
  const out = [h.title, rule, h.subtitle, '', ...wrap(h.intro), ''];
  if (r.received.length === 0) out.push('No se recibieron oficios en el periodo.');
  for (const e of r.received) out.push(...wrap(e.line, 92, '   '), '');
  out.push(...wrap(h.closing));
  for (const { title, empty, lines } of sections(r)) {
    out.push(...section(title));
    if (lines.length === 0) out.push(empty);
    for (const line of lines) out.push(...wrap(`- ${line}`, 92, '  '));
  }
  out.push('', footer(r), '');
  return out.join('\n');
}
