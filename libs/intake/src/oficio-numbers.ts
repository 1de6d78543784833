import { OPLES, isIneOficio, isOficioNumber, normalizeOficioNumber } from '@seguimiento/domain';

/**
 * Oficio numbers in repaired (not folded) text, tolerant of PDF damage: a number split across
 * lines (`INE/UTSI/\n1121/2024`), spaces around a slash (`INE/UTSI/1121/ 2024`) or inside a
 * segment (`INE/UT SI/1121/2024`). Every repetition is bounded, so the scan stays linear.
 */
const UPPER_SEGMENT = '[A-ZÑ0-9][A-ZÑ0-9.\\-]{0,15}';
const LOWER_SEGMENT = '[a-zñ0-9][a-zñ0-9.\\-]{0,15}';
// Typed in lower case, a number is only taken when it starts with a known institute (ine/utsi/…),
// so that prose such as "y/o" or "la/los" never passes for one.
const LOWER_INSTITUTES = [...new Set(['ine', ...OPLES.map((o) => o.acronym.split(' ')[0].toLowerCase())])].join('|');
const FIRST = `(?:[A-ZÑ][A-ZÑ0-9.\\-]{0,15}|(?:${LOWER_INSTITUTES})(?![a-zñ]))`;
const MIDDLE = `(?:${UPPER_SEGMENT}(?: ${UPPER_SEGMENT})?|${LOWER_SEGMENT})`;
const SLASH = '[ \\t]{0,3}\\n?[ \\t]{0,3}\\/[ \\t]{0,3}\\n?[ \\t]{0,3}';
const SOURCE = `(?<![A-Za-zÑñÁÉÍÓÚáéíóú0-9/.\\-])${FIRST}(?:${SLASH}${MIDDLE}){0,5}${SLASH}[0-9]{1,6}${SLASH}(?:19|20)[0-9]{2}(?![0-9])`;

export interface FoundOficioNumber {
  /** Normal form (upper case, no spaces). */
  number: string;
  start: number;
  end: number;
  /** True when the number had to be put back together (spaces or line breaks inside it). */
  repaired: boolean;
}

function build(m: RegExpExecArray): FoundOficioNumber | null {
  const number = normalizeOficioNumber(m[0]);
  if (!isOficioNumber(number)) return null;
  return { number, start: m.index, end: m.index + m[0].length, repaired: /\s/.test(m[0]) };
}

/** Every oficio number in the text, in order. */
export function findOficioNumbers(text: string): FoundOficioNumber[] {
  const re = new RegExp(SOURCE, 'g');
  const found: FoundOficioNumber[] = [];
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const n = build(m);
    if (n) found.push(n);
  }
  return found;
}

/** The oficio number that starts exactly at `pos`, if any. */
const STICKY = new RegExp(SOURCE, 'y');

export function oficioNumberAt(text: string, pos: number): FoundOficioNumber | null {
  STICKY.lastIndex = pos;
  const m = STICKY.exec(text);
  return m ? build(m) : null;
}

/** Who signs an oficio, read from its number: `INE/UTSI/1121/2024` → INE, UTSI. */
export function senderOf(number: string): { sender: string; unit: string | null; ine: boolean } {
  const segments = normalizeOficioNumber(number).split('/');
  const unit = segments.slice(1, -2).join('/');
  return { sender: segments[0], unit: unit || null, ine: isIneOficio(number) };
}

/** Unique numbers in order of first appearance. */
export function uniqueNumbers(found: readonly FoundOficioNumber[], except: string | null = null): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const f of found) {
    if (f.number === except || seen.has(f.number)) continue;
    seen.add(f.number);
    out.push(f.number);
  }
  return out;
}
