/**
 * How the console names a case: by what it is about (the entregable's title and version, the
 * request's subject, the notice's summary), with its id only as a secondary detail; and a
 * document's last oficio, from either side.
 */
import { findDeliverable } from './catalogue';

export interface CaseName {
  /** What a person reads: «16 · Plan de seguridad y plan de continuidad (versión final)». */
  name: string;
  /** The id, shown small beside it. */
  detail: string;
}

const KIND_WORD: Record<string, string> = { document: 'Documento', request: 'Solicitud', notice: 'Aviso' };

/** What is known of a request or a notice: its subject, and for a notice its kind (INVITATION or NOTICE). */
export interface CaseAbout {
  subject: string;
  kind?: string | null;
}

/** The oficio a request or notice key stands for: `ine-utsi-1376-2024` → `INE/UTSI/1376/2024`. */
export const oficioOfKey = (key: string): string => key.toUpperCase().replace(/-/g, '/');

/**
 * A case's name. `subjects` holds what is known of requests and notices (their subject, by id);
 * without it a request is named by the oficio that made it.
 */
export function caseName(streamId: string, subjects: ReadonlyMap<string, CaseAbout> = new Map()): CaseName {
  const [kind, ople, ...rest] = streamId.split(':');
  const key = rest.join(':');
  if (!key) return { name: streamId, detail: streamId };
  if (kind === 'document') {
    const m = /^e(\d{1,2})-(proyecto|final)$/.exec(key);
    const deliverable = m ? findDeliverable(Number(m[1])) : undefined;
    if (deliverable) {
      const version = deliverable.twoVersions ? (m![2] === 'final' ? ' (versión final)' : ' (proyecto)') : '';
      return { name: `${deliverable.number} · ${deliverable.title}${version}`, detail: streamId };
    }
    return { name: `${KIND_WORD.document} ${ople} ${key}`, detail: streamId };
  }
  const about = subjects.get(streamId);
  const word = about?.kind === 'INVITATION' ? 'Invitación' : (KIND_WORD[kind] ?? kind);
  if (about?.subject) return { name: `${word}: ${about.subject}`, detail: streamId };
  if (kind === 'request' || kind === 'notice')
    return { name: `${word} del oficio ${oficioOfKey(key)}`, detail: streamId };
  return { name: `${word} ${ople} ${key}`, detail: streamId };
}

/** A document's rounds as the list reads them. */
interface WithRounds {
  lastOficioNumber?: string | null;
  rounds?: ReadonlyArray<{ submittedBy?: string | null; answeredBy?: string | null }> | null;
}

/**
 * The last oficio on a document, whoever sent it: INE's answer to the latest round, or the OPLE's
 * submission that opened it (`lastOficioNumber` alone names only the OPLE's submissions, and is
 * empty when INE's answers are all that was recorded).
 */
export function lastOficio(doc: WithRounds): string | null {
  const rounds = doc.rounds ?? [];
  for (let i = rounds.length - 1; i >= 0; i -= 1) {
    const r = rounds[i];
    if (r.answeredBy || r.submittedBy) return r.answeredBy ?? r.submittedBy ?? null;
  }
  return doc.lastOficioNumber ?? null;
}
