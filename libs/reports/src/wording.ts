import { formatLongDate } from '@seguimiento/intake';
import { DateTime } from 'luxon';
import { reportDate, reportNumber } from './commission';
import { documentPhrase, wordOficio, wordSentOficio } from './oficio-wording';
import type { CorrespondenceReport, ReportDocument, ReportDue, ReportPendingReview } from './report.model';
import { after, capitalize, withArticle } from './spanish';

/** 2024-02-18 → "18 de febrero de 2024": the intake parser's own form, so the report reads back. */
export const longDate = formatLongDate;

/**
 * The report as a sequence of blocks, in the institutional form of the commission's reports (the
 * seed's): the commission, the report's number, the legal basis and period, the introduction, the
 * numbered oficios (a reminder's entregables as a list of their own), the closing, place and date,
 * the signatory; then an annex with what the hand-made report lacks. Every renderer lays out
 * these same blocks, so Markdown, text and PDF say the same.
 */
export type Block =
  | { type: 'commission'; text: string }
  | { type: 'heading'; level: 1 | 2 | 3; text: string }
  | { type: 'paragraph'; text: string; style: 'legal' | 'body' | 'place' | 'note' }
  | { type: 'list'; ordered: boolean; items: ListItem[] }
  | { type: 'signature'; lines: string[] }
  /** Where the annex starts (a new page in the PDF). */
  | { type: 'break' };

export interface ListItem {
  /** "1.", "•". */
  label: string;
  text: string;
  /** A nested list (a reminder's entregables). */
  items: string[];
}

/** "del 18 de febrero al 21 de marzo de 2024" (the year once when both dates share it). */
export function periodPhrase(from: string, to: string): string {
  const start = longDate(from);
  const sameYear = from.slice(0, 4) === to.slice(0, 4);
  return `del ${sameYear ? start.replace(/ de \d{4}$/, '') : start} al ${longDate(to)}`;
}

/** The report's title: its number in the commission's scheme ("INFORME 009/CESIOPREP/SO/22-03-2024"). */
export function reportTitle(r: CorrespondenceReport): string {
  return reportNumber(r.commission.reportNumber, r.to);
}

/** What the PDF's metadata say: title, author (the commission), subject (the period), keywords. */
export function metadata(r: CorrespondenceReport): {
  title: string;
  author: string;
  subject: string;
  keywords: string;
} {
  return {
    title: `${reportTitle(r)}: correspondencia recibida, ${r.ople.acronym}`,
    author: r.commission.name,
    subject: `Correspondencia recibida ${periodPhrase(r.from, r.to)}`,
    keywords: ['PREP', 'correspondencia', 'oficios', 'INE', 'UTSI', r.ople.acronym, r.ople.state].join(', '),
  };
}

/** In capitals, as the form writes the legal basis and the signatory, except a placeholder to configure ("[configure oples.MEX.legalBasis …]"), which must name the field as it is spelt. */
const upper = (text: string) =>
  text
    .split(/(\[[^\]]*\])/)
    .map((part) => (part.startsWith('[') ? part : part.toUpperCase()))
    .join('');

const ENTRY_LEAD = (date: string | null, number: string) =>
  `${date ? longDate(date) : 'sin fecha'}, oficio ${number || 'sin número'}, `;

export function composeReport(r: CorrespondenceReport): Block[] {
  const c = r.commission;
  const period = periodPhrase(r.from, r.to);
  const blocks: Block[] = [
    { type: 'commission', text: c.name },
    { type: 'heading', level: 1, text: reportTitle(r) },
    {
      type: 'paragraph',
      style: 'legal',
      text: upper(
        `Que rinde ${c.reportingBody} relativo a la correspondencia recibida, en cumplimiento ${after('a', withArticle(c.legalBasis))}, correspondiente al periodo ${period}.`,
      ),
    },
    {
      type: 'paragraph',
      style: 'body',
      text:
        `Se informa a las y los integrantes de ${c.shortName} sobre la correspondencia recibida, ${c.receivedAt}, ` +
        'de diversos remitidos por la Unidad Técnica de Servicios de Informática del Instituto Nacional Electoral, conforme a lo siguiente:',
    },
  ];
  if (r.received.length === 0)
    blocks.push({ type: 'paragraph', style: 'body', text: 'No se recibieron oficios en el periodo.' });
  else
    blocks.push({
      type: 'list',
      ordered: true,
      items: r.received.map((e, i) => {
        const w = wordOficio(e.oficio);
        return { label: `${i + 1}.`, text: ENTRY_LEAD(e.date, e.number) + w.text, items: w.items };
      }),
    });
  blocks.push(
    {
      type: 'paragraph',
      style: 'body',
      // Ends the numbered list as the commission's reports do (and tells a reader of the text, the
      // intake parser included, that the list is over).
      text: `Lo que se informa a las y los integrantes de ${c.shortName} para los efectos legales a que haya lugar.`,
    },
    { type: 'paragraph', style: 'place', text: `${c.place}, ${longDate(reportDate(r.to))}.` },
    { type: 'signature', lines: [c.signatory.name, ...c.signatory.position].map(upper) },
    { type: 'break' },
    { type: 'heading', level: 2, text: `Anexo. Estado del seguimiento al ${longDate(r.to)}` },
  );
  for (const section of sections(r)) {
    blocks.push({ type: 'heading', level: 3, text: section.title });
    if (section.lines.length === 0) blocks.push({ type: 'paragraph', style: 'body', text: section.empty });
    else
      blocks.push({
        type: 'list',
        ordered: false,
        items: section.lines.map((text) => ({ label: '•', text, items: [] })),
      });
  }
  blocks.push({ type: 'paragraph', style: 'note', text: footer(r) });
  return blocks;
}

function ballOf(d: ReportDocument): string {
  return d.ballInCourt === 'INE'
    ? 'en revisión del INE'
    : d.ballInCourt === 'OPLE'
      ? 'corresponde atender al OPLE'
      : '';
}

/** "Entregable 11, proyecto de prototipo navegable …: con observaciones (2 abiertas); corresponde atender al OPLE, plazo: 27 de febrero de 2024 (vencido)." */
function documentLine(d: ReportDocument): string {
  const phrase = documentPhrase({
    subject: d.title || null,
    deliverable: d.deliverable,
    deliverableVersion: d.versionKind,
  })!;
  const what = phrase.replace(/^(?:el|la|los|las) /, '');
  const observations =
    d.openObservations === 1 ? ' (1 abierta)' : d.openObservations ? ` (${d.openObservations} abiertas)` : '';
  const ball = ballOf(d);
  const due = d.dueDate ? `, plazo: ${longDate(d.dueDate)}${d.overdue ? ' (vencido)' : ''}` : '';
  return `Entregable ${d.deliverable}, ${what}: ${d.status}${observations}${ball ? `; ${ball}` : ''}${ball ? due : ''}.`;
}

/** The gateway's "Entregable 11 (proyecto): Prototipo navegable …" in the annex's words. */
function dueWhat(what: string): string {
  const m = /^Entregable (\d+) \((proyecto|versión final)\): (.*)$/s.exec(what);
  if (!m) return what;
  const phrase = documentPhrase({
    subject: m[3],
    deliverable: Number(m[1]),
    deliverableVersion: m[2] === 'proyecto' ? 'PROYECTO' : 'FINAL',
  })!;
  return `Entregable ${m[1]}, ${phrase.replace(/^(?:el|la|los|las) /, '')}`;
}

/** "INE/UTSI/1312/2024 (5 de marzo de 2024): pendiente de revisión; no se puede asociar …" — number first, as the annex's other oficios. */
const pendingLine = (p: ReportPendingReview) =>
  `${p.number ?? 'Oficio sin número'} (${p.date ? longDate(p.date) : 'sin fecha'})${p.item ? `, elemento «${p.item}»` : ''}: pendiente de revisión; ${p.reasons.join('; ')}.`.replace(
    /\.\.$/,
    '.',
  );

const partyOf = (d: ReportDue) => (d.party === 'INE' ? 'corresponde al INE' : 'corresponde al OPLE');
const overdueLine = (d: ReportDue) => `${dueWhat(d.what)}. Vencía el ${longDate(d.dueDate)}; ${partyOf(d)}.`;
const dueNextLine = (d: ReportDue) => `${capitalize(longDate(d.dueDate))}: ${dueWhat(d.what)}; ${partyOf(d)}.`;

/** Documents in the catalogue's order: entregable, then proyecto before versión final. */
const byDeliverable = (a: ReportDocument, b: ReportDocument) =>
  a.deliverable - b.deliverable || (a.versionKind === b.versionKind ? 0 : a.versionKind === 'PROYECTO' ? -1 : 1);

/** The sections of the annex, in order, each with what it says when it is empty. */
export function sections(r: CorrespondenceReport): Array<{ title: string; empty: string; lines: string[] }> {
  return [
    {
      title: 'Oficios enviados por el OPLE en el periodo',
      empty: 'Ninguno registrado.',
      // Number first, so that a reader of the text (the intake parser too) does not take them for received ones.
      lines: r.sent.map((e) => `${e.number} (${e.date ? longDate(e.date) : 'sin fecha'}): ${wordSentOficio(e.oficio)}`),
    },
    {
      title: 'Estado de los documentos tocados en el periodo',
      empty: 'Ninguno.',
      lines: [...r.documents].sort(byDeliverable).map(documentLine),
    },
    { title: `Vencido al ${longDate(r.to)}`, empty: 'Nada vencido.', lines: r.overdue.map(overdueLine) },
    { title: 'Vence en los 14 días siguientes', empty: 'Nada.', lines: r.dueNext.map(dueNextLine) },
    {
      title: 'Pendiente de revisión',
      empty: 'Nada pendiente de revisión.',
      lines: r.pendingReview.map(pendingLine),
    },
  ];
}

export function footer(r: CorrespondenceReport): string {
  return `Anexo generado por seguimiento el ${DateTime.fromISO(r.generatedAt).setZone('America/Mexico_City').toFormat('yyyy-MM-dd HH:mm')} (tiempo del centro) a partir del registro de la correspondencia.`;
}
