import type { CorrespondenceReport } from './report.model';
import { documentLine, footer, heading, longDate } from './wording';

/** The report in Markdown: the commission's numbered list first, then what the hand-made one lacks. */
export function renderMarkdown(r: CorrespondenceReport): string {
  const h = heading(r);
  const out = [`# ${h.title}`, '', `**${h.subtitle}**`, '', h.intro, ''];
  if (r.received.length === 0) out.push('No se recibieron oficios en el periodo.');
  for (const e of r.received) out.push(e.line, '');
  out.push(h.closing, '');
  out.push('## Oficios enviados por el OPLE en el periodo', '');
  if (r.sent.length === 0) out.push('Ninguno registrado.', '');
  for (const e of r.sent) out.push(`- ${e.line}`);
  if (r.sent.length) out.push('');
  out.push('## Estado de los documentos tocados en el periodo', '');
  if (r.documents.length === 0) out.push('Ninguno.', '');
  for (const d of r.documents) out.push(`- ${documentLine(d)}`);
  if (r.documents.length) out.push('');
  out.push(`## Vencido al ${longDate(r.to)}`, '');
  if (r.overdue.length === 0) out.push('Nada vencido.', '');
  for (const d of r.overdue) out.push(`- ${d.what} — vencía el ${longDate(d.dueDate)} (${d.party})`);
  if (r.overdue.length) out.push('');
  out.push('## Vence en los 14 días siguientes', '');
  if (r.dueNext.length === 0) out.push('Nada.', '');
  for (const d of r.dueNext) out.push(`- ${longDate(d.dueDate)}: ${d.what} (${d.party})`);
  if (r.dueNext.length) out.push('');
  out.push('---', '', `_${footer(r)}_`, '');
  return out.join('\n');
}
