/**
 * The recording page's pure part: which text to record when the user skips some of the oficios the
 * parser read, and how each row of the reading ends after recording.
 */

/** An oficio as the dry run read it: where it is in the text, its number and what would happen. */
export interface ReadOficio {
  number?: string | null;
  spanStart: number;
  spanEnd: number;
  result: string;
  message?: string | null;
}

/**
 * The text to record: the whole text when every oficio is kept (the parser sees it as pasted);
 * otherwise the kept oficios' own passages, in their order, a blank line between them. The API
 * records the text it is given, not a list of oficios, so skipping one means leaving its words out.
 */
export function textToRecord(text: string, oficios: readonly ReadOficio[], kept: ReadonlySet<number>): string {
  if (oficios.every((_, i) => kept.has(i))) return text;
  return oficios
    .map((o, i) => (kept.has(i) ? text.slice(o.spanStart, o.spanEnd).trim() : null))
    .filter((passage): passage is string => !!passage)
    .join('\n\n');
}

export const RESULT: Record<string, string> = {
  PLANNED: 'Se registraría',
  CREATED: 'Registrado',
  ALREADY_RECORDED: 'Ya estaba registrado',
  NEEDS_REVIEW: 'Necesita revisión: no se registra',
  FAILED: 'No se registró',
  SKIPPED: 'Omitido por usted',
};

export const OFICIO_KIND: Record<string, string> = {
  REVIEW: 'Revisión',
  REQUEST: 'Solicitud',
  REMINDER: 'Recordatorio',
  INVITATION: 'Invitación',
  NOTICE: 'Aviso',
};

/**
 * Each row of the reading after recording: skipped rows say so (a row flagged for review stays
 * flagged: it was never going to be recorded); kept rows take the result of the
 * recorded oficio with the same number (in order, for repeated or missing numbers); a kept row
 * the recording did not read again says that too.
 */
export function outcomes(
  read: readonly ReadOficio[],
  kept: ReadonlySet<number>,
  recorded: readonly ReadOficio[],
): Array<{ result: string; message: string | null }> {
  const pool = recorded.map((r) => ({ ...r, used: false }));
  return read.map((row, i) => {
    if (!kept.has(i)) return { result: row.result === 'NEEDS_REVIEW' ? 'NEEDS_REVIEW' : 'SKIPPED', message: null };
    const match =
      pool.find((r) => !r.used && row.number && r.number === row.number) ??
      (row.number ? undefined : pool.find((r) => !r.used && !r.number));
    if (!match) return { result: 'FAILED', message: 'Al registrar, el texto de este oficio no se leyó igual.' };
    match.used = true;
    return { result: match.result, message: match.message ?? null };
  });
}

/**
 * Each row after recording a file: the API answers the same oficios in the same order (skipped
 * ones as SKIPPED), so each row takes the answer at its position; should the answer not be the
 * reading row for row (a different number at a position), rows are matched as for a text.
 */
export function outcomesInOrder(
  read: readonly ReadOficio[],
  kept: ReadonlySet<number>,
  recorded: readonly ReadOficio[],
): Array<{ result: string; message: string | null }> {
  if (recorded.length !== read.length || recorded.some((r, i) => r.number !== read[i].number))
    return outcomes(read, kept, recorded);
  return recorded.map((r) => ({ result: r.result, message: r.result === 'SKIPPED' ? null : (r.message ?? null) }));
}
