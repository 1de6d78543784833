import { DocumentVersionKind, findDeliverable } from '@seguimiento/domain';

/**
 * Which entregable of lineamiento 33 a text speaks of (folded text). Three kinds of evidence, in
 * this order of trust:
 *  1. "entregable 15" (optionally "entregable 15, proyecto" / "entregable 15, versión final");
 *  2. the deliverable's title or keywords ("instrumento jurídico … ente auditor");
 *  3. "numeral 15" or "numeral 33, documento 34": the numbering INE cites does not always follow
 *     our catalogue (the seed's 1376 cites "documento 34" for the instrument with the third
 *     party, entregable 10), so a title beats it, and the disagreement is reported.
 * Keyword rules are tried most specific first; the first that matches wins.
 */
const RULES: readonly [number, RegExp][] = [
  [29, /\binformes?\s+(?:finale?s?|de\s+evaluacion)\s+(?:y\s+de\s+evaluacion\s+)?del\s+(?:ente|instancia)\s+auditor/],
  [32, /\binforme\s+final\s+del\s+(?:cotaprep|comite\s+tecnico\s+asesor)/],
  [31, /\binforme\s+final\s+del\s+(?:prep|programa\s+de\s+resultados)/],
  [15, /\b(?:instrumento\s+juridico|convenio|contrato)\b[^.;•]{0,160}?\b(?:ente|instancia)\s+auditor/],
  [10, /\b(?:instrumento\s+juridico|convenio|contrato)\b[^.;•]{0,160}?\b(?:tercero|ente\s+especializado|empresa|proveedor|acompanamiento|soporte)/],
  [9, /\b(?:candidat[oa]s?|propuestas?|aspirantes?)\s+(?:a|de|para)\s+(?:los?\s+)?(?:entes?|instancias?)\s+auditor/],
  [14, /\bdesignacion\s+(?:del|de\s+la|de)\s+(?:ente|instancia)\s+auditor|\bdesigna(?:r|ra)?\s+al?\s+(?:ente|instancia)\s+auditor/],
  [11, /\bprototipo\s+navegable|\bformato\s+de\s+(?:la\s+|las\s+)?bases?\s+de\s+datos/],
  [18, /\bactualizaciones\s+por\s+hora\s+de\s+(?:los\s+)?datos/],
  [19, /\bactualizaciones\s+por\s+hora\s+de\s+(?:las\s+)?bases\s+de\s+datos/],
  [20, /\bultima\s+actualizacion/],
  [17, /\binicio\s+de\s+(?:la\s+)?publicacion/],
  [23, /\bevaluacion\s+de\s+(?:la\s+)?(?:ejecucion\s+de\s+(?:la\s+|las\s+)?)?pruebas?\b/],
  [22, /\bconsultar?\s+(?:via\s+)?remota|\bprocedimiento\s+para\s+consultar/],
  [27, /\binformes?\s+(?:de|sobre)\s+(?:todos\s+)?(?:los\s+)?simulacros/],
  [21, /\b(?:fecha|lugar)\b[^.;•]{0,60}?\b(?:pruebas?|simulacros?)\b/],
  [28, /\bcierre\s+de\s+(?:la\s+)?publicacion/],
  [30, /\bactas?\s+notariale?s?\b/],
  [24, /\bconvocatoria\b[^.;•]{0,40}?\bdifusores/],
  [25, /\b(?:lista|listado|relacion)\s+de\s+(?:los\s+)?difusores/],
  [26, /\bdirecci(?:on|ones)\s+electronicas?\b[^.;•]{0,60}?\b(?:publicacion|simulacros)/],
  [16, /\bplan(?:es)?\s+de\s+(?:seguridad|continuidad)/],
  [8, /\bproceso\s+tecnico[\s-]*operativo/],
  [12, /\bubicacion\b[^.;•]{0,40}?\b(?:catd|ccv|centros\s+de\s+acopio|centros\s+de\s+captura)/],
  [13, /\bsupervision\b[^.;•]{0,60}?\b(?:catd|centros\s+de\s+acopio)|\bconsejos?\b[^.;•]{0,40}?\bsupervis/],
  [4, /\bintegracion\s+del\s+(?:cotaprep|comite\s+tecnico\s+asesor)/],
  [5, /\bcalendario\s+de\s+sesiones|\bplan\s+de\s+trabajo\b[^.;•]{0,20}?\bcotaprep/],
  [6, /\bplan\s+de\s+trabajo\b/],
  [7, /\bpor\s+si\s+mism[oa]s?\b|\b(?:operacion|implementacion)\s+del\s+prep\b[^.;•]{0,60}?\btercero|\bcon\s+(?:el\s+)?apoyo\s+de\s+(?:un\s+)?tercero/],
  [3, /\binformes?\s+mensual(?:es)?\b|\binforme\s+(?:del|correspondiente\s+al)\s+mes\b|\binformes?\s+de\s+avances?\b/],
  [2, /\binstancia\s+interna\b/],
  [1, /\b(?:creacion|instalacion)\s+de\s+la\s+comision/],
];

const TAG = /\bentregable\s+(?:(?:n(?:um(?:ero)?)?\.?|no\.)\s*)?([0-9]{1,2})(?![0-9])(?:\s*,\s*(proyecto|version\s+final|version\s+preliminar))?/;
const NUMERAL_DOCUMENT = /\b(?:numeral|lineamiento)\s+33\s*,?\s*(?:documento|fraccion|inciso|punto|numero)\s+([0-9]{1,2})(?![0-9])/;
const NUMERAL = /\bnumeral\s+([0-9]{1,2})(?![0-9])(?!\s*,?\s*(?:documento|fraccion|inciso|punto|numero)\b)/;

export interface RecognisedDeliverable {
  deliverable: number | null;
  version: DocumentVersionKind | null;
  source: 'TAG' | 'KEYWORD' | 'NUMERAL' | null;
  /** When two kinds of evidence disagree: the number set aside. */
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
  const draft = Math.max(window.search(/\bproyectos?\b(?![\s\S]*\bproyectos?\b)/), window.lastIndexOf('version preliminar'));
  if (final < 0 && draft < 0) return null;
  return final > draft ? 'FINAL' : 'PROYECTO';
}

function valid(n: number): number | null {
  return findDeliverable(n) ? n : null;
}

export function recogniseDeliverable(folded: string): RecognisedDeliverable {
  const tag = TAG.exec(folded);
  const tagged = tag ? valid(Number(tag[1])) : null;
  let keyword: { n: number; at: number } | null = null;
  for (const [n, re] of RULES) {
    const m = re.exec(folded);
    if (m) {
      keyword = { n, at: m.index };
      break;
    }
  }
  const numeralMatch = NUMERAL_DOCUMENT.exec(folded) ?? NUMERAL.exec(folded);
  const numeral = numeralMatch && Number(numeralMatch[1]) !== 33 ? valid(Number(numeralMatch[1])) : null;

  if (tag && tagged !== null) {
    const version = versionWord(tag[2]) ?? (keyword && keyword.n === tagged ? versionBefore(folded, keyword.at) : versionBefore(folded, tag.index));
    const other = keyword && keyword.n !== tagged ? keyword.n : null;
    return { deliverable: tagged, version, source: 'TAG', setAside: other };
  }
  if (keyword) {
    return { deliverable: keyword.n, version: versionBefore(folded, keyword.at), source: 'KEYWORD', setAside: numeral !== null && numeral !== keyword.n ? numeral : null };
  }
  if (numeral !== null) return { deliverable: numeral, version: versionBefore(folded, numeralMatch!.index), source: 'NUMERAL', setAside: null };
  return { deliverable: null, version: null, source: null, setAside: null };
}
