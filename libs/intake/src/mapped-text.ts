/**
 * Text derived from an original by edits, remembering where each character came from, so that
 * what is found in the repaired text can be pointed at in the text the operator pasted.
 */
export interface MappedText {
  readonly text: string;
  /** origin[i] = offset in the original of text[i]; origin[text.length] = the original's length. */
  readonly origin: Int32Array;
}

/** Replace original[start, end) by `text` (deletion when text is ''). */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

export function identityMapped(text: string): MappedText {
  const origin = new Int32Array(text.length + 1);
  for (let i = 0; i <= text.length; i++) origin[i] = i;
  return { text, origin };
}

/** Applies sorted, non-overlapping edits. Inserted characters map to the start of what they replace. */
export function applyEdits(src: MappedText, edits: readonly Edit[]): MappedText {
  if (edits.length === 0) return src;
  let length = src.text.length;
  for (const e of edits) length += e.text.length - (e.end - e.start);
  const origin = new Int32Array(length + 1);
  const pieces: string[] = [];
  let out = 0;
  let cursor = 0;
  for (const e of edits) {
    if (e.start < cursor || e.end < e.start) throw new Error('applyEdits: edits must be sorted and must not overlap');
    if (e.start > cursor) {
      pieces.push(src.text.slice(cursor, e.start));
      origin.set(src.origin.subarray(cursor, e.start), out);
      out += e.start - cursor;
    }
    const width = e.end - e.start;
    for (let j = 0; j < e.text.length; j++)
      origin[out + j] = src.origin[e.start + (width > 0 ? Math.min(j, width - 1) : 0)];
    pieces.push(e.text);
    out += e.text.length;
    cursor = e.end;
  }
  if (cursor < src.text.length) {
    pieces.push(src.text.slice(cursor));
    origin.set(src.origin.subarray(cursor, src.text.length), out);
    out += src.text.length - cursor;
  }
  origin[out] = src.origin[src.text.length];
  return { text: pieces.join(''), origin };
}

/**
 * Regex replace that keeps the offset map. `pattern` must be global; `replace` returns the new
 * text for a match, or undefined to leave it as it is.
 */
export function rewrite(
  src: MappedText,
  pattern: RegExp,
  replace: (match: RegExpExecArray) => string | undefined,
): MappedText {
  if (!pattern.global) throw new Error('rewrite: the pattern must be global');
  const edits: Edit[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(src.text); m; m = pattern.exec(src.text)) {
    if (m[0].length === 0) {
      pattern.lastIndex++;
      continue;
    }
    const text = replace(m);
    if (text !== undefined && text !== m[0]) edits.push({ start: m.index, end: m.index + m[0].length, text });
  }
  return applyEdits(src, edits);
}

/** Offsets in the original of the derived range [start, end). */
export function originalRange(src: MappedText, start: number, end: number): { start: number; end: number } {
  const s = src.origin[Math.max(0, Math.min(start, src.text.length))];
  const e = end <= start ? s : src.origin[Math.min(end - 1, src.text.length - 1)] + 1;
  return { start: s, end: Math.max(s, e) };
}
