import { isIneOficio } from '@seguimiento/domain';
import { NOTICE_SPEAKS_OF_REVIEW } from './classify';
import type { IngestStep } from './ingest-plan';
import type { ParsedOficio } from './model';

/**
 * The OPLE's own register ("oficios enviados", issue 15, rule 8): entries numbered by the OPLE
 * (`IEPC/GRO/SE/0120/2024`) where it sends INE a document or answers it. INE's phrases that say
 * what a review, a request or a reminder is do not apply to them, so the parser's kind and the
 * doubts it has about it do not matter: what the oficio cites (the INE oficios whose observations
 * or request it answers) and the entregable it names decide where it goes, through the OPLE's
 * door — the same as recordOpleOficio. Null for an oficio that is not the OPLE's (INE's plan applies).
 */
/** The parser's doubt about an oficio's kind, one of the doubts that do not apply to the OPLE's own oficios. */
export const KIND_NOT_RECOGNISED = 'no se reconoce el tipo de oficio';

export function planOutgoing(
  oficio: ParsedOficio,
  ople: string,
  versionOf: (
    deliverable: number,
    stated: ParsedOficio['deliverableVersion'],
    assumptions: string[],
  ) => 'PROYECTO' | 'FINAL',
): IngestStep | null {
  if (!oficio.number || isIneOficio(oficio.number)) return null;
  // Any doubt but the kind (dates, numbers, text) still needs a person: never recorded on a guess.
  const aboutTheKind = (r: string) => r === KIND_NOT_RECOGNISED || r.startsWith(NOTICE_SPEAKS_OF_REVIEW);
  const doubts = oficio.reviewReasons.filter((r) => !aboutTheKind(r));
  if (doubts.length) return { door: 'NONE', reasons: doubts };
  if (!oficio.date) return { door: 'NONE', reasons: ['no se encontró la fecha del oficio'] };
  const cites = oficio.references.filter(isIneOficio);
  // Several entregables: the general plan leaves it to a person, naming them.
  if (oficio.deliverables.length > 1) return null;
  if (cites.length === 0 && oficio.deliverable === null) {
    return {
      door: 'NONE',
      reasons: [
        'no se puede asociar: el oficio del OPLE no cita oficios del INE ni nombra un entregable del lineamiento 33',
      ],
    };
  }
  const assumptions: string[] = [];
  const deliverable = oficio.deliverable ?? undefined;
  return {
    door: 'OPLE',
    input: {
      ople,
      oficioNumber: oficio.number,
      date: oficio.date,
      references: oficio.references,
      deliverable,
      versionKind:
        deliverable !== undefined ? versionOf(deliverable, oficio.deliverableVersion, assumptions) : undefined,
    },
    assumptions,
  };
}
