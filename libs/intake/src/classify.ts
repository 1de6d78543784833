import type { ReviewOutcome } from '@seguimiento/domain';
import type { OficioKind } from './model';

/**
 * The phrase families of INE's oficios (GUIDE §1), matched on folded text (lower case, no
 * accents, any whitespace between words). Order of precedence when several families appear:
 * a review outcome, then a reminder, an invitation, a request, and last a notice.
 */
export const PHRASES = {
  /** "se tienen por atendidas de manera parcial las observaciones …" */
  partiallyAddressed:
    /\bse\s+tienen?\s+por\s+atendidas?\s+(?:(?:de\s+manera|de\s+forma|en\s+forma)\s+parcial\b|en\s+parte\b|parcialmente\b)|\b(?:parcialmente|de\s+manera\s+parcial)\s+atendidas?\b|\batendidas?\s+(?:parcialmente|de\s+manera\s+parcial)\b/,
  /** "se tienen por atendidas las observaciones …" */
  addressed:
    /\bse\s+tienen?\s+por\s+atendidas?\b|\b(?:han|fueron)\s+(?:sido\s+)?atendidas\b|\bse\s+(?:dan|consideran)\s+por\s+atendidas\b/,
  /** "se tiene por recibido …" */
  received: /\bse\s+tienen?\s+por\s+recibid[oa]s?\b|\bse\s+acusa\s+(?:de\s+)?recibo\b/,
  /** "se toma de conocimiento …" (reports) */
  acknowledged: /\bse\s+toma\s+(?:de\s+)?conocimiento\b|\btoma\s+conocimiento\b|\bse\s+tiene\s+por\s+presentad[oa]\b/,
  /** "remite (diversas) observaciones" */
  observationsSent:
    /\b(?:remite|remiten|envia|envian|emite|formula|realiza|hace\s+llegar)\s+(?:las\s+|sus\s+|diversas\s+|algunas\s+|las\s+siguientes\s+)?observaciones\b|(?<!\bno\s{1,3})\bse\s+(?:remiten|emiten|formulan|realizan|envian|generan|tienen)\s+(?:las\s+|diversas\s+|algunas\s+|las\s+siguientes\s+)?observaciones\b(?!\s+adicionales)/,
  /** "además se generan observaciones adicionales" / "y se generan observaciones adicionales" */
  additionalYes:
    /(?<!\bno\s{1,3}(?:se\s{1,3})?)\b(?:se\s+)?(?:generan?|emiten?|formulan?|remiten?)\s+(?:nuevas\s+)?observaciones\s+adicionales\b|(?<!\bno\s{1,3})\bse\s+(?:generan|emiten|formulan)\s+nuevas\s+observaciones\b/,
  /** After observations are judged, "y se generan observaciones" also opens a new round. */
  newRound: /(?<!\bno\s{1,3})\bse\s+(?:generan|emiten|formulan|remiten)\s+(?:diversas\s+|nuevas\s+)?observaciones\b/,
  /** "no se generan (observaciones) adicionales" */
  additionalNo:
    /\bno\s+se\s+(?:generan?|emiten|formulan|tienen)\s+(?:observaciones\s+adicionales|adicionales|nuevas\s+observaciones)\b|\bsin\s+(?:generar\s+)?observaciones\s+adicionales\b/,
  /** "no se generan observaciones" (received / acknowledged) */
  noObservations:
    /\bno\s+se\s+(?:generan|tienen|emiten|formulan|advierten|identificaron|identifican|encontraron)\s+observaciones\b(?!\s+adicionales)|\bsin\s+observaciones\b(?!\s+adicionales)/,
  /** "atento recordatorio de los entregables …" */
  reminder: /\brecordatorio\b|\bse\s+(?:le\s+)?recuerda\b|\ble\s+recuerdo\b|\brecordarle\b/,
  /** "invitación para asistir el 5 de marzo a las 13:00 horas …" */
  invitation: /\binvit(?:acion|a|o|amos|arle|arles)\b|\bconvoca\s+a\s+(?:una\s+|la\s+)?(?:reunion|sesion|mesa)\b/,
  /** "solicita se informe, a más tardar …" / "solicita remita a la UTSI …" */
  request: /\bsolicit(?:a|an|o)\b|\brequiere\b|\bse\s+(?:le\s+)?pide\b|\bpide\s+(?:que|se)\b|\bse\s+sirva\b/,
  /** "remite el documento …" (INE sends information, nothing to answer) */
  notice: /\b(?:remite|remiten|envia|envian|hace\s+llegar|hacen\s+llegar|comparte|da\s+a\s+conocer|difunde)\b/,
  /** Softer verbs of a notice ("comunica", "notifica"): a lower confidence. */
  noticeWeak: /\b(?:notifica|comunica|hace\s+del\s+conocimiento|informa\s+(?:sobre|acerca))\b/,
} as const;

export interface Classification {
  kind: OficioKind | null;
  outcome: ReviewOutcome | null;
  additionalObservations: boolean | null;
  /** Families other than the chosen one that also appear (reviews, reminders, invitations, requests). */
  competing: OficioKind[];
  /** The kind rests only on a soft verb. */
  weak: boolean;
  /** Spanish reasons for a person to look at it. */
  problems: string[];
}

function outcomeOf(t: string): { outcome: ReviewOutcome | null; additional: boolean | null; problems: string[] } {
  const yes = PHRASES.additionalYes.test(t);
  const no = PHRASES.additionalNo.test(t);
  const problems = yes && no ? ['el oficio dice y a la vez niega que se generen observaciones adicionales'] : [];
  const judged = (yes || PHRASES.newRound.test(t)) && !no;
  if (PHRASES.partiallyAddressed.test(t)) return { outcome: 'PARTIALLY_ADDRESSED', additional: judged, problems };
  if (PHRASES.addressed.test(t)) return { outcome: 'ADDRESSED', additional: judged, problems };
  const sent = PHRASES.observationsSent.test(t);
  if (PHRASES.received.test(t) || PHRASES.acknowledged.test(t)) {
    // A first round's observations are the round's, never "adicionales" (the domain refuses both).
    if (sent || yes) return { outcome: 'OBSERVATIONS', additional: false, problems };
    return { outcome: 'ACCEPTED', additional: false, problems };
  }
  if (sent) return { outcome: 'OBSERVATIONS', additional: false, problems };
  if (PHRASES.noObservations.test(t)) return { outcome: 'ACCEPTED', additional: false, problems };
  return { outcome: null, additional: null, problems: [] };
}

/** Kind and, for reviews, outcome of the body of one oficio (folded text). */
export function classify(folded: string): Classification {
  const review = outcomeOf(folded);
  const found: OficioKind[] = [];
  if (review.outcome) found.push('REVIEW');
  if (PHRASES.reminder.test(folded)) found.push('REMINDER');
  if (PHRASES.invitation.test(folded)) found.push('INVITATION');
  if (PHRASES.request.test(folded)) found.push('REQUEST');
  let weak = false;
  if (found.length === 0) {
    if (PHRASES.notice.test(folded)) found.push('NOTICE');
    else if (PHRASES.noticeWeak.test(folded)) {
      found.push('NOTICE');
      weak = true;
    }
  }
  const kind = found[0] ?? null;
  return {
    kind,
    outcome: kind === 'REVIEW' ? review.outcome : null,
    additionalObservations: kind === 'REVIEW' ? review.additional : null,
    competing: found.slice(1),
    weak,
    problems: kind === 'REVIEW' ? review.problems : [],
  };
}
