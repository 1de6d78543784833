import { findDeliverable, isIneOficio } from '@seguimiento/domain';
import { formatLongDate, type SummaryInput } from '@seguimiento/intake';
import { DateTime } from 'luxon';
import { after, capitalize, joinList, nominalize, sentenceCase, withArticle, withoutVersion } from './spanish';

/**
 * How the commission's report words one oficio, in the Spanish of the seed's report: "mediante el
 * cual informa que se tienen por atendidas las observaciones remitidas mediante oficio … relativas
 * al proyecto de …", a reminder's entregables as a list of their own. Written so that the intake
 * parser reads the entry back as the same oficio (kind, outcome, citations, entregable, deadlines,
 * items and meeting): the report can be ingested again.
 */
export interface OficioWording {
  /** What follows "<fecha>, oficio <número>, ": "mediante el cual …". */
  text: string;
  /** A reminder's entregables, one line each ("Informe … (con plazo máximo de remisión al 5 de abril de 2024);"). */
  items: string[];
}

const ZONE_PHRASES: Record<string, string> = {
  'America/Mexico_City': 'tiempo del centro',
  'America/Mazatlan': 'tiempo del Pacífico',
  'America/Tijuana': 'tiempo del noroeste',
  'America/Cancun': 'tiempo del sureste',
};

/** "el oficio X" / "los oficios X e Y", after "mediante": "mediante oficio X" / "mediante los oficios X e Y". */
function cited(references: readonly string[], preposition: 'al' | 'mediante'): string {
  if (preposition === 'mediante')
    return references.length === 1 ? `oficio ${references[0]}` : `los oficios ${joinList(references)}`;
  return references.length === 1 ? `al oficio ${references[0]}` : `a los oficios ${joinList(references)}`;
}

/** " (entregable 11)", " (entregables 18 y 19)": what the system recorded, said explicitly so that it reads back. */
function tag(o: SummaryInput): string {
  if (o.deliverable === null) return '';
  const several = o.deliverables && o.deliverables.length > 1 ? o.deliverables : null;
  return several ? ` (entregables ${joinList(several.map(String))})` : ` (entregable ${o.deliverable})`;
}

/**
 * The document an oficio is about, with its version, in sentence case: "el proyecto de plan de
 * seguridad y plan de continuidad", "la versión final del instrumento jurídico …". Null when
 * neither a subject nor an entregable is known.
 */
export function documentPhrase(o: Pick<SummaryInput, 'subject' | 'deliverable' | 'deliverableVersion'>): string | null {
  const title = o.subject ?? (o.deliverable !== null ? (findDeliverable(o.deliverable)?.title ?? null) : null);
  if (!title) return null;
  const what = sentenceCase(withoutVersion(title));
  if (o.deliverableVersion === 'PROYECTO') return `el proyecto de ${what}`;
  if (o.deliverableVersion === 'FINAL') return `la versión final ${after('de', withArticle(what))}`;
  return withArticle(what);
}

function deadlinePhrase(deadline: string): string {
  return `a más tardar el ${formatLongDate(deadline)}`;
}

function meetingPhrase(meeting: NonNullable<SummaryInput['meeting']>): string {
  const at = DateTime.fromISO(meeting.at, { setZone: true }).setZone(meeting.zone);
  const zone = ZONE_PHRASES[meeting.zone] ?? 'tiempo del centro';
  return `el ${formatLongDate(at.toISODate()!)} a las ${at.toFormat('HH:mm')} horas (${zone})`;
}

/** "se tienen por atendidas … y no se generan observaciones adicionales", with the oficios cited and what it is about. */
function reviewText(o: SummaryInput, about: string | null): string {
  const refs = o.references;
  // The OPLE's answers ("en atención al oficio IEPC/…") and INE's oficios whose observations are judged.
  const answers = refs.filter((r) => !isIneOficio(r));
  const judged = refs.filter((r) => isIneOficio(r));
  const attending = answers.length ? `, en atención ${cited(answers, 'al')},` : '';
  const additional = o.additionalObservations
    ? 'y se generan observaciones adicionales'
    : 'y no se generan observaciones adicionales';
  switch (o.outcome) {
    case 'PARTIALLY_ADDRESSED':
    case 'ADDRESSED': {
      const how =
        o.outcome === 'PARTIALLY_ADDRESSED' ? 'se tienen por atendidas de manera parcial' : 'se tienen por atendidas';
      const which = judged.length
        ? `las observaciones remitidas mediante ${cited(judged, 'mediante')}`
        : 'las observaciones formuladas previamente';
      const relating = about ? ` relativas ${after('a', about)}${tag(o)}` : tag(o);
      return `mediante el cual informa que${attending} ${how} ${which}${relating}, ${additional}.`;
    }
    case 'ACCEPTED': {
      // A document received, or what a request asked for ("remita …" → "la remisión de …", requerido mediante oficio …).
      const what = (o.subject ? nominalize(o.subject) : null) ?? about;
      const clauses = [
        ...(answers.length ? [`en atención ${cited(answers, 'al')}`] : []),
        ...(what ? [`relativo ${after('a', what)}${tag(o)}`] : []),
        ...(judged.length ? [`requerido mediante ${cited(judged, 'mediante')}`] : []),
      ];
      const lead = clauses.length ? `, ${clauses.join(', ')}, ` : `${tag(o)} `;
      return `mediante el cual informa que${lead}se tiene por recibido y no se generan observaciones.`;
    }
    case 'OBSERVATIONS':
    default: {
      const citing = refs.length ? `, en atención ${cited(refs, 'al')},` : '';
      const relating = about ? ` relativas ${after('a', about)}${tag(o)}` : tag(o);
      const more = o.additionalObservations ? ', además se generan observaciones adicionales' : '';
      const due = o.deadline ? `, y solicita se atiendan ${deadlinePhrase(o.deadline)}` : '';
      return `mediante el cual${citing} remite diversas observaciones${relating}${more}${due}.`;
    }
  }
}

/** One oficio INE sent, as the commission's report words it. */
export function wordOficio(o: SummaryInput): OficioWording {
  const attending = o.references.length ? `, en atención ${cited(o.references, 'al')},` : '';
  switch (o.kind) {
    case 'REVIEW':
      return { text: reviewText(o, documentPhrase(o)), items: [] };
    case 'REQUEST': {
      const what = o.subject ?? (o.deliverable !== null ? after('de', documentPhrase(o) ?? '') : null);
      const asked = what ? ` ${o.subject ? what : `la remisión ${what}`}${tag(o)}` : ` información${tag(o)}`;
      const due = o.deadline ? `, ${deadlinePhrase(o.deadline)}` : '';
      return { text: `mediante el cual${attending} solicita${asked}${due}.`, items: [] };
    }
    case 'REMINDER': {
      if (o.items.length === 0) {
        const what = documentPhrase(o) ?? 'los entregables pendientes';
        const due = o.deadline ? `, ${deadlinePhrase(o.deadline)}` : '';
        return {
          text: `mediante el cual${attending} se hace un atento recordatorio ${after('de', what)}${tag(o)}${due}.`,
          items: [],
        };
      }
      const items = o.items.map((item, i) => {
        const due = item.dueDate ? ` (con plazo máximo de remisión al ${formatLongDate(item.dueDate)})` : '';
        return `${sentenceCase(item.title, true)}${due}${i === o.items.length - 1 ? '.' : ';'}`;
      });
      const due = o.deadline ? `, ${deadlinePhrase(o.deadline)},` : '';
      return {
        text: `mediante el cual${attending} se hace un atento recordatorio de los entregables siguientes${due}:`,
        items,
      };
    }
    case 'INVITATION': {
      const to = o.subject ?? 'una reunión de trabajo';
      const when = o.meeting ? ` para asistir ${meetingPhrase(o.meeting)}` : '';
      const due = o.deadline ? `, con respuesta ${deadlinePhrase(o.deadline)}` : '';
      return {
        text: `mediante el cual${attending} se hace la invitación${when} ${after('a', to)}${tag(o)}${due}.`,
        items: [],
      };
    }
    case 'NOTICE': {
      const what = o.subject ?? documentPhrase(o) ?? 'información';
      const due = o.deadline ? `, ${deadlinePhrase(o.deadline)}` : '';
      return { text: `mediante el cual${attending} remite ${what}${tag(o)}${due}.`, items: [] };
    }
    default: {
      const refs = o.references.length
        ? ` (cita ${o.references.length === 1 ? 'el oficio' : 'los oficios'} ${joinList(o.references)})`
        : '';
      const what = o.subject ?? documentPhrase(o);
      return { text: `cuyo asunto no se reconoce${refs}${what ? `: ${what}` : ''}.`, items: [] };
    }
  }
}

/** One oficio the OPLE sent, for the annex: "remite el proyecto de … (entregable 16), en atención al oficio …". */
export function wordSentOficio(o: SummaryInput): string {
  const what = documentPhrase(o);
  const attending = o.references.length ? `, en atención ${cited(o.references, 'al')}` : '';
  return capitalize(`${what ? `remite ${what}` : 'oficio del OPLE'}${tag(o)}${attending}.`);
}
