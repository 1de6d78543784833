import type { CorrespondenceReport } from './report.model';
import { documentLine, footer, heading, longDate } from './wording';

/** Wraps a paragraph at `width` columns, indenting continuation lines by `indent`. */
export function wrap(text: string, width = 92, indent = ''): string[] {
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
  out.push(...section('Oficios enviados por el OPLE en el periodo'));
  if (r.sent.length === 0) out.push('Ninguno registrado.');
  for (const e of r.sent) out.push(...wrap(`- ${e.line}`, 92, '  '));
  out.push(...section('Estado de los documentos tocados en el periodo'));
  if (r.documents.length === 0) out.push('Ninguno.');
  for (const d of r.documents) out.push(...wrap(`- ${documentLine(d)}`, 92, '  '));
  out.push(...section(`Vencido al ${longDate(r.to)}`));
  if (r.overdue.length === 0) out.push('Nada vencido.');
  for (const d of r.overdue) out.push(...wrap(`- ${d.what} — vencía el ${longDate(d.dueDate)} (${d.party})`, 92, '  '));
  out.push(...section('Vence en los 14 días siguientes'));
  if (r.dueNext.length === 0) out.push('Nada.');
  for (const d of r.dueNext) out.push(...wrap(`- ${longDate(d.dueDate)}: ${d.what} (${d.party})`, 92, '  '));
  out.push('', footer(r), '');
  return out.join('\n');
}
