import { DocumentVersionKind, findDeliverable } from '@seguimiento/domain';

/**
 * Which entregable(s) of lineamiento 33 a text speaks of (folded text). Three kinds of evidence,
 * in this order of trust:
 *  1. EXPLICIT: the number said as such — "entregable 15" (optionally ", proyecto" /
 *     ", versión final"), "numeral 33, documento 34", "lineamiento 33, documento 34",
 *     "documento 34 del numeral 33", "entregables 18 y 19";
 *  2. TITLE: the official title of lineamiento 33 or one of its usual short forms
 *     ("instrumento jurídico … ente auditor", "Informe general del desempeño en todos los
 *     simulacros");
 *  3. NUMERAL: a plain "numeral 15", which may be a numeral of the Anexo rather than an
 *     entregable.
 * The strongest evidence decides; weaker evidence that names another entregable is kept in
 * `setAside`, for the caller to report as a note. Title rules are tried most specific first.
 * Never a guess: a text that says none of these recognises nothing.
 */
const RULES: readonly [number, RegExp][] = [
  [
    29,
    /\binformes?\s+(?:finale?s?|de\s+evaluacion)\s+(?:y\s+de\s+evaluacion\s+)?(?:de\s+la\s+operacion\s+)?(?:del|emitidos?\s+por\s+el)\s+(?:ente|instancia)\s+auditor/,
  ],
  [32, /\binforme\s+final\s+del\s+(?:cotaprep|comite\s+tecnico\s+asesor)/],
  [31, /\binforme\s+final\s+del\s+(?:prep|programa\s+de\s+resultados)/],
  [15, /\b(?:instrumento\s+juridico|convenio|contrato)\b[^.;•]{0,160}?\b(?:ente|instancia)\s+auditor/],
  [
    10,
    /\b(?:instrumento\s+juridico|convenio|contrato)\b[^.;•]{0,160}?\b(?:tercero|ente\s+especializado|empresa|proveedor|acompanamiento|soporte)/,
  ],
  [9, /\b(?:candidat[oa]s?|propuestas?|aspirantes?)\s+(?:a|de|para)\s+(?:los?\s+)?(?:entes?|instancias?)\s+auditor/],
  [
    14,
    /\bdesignacion\s+(?:y\s+aceptacion\s+)?(?:del|de\s+la|de)\s+(?:ente|instancia)\s+auditor|\bdesigna(?:r|ra)?\s+al?\s+(?:ente|instancia)\s+auditor/,
  ],
  [26, /\bdirecci(?:on|ones)\s+electronicas?\s+del\s+prototipo\s+navegable\b[^.;•]{0,80}?\bsimulacros/],
  [11, /\bprototipo\s+navegable|\bformato\s+de\s+(?:la\s+|las\s+)?bases?\s+de\s+datos/],
  [18, /\bactualizaciones\s+por\s+hora\s*,?\s+de\s+(?:los\s+)?datos/],
  [19, /\bactualizaciones\s+por\s+hora\s*,?\s+de\s+(?:las\s+)?bases\s+de\s+datos/],
  [20, /\bultima\s+actualizacion/],
  [17, /\binicio\s+de\s+(?:la\s+)?publicacion/],
  [23, /\bevaluacion\s+de\s+(?:la\s+)?(?:ejecucion\s+de\s+(?:la\s+|las\s+)?)?pruebas?\b/],
  [22, /\bconsultar?\s+(?:via\s+)?remota|\bprocedimiento\s+para\s+consultar/],
  [
    27,
    /\binformes?\s+(?:general\s+)?(?:(?:de|del|sobre\s+el)\s+desempeno\s+)?(?:de|en|sobre)\s+(?:todos\s+)?(?:los\s+)?simulacros/,
  ],
  [21, /\b(?:fecha|lugar)\b[^.;•]{0,60}?\b(?:pruebas?|simulacros?)\b/],
  [28, /\bcierre\s+de\s+(?:la\s+)?publicacion/],
  [
    30,
    /\bactas?\s+notariale?s?\b|\bconstancias?\b[^.;•]{0,80}?\bfe\s+publica\b|\batestiguad[oa]s?\s+por\s+(?:un\s+)?tercero\s+con\s+fe\s+publica/,
  ],
  [24, /\bconvocatoria\b[^.;•]{0,40}?\bdifusores/],
  [25, /\b(?:lista|listado|relacion)\s+de\s+(?:los\s+)?difusores/],
  [26, /\bdirecci(?:on|ones)\s+electronicas?\b[^.;•]{0,60}?\b(?:publicacion|simulacros)/],
  [16, /\bplan(?:es)?\s+de\s+(?:seguridad|continuidad)/],
  [8, /\bproceso\s+tecnico[\s-]*operativo/],
  [12, /\bubicacion\b[^.;•]{0,40}?\b(?:catd|ccv|centros\s+de\s+acopio|centros\s+de\s+captura)/],
  [13, /\bsupervision\b[^.;•]{0,60}?\b(?:catd|centros\s+de\s+acopio)|\bconsejos?\b[^.;•]{0,80}?\bsupervis/],
  [4, /\bintegracion\s+del\s+(?:cotaprep|comite\s+tecnico\s+asesor)/],
  [5, /\bcalendario\s+de\s+sesiones|\bplan\s+de\s+trabajo\b[^.;•]{0,20}?\bcotaprep/],
  [6, /\bplan\s+de\s+trabajo\b/],
  [
    7,
    /\bpor\s+si\s+mism[oa]s?\b|\b(?:operacion|implementacion)\s+del\s+prep\b[^.;•]{0,60}?\btercero|\bcon\s+(?:el\s+)?apoyo\s+de\s+(?:un\s+)?tercero/,
  ],
  [3, /\binformes?\s+mensual(?:es)?\b|\binforme\s+(?:del|correspondiente\s+al)\s+mes\b|\binformes?\s+de\s+avances?\b/],
  [2, /\binstancia\s+interna\b/],
  [1, /\b(?:creacion|instalacion)\s+de\s+la\s+comision/],
  [33, /\bcualquier\s+modificacion\s+a\s+(?:lo\s+anterior|los\s+documentos\s+antes\s+senalados)/],
  [
    34,
    /\bcualquier\s+otro\s+documento\b[^.;•]{0,80}?\b(?:prep|programa\s+de\s+resultados|implementacion\s+y\s+operacion)/,
  ],
];

/**
 * Titles that name two entregables at once, as one oficio about both does ("los acuerdos por los
 * que se determina el número de actualizaciones por hora de los datos y de las bases de datos").
 * Tried before RULES; each pattern names its entregables in the order the text says them.
 */
const JOINT_RULES: readonly [readonly number[], RegExp][] = [
  [
    [18, 19],
    /\bactualizaciones\s+por\s+hora\s*,?\s+de\s+(?:los\s+)?datos\s*(?:,|\by\b|\be\b)\s*(?:de\s+)?(?:las\s+)?bases\s+de\s+datos/,
  ],
  [
    [19, 18],
    /\bactualizaciones\s+por\s+hora\s*,?\s+de\s+(?:las\s+)?bases\s+de\s+datos\s*(?:,|\by\b|\be\b)\s*(?:de\s+)?(?:los\s+)?datos\b/,
  ],
  [
    [17, 20],
    /\bfecha\s+y\s+hora\s+de\s+(?:la\s+)?inicio\s+de\s+(?:la\s+)?publicacion\b[^.;•]{0,120}?\b(?:y|asi\s+como)\s+(?:la\s+|de\s+la\s+)?(?:fecha\s+y\s+hora\s+de\s+(?:la\s+)?(?:publicacion\s+de\s+la\s+)?)?ultima\s+actualizacion/,
  ],
  [
    [12, 13],
    /\bubicacion\b[^.;•]{0,40}?\b(?:catd|ccv)\b[^.;•]{0,160}?\by\s+(?:por\s+el\s+que\s+se\s+instruye\s+a\s+)?(?:los\s+)?consejos\b[^.;•]{0,80}?\bsupervis/,
  ],
];

/** One number, or a list of them: "18", "18 y 19", "17, 18, 19 y 20" (not "15, 16 de marzo"). */
const LIST = '([0-9]{1,2}(?![0-9])(?:\\s*(?:,|\\by\\b|\\be\\b)\\s*[0-9]{1,2}(?![0-9])(?!\\s+de\\s+[a-z]))*)';
const TAG = new RegExp(
  `\\bentregables?\\s+(?:(?:n(?:um(?:ero)?)?\\.?|no\\.)\\s*)?${LIST}(?:\\s*,\\s*(proyecto|version\\s+final|version\\s+preliminar))?`,
);
const DOCUMENT_WORD = '(?:documentos?|fraccion(?:es)?|incisos?|puntos?|numeros?|entregables?)';
const NUMERAL_DOCUMENT = new RegExp(
  `\\b(?:numeral|lineamiento)\\s+33\\s*,?\\s*(?:del\\s+anexo\\s+13\\s*,?\\s*)?${DOCUMENT_WORD}\\s+${LIST}`,
);
const DOCUMENT_OF_NUMERAL = new RegExp(
  `\\b${DOCUMENT_WORD}\\s+${LIST}\\s*,?\\s*(?:del|de\\s+la|de)\\s+(?:numeral|lineamiento)\\s+33\\b`,
);
const NUMERAL = /\bnumeral\s+([0-9]{1,2})(?![0-9])(?!\s*,?\s*(?:documento|fraccion|inciso|punto|numero)\b)/;

export interface RecognisedDeliverable {
  /** The entregable decided (the first one named when several are). */
  deliverable: number | null;
  /** Every entregable the text names together, the decided one first ([] when none). */
  deliverables: number[];
  version: DocumentVersionKind | null;
  source: 'EXPLICIT' | 'TITLE' | 'NUMERAL' | null;
  /** Weaker evidence that names another entregable: the number set aside (a note, not the decision). */
  setAside: number | null;
}

function versionWord(word: string | undefined): DocumentVersionKind | null {
  if (!word) return null;
  return word.startsWith('version final') ? 'FINAL' : 'PROYECTO';
}

/** "versión final" or "proyecto" said just before `at` (within the same clause). */
function versionBefore(folded: string, at: number): DocumentVersionKind | null {
  let window = folded.slice(Math.max(0, at - 100), at);
  const cut = Math.max(window.lastIndexOf(';'), window.lastIndexOf('•'), window.lastIndexOf('. '));
  if (cut >= 0) window = window.slice(cut + 1);
  const final = Math.max(window.lastIndexOf('version final'), window.lastIndexOf('versiones finales'));
  const draft = Math.max(
    window.search(/\bproyectos?\b(?![\s\S]*\bproyectos?\b)/),
    window.lastIndexOf('version preliminar'),
  );
  if (final < 0 && draft < 0) return null;
  return final > draft ? 'FINAL' : 'PROYECTO';
}

/** The catalogue's numbers in a list ("18 y 19"), in order, once each; unknown numbers dropped. */
function numbers(list: string): number[] {
  const found = (list.match(/[0-9]{1,2}/g) ?? []).map(Number).filter((n) => findDeliverable(n));
  return [...new Set(found)];
}

interface Evidence {
  numbers: number[];
  at: number;
  version: DocumentVersionKind | null;
}

/** The number said as such: the earliest of "entregable N" and "numeral 33, documento N". */
function explicit(folded: string): Evidence | null {
  let best: Evidence | null = null;
  for (const re of [TAG, NUMERAL_DOCUMENT, DOCUMENT_OF_NUMERAL]) {
    const m = re.exec(folded);
    if (!m) continue;
    const said = numbers(m[1]);
    if (said.length === 0 || (best && best.at <= m.index)) continue;
    best = { numbers: said, at: m.index, version: re === TAG ? versionWord(m[2]) : null };
  }
  return best;
}

/** The official title or a usual short form: a joint title first, then the most specific rule. */
function title(folded: string): Evidence | null {
  for (const [both, re] of JOINT_RULES) {
    const m = re.exec(folded);
    if (m) return { numbers: [...both], at: m.index, version: null };
  }
  for (const [n, re] of RULES) {
    const m = re.exec(folded);
    if (m) return { numbers: [n], at: m.index, version: null };
  }
  return null;
}

function plainNumeral(folded: string): Evidence | null {
  const m = NUMERAL.exec(folded);
  if (!m || Number(m[1]) === 33 || !findDeliverable(Number(m[1]))) return null;
  return { numbers: [Number(m[1])], at: m.index, version: null };
}

export function recogniseDeliverable(folded: string): RecognisedDeliverable {
  const said = explicit(folded);
  const titled = title(folded);
  const numeral = plainNumeral(folded);
  const decide = (
    e: Evidence,
    source: RecognisedDeliverable['source'],
    weaker: Evidence | null,
  ): RecognisedDeliverable => {
    const deliverable = e.numbers[0];
    const version =
      e.version ??
      (titled && titled.numbers[0] === deliverable ? versionBefore(folded, titled.at) : versionBefore(folded, e.at));
    const setAside = weaker && !e.numbers.includes(weaker.numbers[0]) ? weaker.numbers[0] : null;
    return { deliverable, deliverables: e.numbers, version, source, setAside };
  };
  if (said) return decide(said, 'EXPLICIT', titled);
  if (titled) return decide(titled, 'TITLE', numeral);
  if (numeral) return decide(numeral, 'NUMERAL', null);
  return { deliverable: null, deliverables: [], version: null, source: null, setAside: null };
}
