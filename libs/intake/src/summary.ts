import { findDeliverable, isIneOficio } from '@seguimiento/domain';
import { DateTime } from 'luxon';
import { formatLongDate } from './dates';
import { recogniseDeliverable } from './deliverables';
import { fold } from './fold';
import { zonePhrase } from './meeting';
import type { ParsedOficio } from './model';

/**
 * A one-paragraph Spanish summary of an oficio, for the commission's report. It is written with
 * the very phrases the parser recognises, so that a report entry built from it
 * (formatReportEntry) reads back as the same oficio: number, date, kind, outcome, additional
 * observations, references, deadline, deliverable, reminder items and meeting.
 */
export type SummaryInput = Pick<
  ParsedOficio,
  | 'kind'
  | 'outcome'
  | 'additionalObservations'
  | 'references'
  | 'deliverable'
  | 'deliverableVersion'
  | 'subject'
  | 'deadline'
  | 'items'
  | 'meeting'
> &
  Partial<Pick<ParsedOficio, 'deliverables'>>;

function conjunction(next: string): string {
  return /^(?:i|hi)(?![aeo])/i.test(next) ? 'e' : 'y';
}

function list(values: readonly string[]): string {
  if (values.length <= 1) return values.join('');
  const last = values[values.length - 1];
  return `${values.slice(0, -1).join(', ')} ${conjunction(last)} ${last}`;
}

/** "el oficio X" / "los oficios X e Y", after a preposition: "al oficio X" / "a los oficios …". */
function cited(references: readonly string[], preposition: 'a' | 'mediante'): string {
  if (preposition === 'mediante')
    return references.length === 1 ? `oficio ${references[0]}` : `los oficios ${list(references)}`;
  return references.length === 1 ? `al oficio ${references[0]}` : `a los oficios ${list(references)}`;
}

/** "a" + "el proyecto" → "al proyecto". */
function toward(phrase: string): string {
  return phrase.startsWith('el ') ? `al ${phrase.slice(3)}` : `a ${phrase}`;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function tag(o: SummaryInput): string {
  if (o.deliverable === null) return '';
  const version =
    o.deliverableVersion === 'FINAL' ? ', versión final' : o.deliverableVersion === 'PROYECTO' ? ', proyecto' : '';
  const several = o.deliverables && o.deliverables.length > 1 ? o.deliverables : null;
  return several ? `entregables ${list(several.map(String))}${version}` : `entregable ${o.deliverable}${version}`;
}

function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((n, i) => n === b[i]);
}

/** What the oficio is about: its subject tagged with the entregable, or the entregable alone. */
function object(o: SummaryInput): string | null {
  const t = tag(o);
  if (o.subject && t) {
    // The subject may already say it ("remita el entregable 34").
    const said = recogniseDeliverable(fold(o.subject));
    const named = o.deliverables && o.deliverables.length > 1 ? o.deliverables : [o.deliverable!];
    if (said.source === 'EXPLICIT' && sameNumbers(said.deliverables, named) && said.version === o.deliverableVersion)
      return o.subject;
    return `${o.subject} (${t})`;
  }
  if (o.subject) return o.subject;
  if (t) return `el ${t} (“${findDeliverable(o.deliverable!)?.title ?? ''}”)`;
  return null;
}

function meetingPhrase(o: SummaryInput): string {
  const at = DateTime.fromISO(o.meeting!.at, { setZone: true }).setZone(o.meeting!.zone);
  return `el ${formatLongDate(at.toISODate()!)} a las ${at.toFormat('HH:mm')} horas (${zonePhrase(o.meeting!.zone)})`;
}

function deadlinePhrase(deadline: string): string {
  return `a más tardar el ${formatLongDate(deadline)}`;
}

function reviewSentence(o: SummaryInput, obj: string | null): string {
  const refs = o.references;
  const about = obj ? `, relativas ${toward(obj)}` : '';
  const additional = o.additionalObservations
    ? 'y se generan observaciones adicionales'
    : 'y no se generan observaciones adicionales';
  switch (o.outcome) {
    case 'PARTIALLY_ADDRESSED':
    case 'ADDRESSED': {
      const how =
        o.outcome === 'PARTIALLY_ADDRESSED' ? 'se tienen por atendidas de manera parcial' : 'se tienen por atendidas';
      // The OPLE's answers first ("en atención al oficio IEEM/…"), then INE's oficios whose
      // observations are judged — when that is the order they were cited in.
      const firstIne = refs.findIndex((r) => isIneOficio(r));
      const split = firstIne > 0 && refs.slice(firstIne).every((r) => isIneOficio(r));
      const answers = split ? refs.slice(0, firstIne) : [];
      const judged = split ? refs.slice(firstIne) : refs;
      const lead = answers.length ? `En atención ${cited(answers, 'a')}, informa` : 'Informa';
      const which = judged.length
        ? `las observaciones remitidas mediante ${cited(judged, 'mediante')}`
        : 'las observaciones formuladas previamente';
      return `${lead} que ${how} ${which}${about}, ${additional}.`;
    }
    case 'ACCEPTED': {
      const lead = refs.length ? `, en atención ${cited(refs, 'a')}` : '';
      return `Informa que${lead}${obj ? `, relativo ${toward(obj)}` : ''}, se tiene por recibido y no se generan observaciones.`;
    }
    case 'OBSERVATIONS':
    default: {
      const lead = refs.length ? `En atención ${cited(refs, 'a')}, remite` : 'Remite';
      return `${lead} diversas observaciones${obj ? ` relativas ${toward(obj)}` : ''}${o.additionalObservations ? ', además se generan observaciones adicionales' : ''}.`;
    }
  }
}

export function summarize(o: SummaryInput): string {
  const obj = object(o);
  const lead = (verb: string) =>
    o.references.length ? `En atención ${cited(o.references, 'a')}, ${verb}` : capitalize(verb);
  const deadlineSentence = o.deadline ? ` Plazo: ${deadlinePhrase(o.deadline)}.` : '';
  switch (o.kind) {
    case 'REVIEW':
      return reviewSentence(o, obj) + deadlineSentence;
    case 'REQUEST':
      return `${lead('solicita')} ${obj ?? 'información'}${o.deadline ? `, ${deadlinePhrase(o.deadline)}` : ''}.`;
    case 'REMINDER': {
      const of = o.subject
        ? o.subject.startsWith('el ')
          ? `del ${o.subject.slice(3)}`
          : `de ${o.subject}`
        : 'de los entregables siguientes';
      const head = `${lead('hace un atento recordatorio')} ${of}`;
      const tagged = o.items.length === 0 && o.deliverable !== null ? ` (${tag(o)})` : '';
      const due = o.deadline ? `, ${deadlinePhrase(o.deadline)}` : '';
      if (o.items.length === 0) return `${head}${tagged}${due}.`;
      const items = o.items.map(
        (i) => `• ${i.title}${i.dueDate ? ` (Con plazo máximo de remisión al ${formatLongDate(i.dueDate)})` : ''}`,
      );
      return `${head}${due}: ${items.join('; ')}.`;
    }
    case 'INVITATION': {
      const to = obj ?? 'una reunión de trabajo';
      if (!o.meeting) return `${lead('hace una invitación')} ${toward(to)}.${deadlineSentence}`;
      return `${lead('hace la invitación para asistir')} ${meetingPhrase(o)} ${toward(to)}.${deadlineSentence}`;
    }
    case 'NOTICE':
      return `${lead('remite')} ${obj ?? 'información'}.${deadlineSentence}`;
    default: {
      const refs = o.references.length
        ? ` (cita ${o.references.length === 1 ? 'el oficio' : 'los oficios'} ${list(o.references)})`
        : '';
      return `Oficio cuyo tipo no se reconoce${refs}${obj ? `: ${obj}` : ''}.${deadlineSentence}`;
    }
  }
}

/**
 * One entry of the commission's correspondence report:
 * `N. <fecha en letra>, oficio <número>: <resumen>`. `index` is the entry's position in the list
 * (0-based, as Array.prototype.map gives it); the entry is numbered index + 1.
 */
export function formatReportEntry(o: SummaryInput & Pick<ParsedOficio, 'number' | 'date'>, index: number): string {
  const date = o.date ? formatLongDate(o.date) : 'sin fecha';
  return `${index + 1}. ${date}, oficio ${o.number ?? 'sin número'}: ${summarize(o)}`;
}
