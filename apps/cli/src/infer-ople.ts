import { OPLES } from '@seguimiento/domain';

/** Lower case without accents, for matching names as written in oficios. */
const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/**
 * The OPLE a correspondence text is about, when it names exactly one state ("IEPC Guerrero",
 * "Estado de Guerrero"); otherwise null, and the user is asked for --ople.
 */
export function inferOple(text: string): { ople: string; because: string } | null {
  const folded = fold(text);
  const named = OPLES.filter((o) => {
    // The catalogue says "Estado de México", so "México" alone (as in INE's address) never counts.
    return new RegExp(`\\b${fold(o.state)}\\b`).test(folded);
  });
  if (named.length === 1) return { ople: named[0].id, because: `el texto nombra a ${named[0].state}` };
  return null;
}
