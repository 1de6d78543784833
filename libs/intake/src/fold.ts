/**
 * Accent- and case-folding that keeps every character in place (same length, same offsets), so
 * phrases are matched on the folded text and quoted from the repaired one at the same positions.
 */
const cache = new Map<string, string>();

function foldChar(c: string): string {
  let folded = cache.get(c);
  if (folded === undefined) {
    const bare = c.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    folded = bare.length === 1 ? bare : c;
    if (folded.toLowerCase().length !== 1) folded = c === '\u0130' ? 'i' : '?';
    cache.set(c, folded);
  }
  return folded;
}

export function fold(text: string): string {
  // Only U+0130 lowercases to two code units, and foldChar has replaced it: lengths are kept.
  return text.replace(/[^\x00-\x7F]/g, foldChar).toLowerCase();
}

/** Collapses runs of whitespace to one space and trims. */
export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
