import { squash } from './fold';
import type { OficioKind } from './model';

/**
 * What an oficio is about, in its own words: the object of its main verb ("relativo al proyecto
 * de …", "solicita remita …", "remite el documento “…”"), without the formulas around it.
 */
const MAX_LENGTH = 400;

type Trigger = { re: RegExp; article?: (m: RegExpExecArray) => string };

const articleOf = (m: RegExpExecArray): string => {
  const a = (m[1] ?? '').replace(/\s+/g, ' ');
  if (a === 'al' || a === 'del' || a === 'sobre el' || a === 'el') return 'el ';
  const last = a.split(' ').pop()!;
  return last === 'a' || last === '' ? '' : `${last} `;
};

const NUMBERISH = '[a-z0-9.\\-]+(?:\\s*\\/\\s*[a-z0-9.\\-]+){2,6}';
const REVIEW_TRIGGERS: Trigger[] = [
  { re: /\brelativ[oa]s?\s+(a\s+la|a\s+las|a\s+los|al|a)\s+/g, article: articleOf },
  {
    re: /\ben\s+relacion\s+(a\s+la|a\s+las|a\s+los|al|con\s+la|con\s+las|con\s+los|con\s+el|a|con)\s+/g,
    article: articleOf,
  },
  { re: /\brespecto\s+(a\s+la|a\s+los|a\s+las|al|del|de\s+la|de\s+los|de\s+las|a|de)\s+/g, article: articleOf },
  {
    re: new RegExp(
      `\\boficios?\\s+${NUMBERISH}(?:\\s*,?\\s*(?:e|y)?\\s+${NUMBERISH}){0,6}\\s*,?\\s+(al|a\\s+la|a\\s+los|a\\s+las|del|de\\s+la|de\\s+los|de\\s+las|sobre\\s+el|sobre\\s+la)\\s+`,
      'g',
    ),
    article: articleOf,
  },
  { re: /\bconocimiento\s+(del|de\s+la|de\s+los|de\s+las)\s+/g, article: articleOf },
  { re: /\bobservaciones(?:\s+adicionales)?\s+(al|a\s+la|a\s+los|a\s+las)\s+/g, article: articleOf },
];
const REVIEW_END =
  /,?\s+(?:y\s+|ademas\s+|asimismo\s+|por\s+lo\s+que\s+)?(?:no\s+)?se\s+(?:tienen?|generan?|toma|remiten?|solicita)\b|,?\s+y\s+(?:solicita|requiere|pide)\b|,\s*(?:requerid|remitid|solicitad|mediante|en\s+atencion|se\s|citando|conforme)|,\s*(?:remite|informa)\b|\.(?:\s|$)|;/g;

const REQUEST_TRIGGERS: Trigger[] = [
  { re: /\bsolicit(?:a|an|o)\s+(?:que\s+)?|\brequiere\s+(?:que\s+)?|\bse\s+(?:le\s+)?pide\s+(?:que\s+)?/g },
];
const REQUEST_END =
  /,\s*a\s+fin\s+de\b|,\s*con\s+(?:el\s+)?(?:fin|objeto|proposito)\b|,\s*para\s+(?:dar|efecto)|\.(?:\s|$)|;/g;

const REMINDER_TRIGGERS: Trigger[] = [
  { re: /\brecordatorio\s+(de\s+la|de\s+los|de\s+las|del|de|sobre)\s+/g, article: articleOf },
];
const REMINDER_END = /\s*[,:;•]|\s+siendo\b|\.(?:\s|$)/g;

const INVITATION_TRIGGERS: Trigger[] = [
  {
    re: /\b(?=(?:una|la|el)\s+(?:reunion|sesion|mesa|videoconferencia|taller|capacitacion|presentacion|conversatorio|evento|junta)\b)/g,
  },
];
const INVITATION_END =
  /\s+que\s+se\s+(?:llevara|realizara|celebrara)|\s+(?:el|a\s+celebrarse\s+el)\s+(?:proximo\s+)?(?:dia\s+)?(?:[0-9]|lunes|martes|miercoles|jueves|viernes|sabado|domingo)|,?\s+a\s+las?\s+[0-9]|\.(?:\s|$)|;/g;

const NOTICE_TRIGGERS: Trigger[] = [
  {
    re: /\b(?:se\s+)?(?:remite|remiten|envia|envian|hace\s+llegar|hacen\s+llegar|comparte|da\s+a\s+conocer|difunde|notifica|comunica)\s+/g,
  },
];
const NOTICE_END = /,\s*(?:que|mediante|a\s+fin\s+de|para|con\s+el\s+fin)\b|\.(?:\s|$)|;/g;

const LEAD_IN =
  /^[\s,:;.\-–]*(?:(?:mediante|por\s+medio\s+de|a\s+traves\s+de)\s+(?:(?:el|la)\s+)?cual(?:es)?\s*,?\s*)?(?:(?:se\s+)?(?:informa|informo|comunica|hace\s+del\s+conocimiento)\s+que\s*,?\s*)?/;

function earliest(folded: string, triggers: Trigger[]): { at: number; prefix: string } | null {
  let best: { at: number; index: number; prefix: string } | null = null;
  for (const t of triggers) {
    t.re.lastIndex = 0;
    const m = t.re.exec(folded);
    if (m && (!best || m.index < best.index))
      best = { at: m.index + m[0].length, index: m.index, prefix: t.article ? t.article(m) : '' };
  }
  return best;
}

function endFrom(folded: string, from: number, end: RegExp): number {
  end.lastIndex = from;
  const m = end.exec(folded);
  return m ? m.index : folded.length;
}

function tidy(text: string): string | null {
  let s = squash(text)
    .replace(/\s+([,;.)])/g, '$1')
    .replace(/,\s*,/g, ',')
    .replace(/,([.;)])/g, '$1')
    .replace(/^[\s,;:.\-–]+|[\s,;:.\-–]+$/g, '');
  if (s.length > MAX_LENGTH) {
    const cut = s.lastIndexOf(' ', MAX_LENGTH);
    s = `${s.slice(0, cut > MAX_LENGTH / 2 ? cut : MAX_LENGTH).replace(/[\s,;:.]+$/, '')}…`;
  }
  return s || null;
}

/**
 * @param drop ranges (in the body) left out of the subject: deadline phrases, reminder items.
 */
export function extractSubject(
  kind: OficioKind | null,
  display: string,
  folded: string,
  drop: readonly { start: number; end: number }[] = [],
): string | null {
  const plan: Record<OficioKind, [Trigger[], RegExp]> = {
    REVIEW: [REVIEW_TRIGGERS, REVIEW_END],
    REQUEST: [REQUEST_TRIGGERS, REQUEST_END],
    REMINDER: [REMINDER_TRIGGERS, REMINDER_END],
    INVITATION: [INVITATION_TRIGGERS, INVITATION_END],
    NOTICE: [NOTICE_TRIGGERS, NOTICE_END],
  };
  let start: number;
  let end: number;
  let prefix = '';
  if (kind) {
    // The object of the oficio's main verb; without one, no subject rather than the whole text.
    const found = earliest(folded, plan[kind][0]);
    if (!found) return null;
    start = found.at;
    prefix = found.prefix;
    end = endFrom(folded, start, plan[kind][1]);
  } else {
    start = LEAD_IN.exec(folded)![0].length;
    end = folded.length;
  }
  let text = '';
  let cursor = start;
  for (const d of [...drop].sort((a, b) => a.start - b.start)) {
    if (d.end <= cursor || d.start >= end) continue;
    // "se informe, a más tardar el 4 de marzo, el estatus" → "se informe el estatus".
    let dropStart = d.start;
    let dropEnd = d.end;
    const after = /^[ \t\n]*,/.exec(folded.slice(dropEnd, dropEnd + 8));
    if (after) {
      dropEnd += after[0].length;
      const before = /,[ \t\n]*$/.exec(folded.slice(Math.max(cursor, dropStart - 8), dropStart));
      if (before) dropStart -= before[0].length;
    }
    text += `${display.slice(cursor, Math.max(cursor, dropStart))} `;
    cursor = Math.max(cursor, dropEnd);
  }
  text += display.slice(cursor, Math.max(cursor, end));
  const tidied = tidy(text);
  return tidied ? prefix + tidied : null;
}
