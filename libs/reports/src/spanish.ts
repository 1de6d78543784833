import { OPLES } from '@seguimiento/domain';

/**
 * Small pieces of Spanish grammar for the report's wording: titles in sentence case, the article
 * a title takes, "de" + "el" → "del", a request's verb turned into a noun ("remita X" → "la
 * remisión de X") and lists joined with "y"/"e".
 */

/** Names that keep their capitals inside a sentence (institutions, instruments, bodies). */
const PROPER_NAMES = [
  'Anexo 13',
  'Anexo 18.5',
  'Reglamento de Elecciones',
  'Reglamento de Comisiones',
  'Lineamientos del PREP',
  'Comité Técnico Asesor',
  'Consejo General',
  'Consejos Distritales',
  'Consejos Municipales',
  'Instituto Nacional Electoral',
  'Unidad Técnica de Servicios de Informática',
  'Organismos Públicos Locales',
  'Proceso Electoral',
  'Procesos Electorales',
  ...OPLES.map((o) => o.state),
  ...OPLES.map((o) => o.acronym),
];

/** "Acuerdo", "Versión": a capital then lower case only (an acronym such as PREP or CATD is kept). */
const CAPITALIZED = /^(\p{Lu})(\p{Ll}+)$/u;

/**
 * A catalogue or reminder title as Spanish writes it inside a sentence: "Versión Final del Plan de
 * Seguridad y Plan de Continuidad" → "versión final del plan de seguridad y plan de continuidad";
 * "Prototipo navegable del sitio …" → "prototipo navegable del sitio …". Acronyms (PREP, CATD,
 * COTAPREP), the names above (institutions, states) and quoted titles (“Manual …”) keep their
 * capitals; a title already in sentence case keeps the capitals it has past its first word (the
 * proper names the list does not know). `capitalized` starts it with a capital (a list item).
 */
export function sentenceCase(title: string, capitalized = false): string {
  const kept: Array<[number, number]> = [];
  for (const name of PROPER_NAMES) {
    for (let i = title.indexOf(name); i >= 0; i = title.indexOf(name, i + name.length)) kept.push([i, i + name.length]);
  }
  for (const quoted of title.matchAll(/[“"«][^”"»]*[”"»]/g)) kept.push([quoted.index, quoted.index + quoted[0].length]);
  const isKept = (at: number) => kept.some(([s, e]) => at >= s && at < e);
  const words = [...title.matchAll(/\p{L}+/gu)].filter((m) => !isKept(m.index));
  // Title Case: a long word after the first starts with a capital (and is no name the list knows).
  const long = words.slice(1).filter((m) => m[0].length >= 4);
  const titleCase = long.some((m) => CAPITALIZED.test(m[0]));
  const lower = new Set(words.filter((m, i) => (i === 0 || titleCase) && CAPITALIZED.test(m[0])).map((m) => m.index));
  const lowered = title.replace(/\p{L}+/gu, (word, at: number) => (lower.has(at) ? word.toLowerCase() : word));
  return capitalized ? capitalize(lowered) : lowered;
}

export function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Words whose article the ending does not tell. */
const ARTICLES: Record<string, string> = {
  acta: 'el',
  plan: 'el',
  día: 'el',
  mapa: 'el',
  sistema: 'el',
  programa: 'el',
  esquema: 'el',
  tema: 'el',
  informes: 'los',
  planes: 'los',
  ente: 'el',
  cualquier: '',
  cualesquiera: '',
};

/** The definite article a noun phrase takes ("el", "la", "los", "las"), or "" when it already has a determiner. */
export function articleOf(phrase: string): string {
  const first =
    phrase
      .trim()
      .split(/[\s,(]+/)[0]
      ?.toLowerCase() ?? '';
  if (/^(?:el|la|los|las|un|una|unos|unas|su|sus|este|esta|estos|estas|dicho|dicha|lo)$/.test(first)) return '';
  if (first in ARTICLES) return ARTICLES[first];
  if (/(?:ción|sión|dad|tud|umbre|a)$/.test(first)) return 'la';
  if (/(?:as)$/.test(first)) return 'las';
  if (/(?:os|es)$/.test(first)) return 'los';
  return 'el';
}

/** The phrase with its article: "plan de trabajo" → "el plan de trabajo". */
export function withArticle(phrase: string): string {
  const article = articleOf(phrase);
  return article ? `${article} ${phrase}` : phrase;
}

/** "a" or "de" before a phrase, contracted: "de" + "el proyecto" → "del proyecto". */
export function after(preposition: 'a' | 'de', phrase: string): string {
  return phrase.startsWith('el ') ? `${preposition}l ${phrase.slice(3)}` : `${preposition} ${phrase}`;
}

/** Version words the title itself may start with, removed before the report says the version its own way. */
const VERSION_LEAD =
  /^(?:(?:la|el|los|las)\s+)?(?:versi[oó]n(?:es)?\s+(?:finale?s?|preliminare?s?|definitivas?)|proyectos?)(?:\s+(?:del?|de\s+la|de\s+los|de\s+las))?\s+/i;

/** "Versión Final del Plan de Seguridad" → "Plan de Seguridad": what a document is, without its version. */
export function withoutVersion(title: string): string {
  const stripped = title.replace(VERSION_LEAD, '');
  return stripped.length > 0 ? stripped : title;
}

/** A request's verb, and the noun that names what it asks for. */
const NOMINAL: Array<[RegExp, string]> = [
  [/^(?:se\s+)?(?:remita|remitan|env[ií]e|env[ií]en|remitir|enviar|hagan?\s+llegar)\s+/i, 'la remisión'],
  [/^(?:se\s+)?(?:proporcione|proporcionen|proporcionar|entregue|entreguen)\s+/i, 'la entrega'],
];
/** Who it is to be sent to ("a la UTSI"), which the noun does not repeat. */
const RECIPIENT = /^a\s+(?:la\s+UTSI|esta\s+Unidad(?:\s+Técnica)?)\s+/i;

/** "remita a la UTSI el instrumento jurídico…" → "la remisión del instrumento jurídico…"; null when the subject is not such a request. */
export function nominalize(subject: string): string | null {
  for (const [verb, noun] of NOMINAL) {
    const m = verb.exec(subject);
    if (!m) continue;
    const object = subject.slice(m[0].length).replace(RECIPIENT, '');
    return object ? `${noun} ${after('de', object)}` : null;
  }
  return null;
}

/** "y" before a word that does not start with the sound /i/, "e" before one that does (Spanish euphony). */
function conjunction(next: string): string {
  return /^(?:i|hi)(?![aeo])/i.test(next) ? 'e' : 'y';
}

/** "a", "a y b", "a, b y c". */
export function joinList(values: readonly string[]): string {
  if (values.length <= 1) return values.join('');
  const last = values[values.length - 1];
  return `${values.slice(0, -1).join(', ')} ${conjunction(last)} ${last}`;
}
