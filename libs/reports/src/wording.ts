import { formatLongDate } from '@seguimiento/intake';
import { DateTime } from 'luxon';
import type { CorrespondenceReport, ReportDocument, ReportDue } from './report.model';

/** 2024-02-18 → "18 de febrero de 2024": the intake parser's own form, so the report reads back. */
export const longDate = formatLongDate;

/** The heading lines of the commission's form. */
export function heading(r: CorrespondenceReport): { title: string; subtitle: string; intro: string; closing: string } {
  return {
    // Ends the numbered list as the commission's reports do (and tells a reader of the text, the
    // intake parser included, that the list is over).
    closing: 'Lo que se informa a las y los integrantes de la Comisión para los efectos conducentes.',
    title: `Informe de la correspondencia del PREP — ${r.ople.acronym}`,
    subtitle: `Periodo del ${longDate(r.from)} al ${longDate(r.to)}`,
    intro:
      `Se informa sobre la correspondencia recibida de la Unidad Técnica de Servicios de Informática del Instituto Nacional Electoral ` +
      `en el periodo, conforme a lo siguiente:`,
  };
}

function ballOf(d: ReportDocument): string {
  return d.ballInCourt === 'INE'
    ? 'el INE (revisa)'
    : d.ballInCourt === 'OPLE'
      ? 'el OPLE (debe atender)'
      : 'nadie (concluido)';
}

function documentLine(d: ReportDocument): string {
  const version = d.versionKind === 'FINAL' ? 'versión final' : 'proyecto';
  const observations =
    d.openObservations === 1
      ? ', 1 observación abierta'
      : d.openObservations
        ? `, ${d.openObservations} observaciones abiertas`
        : '';
  const due = d.dueDate ? `, plazo ${longDate(d.dueDate)}${d.overdue ? ' (VENCIDO)' : ''}` : '';
  return `Entregable ${d.deliverable} (${version}), ${d.title}: ${d.status}; la pelota la tiene ${ballOf(d)}${observations}${due}.`;
}

const overdueLine = (d: ReportDue) => `${d.what} — vencía el ${longDate(d.dueDate)} (${d.party})`;
const dueNextLine = (d: ReportDue) => `${longDate(d.dueDate)}: ${d.what} (${d.party})`;

/** The sections after the numbered list, in order, each with what it says when it is empty. */
export function sections(r: CorrespondenceReport): Array<{ title: string; empty: string; lines: string[] }> {
  return [
    {
      title: 'Oficios enviados por el OPLE en el periodo',
      empty: 'Ninguno registrado.',
      lines: r.sent.map((e) => e.line),
    },
    {
      title: 'Estado de los documentos tocados en el periodo',
      empty: 'Ninguno.',
      lines: r.documents.map(documentLine),
    },
    { title: `Vencido al ${longDate(r.to)}`, empty: 'Nada vencido.', lines: r.overdue.map(overdueLine) },
    { title: 'Vence en los 14 días siguientes', empty: 'Nada.', lines: r.dueNext.map(dueNextLine) },
  ];
}

export function footer(r: CorrespondenceReport): string {
  return `Generado por seguimiento el ${DateTime.fromISO(r.generatedAt).setZone('America/Mexico_City').toFormat('yyyy-MM-dd HH:mm')} (tiempo del centro).`;
}
