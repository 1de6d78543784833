import { FoundDate, dateAt, resolveDate } from './dates';

/**
 * Explicit deadlines in folded text: "a más tardar el 4 de marzo", "(Con plazo máximo de remisión
 * al 5 de abril de 2024)", "fecha límite: 12/04/2024", "antes del 8 de abril". A date without a
 * year takes the year that puts it closest to the oficio's date.
 */
const TRIGGER =
  /\ba\s+mas\s+tardar\b|\bplazo(?:\s+maximo)?(?:\s+(?:de|para)\s+(?:su\s+)?(?:remision|entrega|respuesta|atencion|envio))?|\bfecha\s+limite(?:\s+(?:de|para)\s+(?:su\s+)?(?:remision|entrega|respuesta|atencion|envio))?|\bantes\s+del\b/g;
const CONNECTOR = /[ \t\n,:;(]*(?:(?:al|el|del|hasta\s+el|es\s+el|sera\s+el)\s+)?(?:dia\s+)?(?:proximo\s+)?/y;

export interface FoundDeadline {
  /** Where the phrase starts ("a más tardar…") and where its date ends. */
  start: number;
  end: number;
  date: FoundDate;
  /** YYYY-MM-DD, or null when the date is impossible or its year cannot be told. */
  iso: string | null;
}

export function findDeadlines(folded: string, reference: string | null): FoundDeadline[] {
  const found: FoundDeadline[] = [];
  TRIGGER.lastIndex = 0;
  for (let m = TRIGGER.exec(folded); m; m = TRIGGER.exec(folded)) {
    CONNECTOR.lastIndex = m.index + m[0].length;
    const connector = CONNECTOR.exec(folded);
    const at = m.index + m[0].length + (connector ? connector[0].length : 0);
    const date = dateAt(folded, at);
    if (!date) continue;
    found.push({ start: m.index, end: date.end, date, iso: resolveDate(date, reference) });
    TRIGGER.lastIndex = date.end;
  }
  return found;
}
