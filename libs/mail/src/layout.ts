import { MONTHS, findOple } from '@seguimiento/domain';
import { DateTime } from 'luxon';

const MEXICO_CITY = 'America/Mexico_City';

/** Text for HTML: the oficio's wording and the names are user data. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** "4 de marzo de 2024" from a local date (YYYY-MM-DD). */
export function spanishDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${d} de ${MONTHS[m - 1]} de ${y}`;
}

/** "5 de marzo de 2024 a las 13:00 horas (tiempo del centro)" from an instant. */
export function spanishDateTime(instant: string): string {
  const t = DateTime.fromISO(instant, { zone: 'utc' }).setZone(MEXICO_CITY);
  return `${spanishDate(t.toISODate()!)} a las ${t.toFormat('HH:mm')} horas (tiempo del centro)`;
}

/** The local date (Mexico City) of an instant. */
export function localDate(instant: string): string {
  return DateTime.fromISO(instant, { zone: 'utc' }).setZone(MEXICO_CITY).toISODate()!;
}

/** Whole days from one local date to another (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round(DateTime.fromISO(to, { zone: 'utc' }).diff(DateTime.fromISO(from, { zone: 'utc' }), 'days').days);
}

export const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** "IEPC Guerrero" for GRO; INE stays INE. */
export function institutionName(id: string): string {
  if (id === 'INE') return 'el INE';
  const ople = findOple(id);
  return ople ? `${ople.acronym} (${ople.state})` : id;
}

/** Who has to act: the party of a deadline. */
export function holderOf(party: 'INE' | 'OPLE', ople: string): string {
  return party === 'INE' ? 'el INE (UTSI)' : `el OPLE, ${institutionName(ople)}`;
}

/** The console's page of a case: `<CONSOLE_URL>/documentos/<id>`. */
export function caseLink(consoleUrl: string, caseId: string): string {
  return `${consoleUrl.replace(/\/+$/, '')}/documentos/${encodeURIComponent(caseId)}`;
}

/** A paragraph of the mail: plain text, and its HTML with the user's data escaped. */
export interface Block {
  text: string;
  html: string;
}

export const paragraph = (text: string): Block => ({ text, html: `<p>${escapeHtml(text)}</p>` });

export const link = (label: string, url: string): Block => ({
  text: `${label}: ${url}`,
  html: `<p><a href="${escapeHtml(url)}">${escapeHtml(label)}</a></p>`,
});

/** A list; each item is plain text and may have a link. */
export function list(items: ReadonlyArray<{ text: string; url?: string }>): Block {
  return {
    text: items.map((i) => `  - ${i.text}${i.url ? `\n    ${i.url}` : ''}`).join('\n'),
    html: `<ul>${items
      .map((i) => `<li>${i.url ? `<a href="${escapeHtml(i.url)}">${escapeHtml(i.text)}</a>` : escapeHtml(i.text)}</li>`)
      .join('')}</ul>`,
  };
}

export const heading = (text: string): Block => ({ text: `\n${text}`, html: `<h3>${escapeHtml(text)}</h3>` });

const FOOTER =
  'Este correo lo envía el sistema de seguimiento de los entregables del PREP. Quien administra el directorio puede cambiar a quién llega y si se recibe cada aviso o solo el resumen diario.';

/** The whole mail from its greeting and blocks. */
export function compose(greeting: string, blocks: readonly Block[]): { text: string; html: string } {
  const all = [paragraph(greeting), ...blocks];
  return {
    text: `${all.map((b) => b.text).join('\n\n')}\n\n--\n${FOOTER}\n`,
    html: `<!doctype html><html lang="es"><head><meta charset="utf-8"></head><body style="font-family: sans-serif">${all
      .map((b) => b.html)
      .join('\n')}<hr><p style="color:#666;font-size:small">${escapeHtml(FOOTER)}</p></body></html>`,
  };
}
