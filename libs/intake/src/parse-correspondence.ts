import { DomainError, findOple } from '@seguimiento/domain';
import { classify, PHRASES } from './classify';
import { FoundDate, dateAt, findDates } from './dates';
import { findDeadlines } from './deadlines';
import { recogniseDeliverable } from './deliverables';
import { fold, squash } from './fold';
import { originalRange } from './mapped-text';
import { findMeeting } from './meeting';
import type { MeetingTime, ParseOptions, ParseResult, ParsedOficio, TextSpan } from './model';
import { NormalizedText, normalizeText } from './normalize-text';
import { FoundOficioNumber, findOficioNumbers, oficioNumberAt, senderOf, uniqueNumbers } from './oficio-numbers';
import { FoundItem, extractItems } from './reminder-items';
import { Segment, segment } from './segment';
import { extractSubject } from './subject';
import { summarize } from './summary';

/** Inputs larger than this are refused rather than parsed (about 20 MB of text). */
export const MAX_INPUT_LENGTH = 20_000_000;

const KIND_NAMES: Record<string, string> = {
  REVIEW: 'una revisión',
  REQUEST: 'una solicitud',
  REMINDER: 'un recordatorio',
  INVITATION: 'una invitación',
  NOTICE: 'un aviso',
};

const invalid = (field: string, reason: string): never => {
  throw new DomainError('INVALID_INPUT', `${field}: ${reason}`, field);
};

function checkInput(text: unknown, options: unknown): { text: string; ople: string | null } {
  if (typeof text !== 'string')
    invalid('text', `debe ser una cadena de texto, no ${text === null ? 'null' : typeof text}.`);
  const t = text as string;
  if (t.trim() === '') invalid('text', 'está vacío: pegue el texto de la correspondencia.');
  if (t.length > MAX_INPUT_LENGTH) invalid('text', `excede ${MAX_INPUT_LENGTH} caracteres; divídalo en partes.`);
  if (options !== undefined && (options === null || typeof options !== 'object'))
    invalid('options', 'debe ser un objeto.');
  const ople = (options as ParseOptions | undefined)?.ople;
  if (ople !== undefined && (typeof ople !== 'string' || !findOple(ople))) {
    invalid(
      'options.ople',
      `"${String(ople).slice(0, 40)}" no es un OPLE conocido (use la clave ISO del estado, p. ej. GRO).`,
    );
  }
  return { text: t, ople: ople ?? null };
}

/** Offsets of the starts of the lines of the original text (\n, \r\n and lone \r end a line). */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  return starts;
}

function lineOf(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

interface Context {
  normalized: NormalizedText;
  display: string;
  folded: string;
  lines: number[];
  ople: string | null;
  warnings: string[];
  /** The oficios whose entregable they state in so many words ("numeral 33, documento 34"). */
  explicit: Set<ParsedOficio>;
}

function spanOf(ctx: Context, start: number, end: number): TextSpan {
  // A rebuilt table row reads its cells column by column: the span runs from the first to the
  // last character of the input it took.
  const r = originalRange(ctx.normalized, start, end);
  const origin = ctx.normalized.origin;
  for (let i = start; i < end && i < ctx.display.length; i++) {
    if (origin[i] < r.start) r.start = origin[i];
    if (origin[i] + 1 > r.end) r.end = origin[i] + 1;
  }
  return {
    start: r.start,
    end: r.end,
    startLine: lineOf(ctx.lines, r.start),
    endLine: lineOf(ctx.lines, Math.max(r.start, r.end - 1)),
  };
}

const OWN_NUMBER = /\boficio\s+(?:(?:num(?:ero)?\.?|no\.)\s*)?:?\s*/g;
const OWN_DATE = /\s*,?\s*(?:de\s+fecha|del|con\s+fecha|fechado\s+el|de)\s+/y;
const NOT_THE_LETTER_DATE =
  /(?:tardar|plazo|limite|remision\s+al|antes\s+del|asistir|reunion|celebrara|llevara\s+a\s+cabo|realizara|a\s+partir\s+del|hasta\s+el|mediante|oficio)[^.;\n]{0,30}$/;

/** A block with no report heading: "oficio X, de fecha D" near its start, or a letter's date line. */
function ownIdentity(
  display: string,
  folded: string,
  letter: boolean,
): { number: FoundOficioNumber | null; date: FoundDate | null } {
  const head = folded.slice(0, 400);
  OWN_NUMBER.lastIndex = 0;
  if (!letter) {
    for (let m = OWN_NUMBER.exec(head); m; m = OWN_NUMBER.exec(head)) {
      const number = oficioNumberAt(display, m.index + m[0].length);
      if (!number) continue;
      OWN_DATE.lastIndex = number.end;
      const sep = OWN_DATE.exec(folded);
      const date = sep ? dateAt(folded, number.end + sep[0].length) : null;
      if (date && date.hasYear) return { number, date };
    }
  }
  const date = findDates(folded.slice(0, 1500)).find(
    (d) => d.hasYear && !NOT_THE_LETTER_DATE.test(folded.slice(Math.max(0, d.start - 60), d.start)),
  );
  return { number: null, date: date ?? null };
}

function parseSegment(ctx: Context, seg: Segment): ParsedOficio {
  const { head } = seg;
  const bodyStart = head ? head.end : seg.start;
  const display = ctx.display.slice(bodyStart, seg.end);
  const folded = ctx.folded.slice(bodyStart, seg.end);
  const reasons: string[] = [];
  const notes: string[] = [];
  let confidence = 1;

  let number: FoundOficioNumber | null = head?.number ?? null;
  let date: FoundDate | null = head?.date ?? null;
  let dateText = date ? ctx.display.slice(date.start, date.end) : '';
  if (!head || head.kind === 'LETTER') {
    const own = ownIdentity(display, folded, head?.kind === 'LETTER');
    number = number ?? own.number;
    if (!date && own.date) {
      date = own.date;
      dateText = display.slice(own.date.start, own.date.end);
    }
    if (!head && (number || date)) {
      confidence -= 0.1;
      notes.push('no empieza como una entrada: el número y la fecha se tomaron del texto');
    } else if (!head) confidence -= 0.1;
  }
  const iso = date?.iso ?? null;
  if (!number) {
    reasons.push('no se encontró el número del oficio');
    confidence -= 0.4;
  }
  if (!date) {
    reasons.push('no se encontró la fecha del oficio');
    confidence -= 0.3;
  } else if (!iso) {
    reasons.push(`la fecha del oficio no es válida («${squash(dateText)}»)`);
    confidence -= 0.3;
  }

  const cls = classify(folded);
  if (!cls.kind) {
    reasons.push('no se reconoce el tipo de oficio');
    confidence -= 0.5;
  }
  if (cls.weak) {
    confidence -= 0.15;
    notes.push('el tipo se deduce de un verbo que no es el habitual («comunica», «notifica»)');
  }
  if (cls.competing.length) {
    confidence -= 0.1;
    notes.push(
      `también dice algo propio de ${cls.competing.map((k) => KIND_NAMES[k]).join(' y de ')}; se toma como ${KIND_NAMES[cls.kind!]}`,
    );
  }
  reasons.push(...cls.problems);

  const ownNumber = number?.number ?? null;
  const references = uniqueNumbers(findOficioNumbers(display), ownNumber);
  if ((cls.outcome === 'ADDRESSED' || cls.outcome === 'PARTIALLY_ADDRESSED') && references.length === 0) {
    reasons.push('tiene por atendidas observaciones pero no cita el oficio que las remitió');
  }

  // Reminder items, then deadlines outside them.
  let items: FoundItem[] = [];
  let introEnd = folded.length;
  if (cls.kind === 'REMINDER') {
    const found = extractItems(display, folded, iso);
    items = found.items;
    if (items.length) introEnd = found.introEnd;
  }
  // The oficio's own deadline is said outside its items (items come after introEnd).
  const deadlines = findDeadlines(introEnd < folded.length ? folded.slice(0, introEnd) : folded, iso);
  const first = deadlines[0];
  let deadline: string | null = null;
  if (first) {
    deadline = first.iso;
    if (!first.iso)
      reasons.push(`no se puede determinar la fecha límite «${squash(display.slice(first.start, first.end))}»`);
    else if (iso && first.iso < iso)
      reasons.push(`la fecha límite (${first.iso}) es anterior a la fecha del oficio (${iso})`);
  }

  let meeting: MeetingTime | null = null;
  if (cls.kind === 'INVITATION') {
    const found = findMeeting(folded, iso);
    meeting = found.meeting;
    reasons.push(...found.problems);
    if (meeting && !meeting.zoneStated) {
      confidence -= 0.05;
      notes.push('la reunión no dice la zona horaria: se supone tiempo del centro');
    }
  }

  // A reminder whose items are partly read: the items read are recorded, and only the others wait
  // for a person (itemsForReview). With no item read, the whole reminder waits.
  const itemsForReview: string[] = [];
  if (cls.kind === 'REMINDER') {
    if (items.length === 0 && !deadline) reasons.push('no se reconocen los entregables ni el plazo del recordatorio');
    const itemReasons: string[] = [];
    for (const item of items) {
      if (!item.dueDate) itemReasons.push(`no se encontró el plazo de «${item.title}»`);
      if (item.deliverable === null) itemReasons.push(`no se reconoce el entregable «${item.title}»`);
    }
    if (items.some((i) => i.dueDate !== null && i.deliverable !== null)) {
      itemsForReview.push(...itemReasons);
      confidence -= 0.1 * itemReasons.length;
    } else {
      reasons.push(...itemReasons);
    }
  }

  let deliverable: number | null = null;
  let recognisedSource: ReturnType<typeof recogniseDeliverable>['source'] = null;
  let deliverables: number[] = [];
  let deliverableVersion: ParsedOficio['deliverableVersion'] = null;
  if (!(cls.kind === 'REMINDER' && items.length)) {
    let focus = folded;
    if (cls.kind === 'REQUEST') {
      const request = PHRASES.request.exec(folded);
      if (request) focus = folded.slice(request.index);
    }
    const recognised = recogniseDeliverable(focus);
    deliverable = recognised.deliverable;
    recognisedSource = recognised.source;
    deliverables = recognised.deliverables;
    deliverableVersion = recognised.version;
    if (recognised.setAside !== null) {
      // A note, not a decision: what the oficio says in so many words wins over its title.
      confidence -= 0.1;
      notes.push(`su asunto parece el entregable ${recognised.setAside}, distinto del que se toma (${deliverable})`);
      const who = ownNumber ? `oficio ${ownNumber}` : 'un oficio sin número';
      ctx.warnings.push(
        recognised.source === 'EXPLICIT'
          ? `${who}: dice expresamente el entregable ${deliverable}, aunque su asunto parece el entregable ${recognised.setAside}; se toma el ${deliverable}, como dice el oficio.`
          : `${who}: cita el numeral ${recognised.setAside}, pero su asunto es el título del entregable ${deliverable}; se toma el ${deliverable}.`,
      );
    }
  }

  const drop = deadlines.map((d) => ({ start: d.start, end: d.end }));
  const subject = extractSubject(cls.kind, display.slice(0, introEnd), folded.slice(0, introEnd), drop);

  confidence -= 0.1 * reasons.length;
  const needsReview = reasons.length > 0;
  if (needsReview) confidence = Math.min(confidence, 0.5);
  confidence = Math.round(Math.max(0, Math.min(1, confidence)) * 100) / 100;

  const sender = ownNumber ? senderOf(ownNumber) : null;
  const oficio: ParsedOficio = {
    number: ownNumber,
    date: iso,
    sender: sender?.sender ?? null,
    unit: sender?.unit ?? null,
    ople: ctx.ople,
    kind: cls.kind,
    outcome: cls.outcome,
    additionalObservations: cls.additionalObservations,
    references,
    deliverable,
    deliverables,
    deliverableVersion,
    subject,
    deadline,
    items: items.map(({ title, deliverable: d, version, dueDate }) => ({ title, deliverable: d, version, dueDate })),
    itemsForReview,
    meeting,
    summary: '',
    confidence,
    needsReview,
    reviewReasons: reasons,
    confidenceNotes: needsReview ? [] : notes,
    span: spanOf(ctx, seg.start, seg.end),
    text: ctx.display.slice(seg.start, seg.end),
  };
  oficio.summary = summarize(oficio);
  if (recognisedSource === 'EXPLICIT') ctx.explicit.add(oficio);
  return oficio;
}

/**
 * The chain binds an answer to its document: a review whose entregable was only inferred from
 * its title, and that cites an oficio of the same text stating its number ("requerido mediante
 * oficio INE/UTSI/1376/2024", which said "numeral 33, documento 34"), is about that entregable.
 * Only when the oficios it cites agree; the change is noted. A review that names no entregable
 * gets none: the doors bind it by its citations.
 */
function followChains(ctx: Context, oficios: ParsedOficio[]): void {
  const byNumber = new Map<string, ParsedOficio>();
  for (const o of ctx.explicit) if (o.number) byNumber.set(o.number, o);
  for (const o of oficios) {
    if (o.kind !== 'REVIEW' || o.deliverable === null || ctx.explicit.has(o)) continue;
    const cited = o.references.map((r) => byNumber.get(r)).filter((c): c is ParsedOficio => c !== undefined);
    if (cited.length === 0) continue;
    const said = cited[0].deliverables;
    if (!cited.every((c) => c.deliverables.join() === said.join()) || said.join() === o.deliverables.join()) continue;
    const before = o.deliverable;
    o.deliverable = said[0];
    o.deliverables = [...said];
    o.summary = summarize(o);
    const who = o.number ? `oficio ${o.number}` : 'un oficio sin número';
    ctx.warnings.push(
      `${who}: responde al oficio ${cited[0].number}, que dice el entregable ${said.join(' y ')}; se toma el ${said[0]} (su asunto parece el entregable ${before}).`,
    );
  }
}

function warnAboutStructure(
  ctx: Context,
  segments: Segment[],
  leftOut: { start: number; end: number }[],
  oficios: ParsedOficio[],
): void {
  for (const range of leftOut) {
    const numbers = uniqueNumbers(findOficioNumbers(ctx.display.slice(range.start, range.end)));
    if (numbers.length === 0) continue;
    const span = spanOf(ctx, range.start, range.end);
    ctx.warnings.push(
      `El texto de las líneas ${span.startLine}–${span.endLine} no pertenece a ninguna entrada y cita ${numbers.join(', ')}; revíselo.`,
    );
  }
  // A marker read both as a letter and as a roman numeral ("c)": 3 or 100) counts as whichever
  // continues the numbering, before or after it (a) b) c) d), or i. ii. iii.).
  let previous: { value: number; alternative?: number } | null = null;
  for (const s of segments) {
    const marker = s.head?.marker ?? null;
    if (marker === null) continue;
    const alternative = s.head?.markerAlternative;
    let value = marker;
    if (previous !== null) {
      const follows = (n: number) =>
        n === previous!.value + 1 || (previous!.alternative !== undefined && n === previous!.alternative + 1);
      if (!follows(marker) && alternative !== undefined && follows(alternative)) value = alternative;
      if (!follows(value)) {
        ctx.warnings.push(
          `La numeración de las entradas pasa de ${previous.value} a ${value}: revise si falta o sobra una entrada.`,
        );
      }
    }
    previous = value === marker ? { value, alternative } : { value };
  }
  const seen = new Map<string, number>();
  for (const o of oficios) if (o.number) seen.set(o.number, (seen.get(o.number) ?? 0) + 1);
  for (const [n, count] of seen) if (count > 1) ctx.warnings.push(`El oficio ${n} aparece ${count} veces.`);
  if (ctx.normalized.removedLines > 0) {
    ctx.warnings.push(`Se quitaron ${ctx.normalized.removedLines} líneas de encabezado, pie o número de página.`);
  }
}

/**
 * Turns correspondence text (a monthly report, pasted oficios, text extracted from PDF) into
 * structured oficios. Nothing is dropped: what cannot be classified comes back with
 * needsReview and the reasons. Throws DomainError (INVALID_INPUT, naming the field) for input
 * that is not text, empty, or too large.
 */
export function parseCorrespondence(text: string, options?: ParseOptions): ParseResult {
  const input = checkInput(text, options);
  const normalized = normalizeText(input.text);
  if (normalized.text.trim() === '')
    invalid(
      'text',
      'no contiene texto legible (solo caracteres de control, espacios, encabezados o números de página).',
    );
  const display = normalized.text;
  const folded = fold(display);
  const ctx: Context = {
    normalized,
    display,
    folded,
    lines: lineStarts(input.text),
    ople: input.ople,
    warnings: [],
    explicit: new Set(),
  };
  const { segments, leftOut } = segment(display, folded);
  const oficios = segments.map((s) => parseSegment(ctx, s));
  followChains(ctx, oficios);
  warnAboutStructure(ctx, segments, leftOut, oficios);
  return { oficios, warnings: ctx.warnings };
}
