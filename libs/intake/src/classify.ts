import type { ReviewOutcome } from '@seguimiento/domain';
import type { OficioKind } from './model';

/**
 * The phrase families of INE's oficios (GUIDE §1), matched on folded text (lower case, no
 * accents, any whitespace between words). Order of precedence when several families appear:
 * a review outcome, then a reminder, an invitation, a request, and last a notice.
 */
/** "atendidas" and its synonyms in the reviews' wording: solventadas, subsanadas. */
const MET = '(?:atendid[oa]s?|solventad[oa]s?|subsanad[oa]s?)';
/** Saying that observations are met: "se tienen por atendidas", "quedan solventadas", "fueron atendidas". */
const MET_VERB = `(?:\\bse\\s+(?:tienen?|tuvieron|dan|dieron|consideran?)\\s+por\\s+${MET}|\\b(?:(?:se\\s+)?(?:tienen?|dan|consideran?)\\s+por|quedan?|quedaron|fueron|han\\s+sido|resultan?|estan|se\\s+encuentran)\\s+(?:debidamente\\s+|plenamente\\s+)?${MET})`;
const PARTIAL = '(?:(?:de\\s+manera|de\\s+forma|en\\s+forma)\\s+parcial\\b|en\\s+parte\\b|parcialmente\\b)';
/** Verbs by which INE sends or makes observations, in the present, the past and "me permito …". */
const SEND =
  '(?:remiten?|remitio|remitieron|envian?|envio|emiten?|emitio|formulan?|formulo|realizan?|realizo|hacen?\\s+llegar|hizo\\s+llegar|presenta|comparte|turna|(?:me|nos)\\s+permit(?:o|imos)\\s+(?:remitir|enviar|emitir|formular|realizar|hacer\\s+llegar|hacerle\\s+llegar|compartir))';

export const PHRASES = {
  /** "se tienen por atendidas de manera parcial las observaciones …", "quedan solventadas parcialmente" */
  partiallyAddressed: new RegExp(
    `${MET_VERB}\\s+${PARTIAL}|\\b(?:parcialmente|de\\s+manera\\s+parcial)\\s+${MET}\\b|\\b${MET}\\s+${PARTIAL}|${MET_VERB}[^.;]{0,12}\\bno\\s+en\\s+su\\s+totalidad\\b`,
  ),
  /** "se tienen por atendidas las observaciones …", "quedan atendidas en su totalidad", "se tienen por solventadas" */
  addressed: new RegExp(`${MET_VERB}\\b`),
  /** "no se tienen por atendidas": said, but not what the outcome is. */
  notAddressed: new RegExp(
    `\\bno\\s+(?:se\\s+)?(?:tienen?|dan|consideran?|quedan?|fueron|han\\s+sido)\\s+(?:por\\s+)?${MET}`,
  ),
  /** "se tiene por recibido …" */
  received: /\bse\s+tienen?\s+por\s+recibid[oa]s?\b|\bse\s+acusa\s+(?:de\s+)?recibo\b/,
  /** "se toma de conocimiento …" (reports) */
  acknowledged: /\bse\s+toma\s+(?:de\s+)?conocimiento\b|\btoma\s+conocimiento\b|\bse\s+tiene\s+por\s+presentad[oa]\b/,
  /**
   * "remite (diversas) observaciones", and how people paraphrase it: "remite sus comentarios al
   * proyecto", "remite el documento con las observaciones derivadas de la revisión", "hace llegar
   * las observaciones realizadas", "formuló diversas observaciones", "me permito remitir …".
   */
  observationsSent: new RegExp(
    `(?<!\\bno\\s{1,3}(?:se\\s{1,3})?)\\b(?:se\\s+)?${SEND}\\s+(?:(?:el|los|la|un|una)\\s+(?:documento|documentos|anexo|anexos|archivo|formato|cedula|oficio|nota|tabla|relacion)\\s+(?:con|que\\s+contiene|que\\s+contienen|en\\s+el\\s+que\\s+se\\s+precisan)\\s+)?(?:las\\s+|los\\s+|sus\\s+|diversas\\s+|diversos\\s+|algunas\\s+|algunos\\s+|las\\s+siguientes\\s+|los\\s+siguientes\\s+)?(?:observaciones|comentarios)\\b(?!\\s+(?:atendid|solventad))|(?<!\\bno\\s{1,3})\\bse\\s+(?:remiten|emiten|formulan|realizan|envian|generan|tienen|hacen\\s+llegar)\\s+(?:las\\s+|diversas\\s+|algunas\\s+|las\\s+siguientes\\s+)?observaciones\\b(?!\\s+adicionales)|\\besta\\s+unidad\\s+(?:formula|emite|realiza|remite)\\s+(?:diversas\\s+|las\\s+siguientes\\s+)?observaciones\\b`,
  ),
  /** "además se generan observaciones adicionales" / "y se generan observaciones adicionales" */
  additionalYes:
    /(?<!\bno\s{1,3}(?:se\s{1,3})?)(?<!\bsin\s{1,3}(?:que\s{1,3})?(?:se\s{1,3})?)\b(?:se\s+)?(?:generan?|emiten?|formulan?|remiten?)\s+(?:nuevas\s+)?observaciones\s+adicionales\b|(?<!\bno\s{1,3})\bse\s+(?:generan|emiten|formulan)\s+nuevas\s+observaciones\b/,
  /** After observations are judged, "y se generan observaciones" also opens a new round. */
  newRound:
    /(?<!\bno\s{1,3})(?<!\bsin\s{1,3}que\s{1,3})\bse\s+(?:generan|emiten|formulan|remiten)\s+(?:diversas\s+|nuevas\s+)?observaciones\b/,
  /** "no se generan (observaciones) adicionales", "sin que se generen observaciones adicionales" */
  additionalNo:
    /\bno\s+se\s+(?:generan?|emiten|formulan|tienen|advierten)\s+(?:observaciones\s+adicionales|adicionales|nuevas\s+observaciones)\b|\bsin\s+(?:generar\s+|que\s+se\s+(?:generen|emitan|formulen)\s+)?(?:observaciones\s+adicionales|nuevas\s+observaciones|adicionales)\b|\bno\s+(?:existen|hay)\s+observaciones\s+adicionales\b/,
  /** "no se generan observaciones" (received / acknowledged) */
  noObservations:
    /\bno\s+se\s+(?:generan|tienen|emiten|formulan|advierten|identificaron|identifican|encontraron)\s+observaciones\b(?!\s+adicionales)|\bsin\s+observaciones\b(?!\s+adicionales)|\bno\s+(?:existen|hay|tiene|tenemos)\s+observaciones\b(?!\s+adicionales)/,
  /** "atento recordatorio de los entregables …" */
  reminder: /\brecordatorio\b|\bse\s+(?:le\s+)?recuerda\b|\ble\s+recuerdo\b|\brecordarle\b/,
  /** "invitación para asistir el 5 de marzo a las 13:00 horas …" */
  invitation: /\binvit(?:acion|a|o|amos|arle|arles)\b|\bconvoca\s+a\s+(?:una\s+|la\s+)?(?:reunion|sesion|mesa)\b/,
  /** "solicita se informe, a más tardar …" / "solicita remita a la UTSI …" */
  request: /\bsolicit(?:a|an|o)\b|\brequiere\b|\bse\s+(?:le\s+)?pide\b|\bpide\s+(?:que|se)\b|\bse\s+sirva\b/,
  /** "remite el documento …" (INE sends information, nothing to answer) */
  notice: /\b(?:remite|remiten|remitio|envia|envian|hace\s+llegar|hacen\s+llegar|comparte|da\s+a\s+conocer|difunde)\b/,
  /** Softer verbs of a notice ("comunica", "notifica"): a lower confidence. */
  noticeWeak: /\b(?:notifica|comunica|hace\s+del\s+conocimiento|informa\s+(?:sobre|acerca))\b/,
  /** Words of a review that a notice should not carry: it may be a review said in other words. */
  reviewWords: /\b(?:observaciones|comentarios|revision|atendid[oa]s|solventad[oa]s)\b/,
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
  if (PHRASES.notAddressed.test(t))
    problems.push('dice que las observaciones no se tienen por atendidas: no se sabe si se atendieron en parte');
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
  return { outcome: null, additional: null, problems };
}

/**
 * The text with what is quoted blanked out (same length): a document's title in quotes
 * (“Observaciones generales al PREP”, “Invitación a …”) says nothing about what the oficio does.
 */
export function maskQuoted(folded: string): string {
  return folded.replace(
    /“[^“”\n]{0,300}”|"[^"\n]{0,300}"/g,
    (m) => `${m[0]}${' '.repeat(m.length - 2)}${m[m.length - 1]}`,
  );
}

/** The start of the doubt about a notice that speaks of observations (INE's vocabulary: not the OPLE's oficios). */
export const NOTICE_SPEAKS_OF_REVIEW = 'parece un aviso, pero habla de';

/** Kind and, for reviews, outcome of the body of one oficio (folded text). */
export function classify(text: string): Classification {
  const folded = maskQuoted(text);
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
  const problems = kind === 'REVIEW' ? review.problems : [];
  // Never a silent misreading: a notice that speaks of observations may be a review said otherwise.
  const said = kind === 'NOTICE' ? PHRASES.reviewWords.exec(folded) : null;
  if (said)
    problems.push(`${NOTICE_SPEAKS_OF_REVIEW} «${said[0]}»: revise si remite observaciones o las tiene por atendidas`);
  if (kind !== 'REVIEW' && review.problems.length) problems.push(...review.problems);
  return {
    kind,
    outcome: kind === 'REVIEW' ? review.outcome : null,
    additionalObservations: kind === 'REVIEW' ? review.additional : null,
    competing: found.slice(1),
    weak,
    problems,
  };
}
