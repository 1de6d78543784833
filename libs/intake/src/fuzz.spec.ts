import { readFileSync } from 'fs';
import { join } from 'path';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import {
  DomainError,
  MONTHS,
  findDeliverable,
  isIneOficio,
  isOficioNumber,
  normalizeOficioNumber,
  validateExpectation,
  validateIneAnswer,
  validateNotice,
  validateRequestCommand,
  validateSubmission,
} from '@seguimiento/domain';
import { type IngestStep, planIngest } from './ingest-plan';
import { KIND_NOT_RECOGNISED } from './outgoing-register';
import { toIntakeJson } from './intake-json';
import { OFICIO_KINDS, type ParseResult, type ParsedOficio } from './model';
import { normalizeText } from './normalize-text';
import { parseCorrespondence } from './parse-correspondence';

/**
 * Property-based fuzzing of the intake parser (issue 8, item 6): whatever text comes in —
 * arbitrary code units, control characters, lone surrogates, the seed report cut up and spliced
 * with injection strings, 10 MB — parseCorrespondence either refuses it with a DomainError
 * naming `text`, or returns oficios that each carry a well-formed number and real dates, or say
 * why a person must look at them; planIngest never sends on a guess. Fixed seed: a failure
 * prints the counterexample and reproduces.
 */
const SEED_VALUE = 20_240_322;
const SEED = readFileSync(join(__dirname, 'testing', 'seed-report.txt'), 'utf8');
const OPLE = 'GRO';

// ---------------------------------------------------------------------------------------------
// What a result must satisfy, whatever the input.

const NOT_A_VALUE = /\b(?:undefined|NaN)\b|\[object \w+\]/;

/**
 * A cheap assertion for the checks that run on every oficio of every input (tens of thousands
 * per property): Jest's expect builds an error object per call, which costs milliseconds here.
 */
function must(condition: boolean, what: string, o: Pick<ParsedOficio, 'number' | 'span'>): asserts condition {
  if (!condition) throw new Error(`${what} (oficio ${o.number ?? 'sin número'} at ${o.span.start}–${o.span.end})`);
}

/** A real calendar day, checked without the code under test: the UTC calendar agrees with Mexico City's on days. */
function isDate(d: string | null): boolean {
  if (d === null) return true;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d);
  return m !== null && new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])).toISOString().startsWith(d);
}
const isWellFormed = (n: string) => isOficioNumber(n) && normalizeOficioNumber(n) === n;

function checkOficio(input: string, mayQuote: boolean, o: ParsedOficio): void {
  // The entry's own (repaired) text, without white space and upper-cased, as numbers are written.
  const squashed = normalizeOficioNumber(o.text);
  // Its own number: well-formed, in normal form and written in the text — or none, and flagged.
  if (o.number === null)
    must(o.reviewReasons.includes('no se encontró el número del oficio'), 'no number, and no reason said', o);
  else
    must(
      isWellFormed(o.number) && squashed.includes(o.number) && o.sender === o.number.split('/')[0],
      'a number not well-formed or not in its entry',
      o,
    );
  // Real calendar days, never a rolled-over impossible one; no date at all needs review.
  if (o.date === null) must(o.needsReview, 'no date, not flagged', o);
  must(
    [o.date, o.deadline, ...o.items.map((i) => i.dueDate)].every(isDate),
    `an impossible date: ${JSON.stringify([o.date, o.deadline, o.items])}`,
    o,
  );
  if (o.meeting) {
    must(o.kind === 'INVITATION', 'a meeting outside an invitation', o);
    must(
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?[+-]\d{2}:\d{2}$/.test(o.meeting.at) &&
        DateTime.fromISO(o.meeting.at, { setZone: true }).isValid,
      `meeting ${o.meeting.at}`,
      o,
    );
  }
  // Citations: well-formed, unique, never the oficio itself, written in the text.
  must(new Set(o.references).size === o.references.length, 'a citation repeated', o);
  must(
    o.references.every((r) => isWellFormed(r) && r !== o.number && squashed.includes(r)),
    `citations ${o.references.join(', ')}`,
    o,
  );
  // Kind, outcome and items agree; values come from their closed sets.
  must(o.kind === null || OFICIO_KINDS.includes(o.kind), `kind ${o.kind}`, o);
  must(
    (o.outcome !== null) === (o.kind === 'REVIEW') && (o.additionalObservations !== null) === (o.kind === 'REVIEW'),
    `outcome ${o.outcome} on ${o.kind}`,
    o,
  );
  must(o.items.length === 0 || o.kind === 'REMINDER', 'items outside a reminder', o);
  must(
    [o.deliverable, ...o.items.map((i) => i.deliverable)].every((n) => n === null || findDeliverable(n) !== undefined),
    'an entregable outside 1..34',
    o,
  );
  must([null, 'PROYECTO', 'FINAL'].includes(o.deliverableVersion), `version ${o.deliverableVersion}`, o);
  // The flag, its reasons and the confidence tell the same story.
  must(
    o.needsReview === o.reviewReasons.length > 0 && o.reviewReasons.every((r) => r.trim() !== ''),
    `flag ${o.needsReview} with reasons ${JSON.stringify(o.reviewReasons)}`,
    o,
  );
  must(
    Number.isFinite(o.confidence) && o.confidence >= 0 && o.confidence <= 1 && (!o.needsReview || o.confidence <= 0.5),
    `confidence ${o.confidence}`,
    o,
  );
  must(o.summary.trim() !== '', 'an empty summary', o);
  if (mayQuote)
    must(
      ![o.summary, ...o.reviewReasons].some((said) => NOT_A_VALUE.test(said)),
      `says undefined or NaN: ${o.summary} ${o.reviewReasons}`,
      o,
    );
  // The span points into the original input.
  must(
    0 <= o.span.start &&
      o.span.start <= o.span.end &&
      o.span.end <= input.length &&
      o.span.startLine! <= o.span.endLine!,
    'a span outside the input',
    o,
  );
  // What goes out as JSON comes back the same (no undefined, NaN or functions).
  const json = toIntakeJson(o);
  must(
    JSON.stringify(JSON.parse(JSON.stringify(json))) === JSON.stringify(json) &&
      Object.values(json).every((v) => v !== undefined),
    'JSON does not round-trip',
    o,
  );
}

/** A plan carries only what the doors' own validators accept: nothing is sent to bounce. */
function checkStep(o: ParsedOficio, step: IngestStep): void {
  if (step.door === 'NONE') {
    must(step.reasons.length > 0, 'not planned, and no reason said', o);
    return;
  }
  const input = step.input;
  // The OPLE's own oficios are planned by what they cite: only a doubt about their kind is waived.
  const waived = step.door === 'OPLE' && o.reviewReasons.every((r) => r === KIND_NOT_RECOGNISED);
  must(!o.needsReview || waived, 'planned although flagged', o);
  must(
    input.ople === OPLE && input.oficioNumber === o.number && input.date === o.date,
    'a plan that is not the oficio',
    o,
  );
  must(
    JSON.stringify(input.references) === JSON.stringify(o.references) && !input.references.includes(input.oficioNumber),
    'a plan citing other oficios',
    o,
  );
  must((step.door === 'INE') === isIneOficio(input.oficioNumber), `the ${step.door} door for ${input.oficioNumber}`, o);
  if (step.door === 'OPLE') {
    if (input.deliverable === undefined) return;
    const { deliverable, versionKind, oficioNumber, date: submittedOn, references } = input;
    validateSubmission({
      documentId: 'document:GRO:fuzz',
      ople: OPLE,
      deliverable,
      versionKind: versionKind!,
      oficioNumber,
      submittedOn,
      references,
    });
    return;
  }
  const ine = step.input;
  switch (ine.kind) {
    case 'REVIEW':
      validateIneAnswer({
        oficioNumber: ine.oficioNumber,
        date: ine.date,
        outcome: ine.outcome!,
        additionalObservations: ine.additionalObservations!,
        references: ine.references,
      });
      must(ine.deliverable !== undefined || ine.references.length > 0, 'a review tied to no document', o);
      return;
    case 'REQUEST':
      validateRequestCommand({
        type: 'OpenRequest',
        data: {
          requestId: 'request:GRO:fuzz',
          ople: OPLE,
          oficioNumber: ine.oficioNumber,
          date: ine.date,
          subject: ine.subject!,
          deliverable: ine.deliverable,
          dueDate: ine.dueDate,
        },
      });
      return;
    case 'REMINDER':
      must(ine.items!.length > 0, 'a reminder of nothing', o);
      // Partial is better than nothing, but nothing is lost: every item is recorded or left for review.
      must(
        ine.items!.length + (step.door === 'INE' && step.pending ? step.pending.length : 0) === o.items.length,
        'a reminder item neither recorded nor left for review',
        o,
      );
      must(
        o.itemsForReview.length > 0 === Boolean(step.door === 'INE' && step.pending?.length),
        'items for review the plan does not leave (or the reverse)',
        o,
      );
      for (const { deliverable, versionKind, dueDate } of ine.items!) {
        validateExpectation({
          documentId: 'document:GRO:fuzz',
          ople: OPLE,
          deliverable,
          versionKind,
          dueDate,
          sourceOficio: ine.oficioNumber,
          sourceDate: ine.date,
        });
      }
      return;
    case 'INVITATION':
    case 'NOTICE':
      validateNotice({
        ople: OPLE,
        oficioNumber: ine.oficioNumber,
        date: ine.date,
        kind: ine.kind,
        subject: ine.subject!,
        meetingAt: ine.meetingAt ?? null,
        references: ine.references,
        deliverable: ine.deliverable ?? null,
      });
      return;
  }
}

function checkResult(input: string, result: ParseResult): void {
  const mayQuote = !NOT_A_VALUE.test(input);
  let previousEnd = 0;
  for (const o of result.oficios) {
    checkOficio(input, mayQuote, o);
    must(o.span.start >= previousEnd, 'entries out of order or overlapping', o);
    previousEnd = o.span.end;
    checkStep(o, planIngest(o, OPLE));
  }
  if (result.warnings.some((w) => w.trim() === '')) throw new Error('an empty warning');
}

/** Parses, and accepts only a result that passes every check or a refusal that names `text`. */
function parseOrRefuse(input: string): ParseResult | null {
  let result: ParseResult;
  try {
    result = parseCorrespondence(input, { ople: OPLE });
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect([(error as DomainError).code, (error as DomainError).field]).toEqual(['INVALID_INPUT', 'text']);
    // Only text with nothing readable in it is refused.
    expect(normalizeText(input).text.trim()).toBe('');
    return null;
  }
  checkResult(input, result);
  return result;
}

// ---------------------------------------------------------------------------------------------
// Hostile material.

const SQL = [
  "'; DROP TABLE events; --",
  "' OR '1'='1",
  '"; DELETE FROM rm_documents WHERE ""="',
  '1; SELECT pg_sleep(10)--',
  "Robert'); DROP TABLE oficios;--",
];
const HTML = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  '{{constructor.constructor("alert(1)")()}}',
  '${process.exit(1)}',
];
const CONTROL = [
  '\u0000',
  '\u0001',
  '\u0007',
  '\b',
  '\u000B',
  '\f',
  '\r',
  '\u001B[31m',
  '\u007F',
  '\u0085',
  '\u200B',
  '\u200E',
  '\u202E',
  '\u2028',
  '\u2029',
  '\uFEFF',
  '\u00AD',
  '\uD800',
  '\uDFFF',
  '\uDBFF\uDFFF',
];
const MALFORMED_NUMBERS = [
  'INE/UTSI/1121/24',
  'INE/UTSI/1121/1899',
  'INE/UTSI/1234567/2024',
  'INE//1121/2024',
  'INE/UTSI/11a21/2024',
  '/UTSI/1121/2024',
  'INE/UTSI/-1/2024',
  'INE/UTSI/1121/20245',
  'INE UTSI 1121 2024',
  'INE/UTSI/1121/2024/0001/2024/'.repeat(20),
  'INE/' + 'A/'.repeat(40) + '1/2024',
];
const IMPOSSIBLE_DATES = [
  '31 de febrero de 2024',
  '30 de febrero de 2024',
  '29 de febrero de 2023',
  '31 de abril de 2024',
  '0 de marzo de 2024',
  '32 de enero de 2024',
  '2024-13-45',
  '2024-02-30',
  '2023-02-29',
  '2024-00-10',
  '31/04/2024',
  '30/02/2024',
  '13/13/2024',
  '00/01/2024',
];
const PHRASE_BITS = [
  'se tienen por atendidas las observaciones remitidas mediante oficio',
  'se tienen por atendidas de manera parcial las observaciones',
  'se generan observaciones adicionales',
  'no se generan observaciones adicionales',
  'se tiene por recibido',
  'remite diversas observaciones',
  'atento recordatorio de los entregables',
  'se hace la invitación para asistir el 5 de marzo a las 13:00 horas (tiempo del centro)',
  'solicita se informe, a más tardar el 4 de marzo,',
  '(Con plazo máximo de remisión al 5 de abril de 2024);',
  'Página 2 de 7',
  'Lo que se informa para los efectos conducentes.',
  '\n7. 5 de marzo de 2024, oficio INE/UTSI/1312/2024, mediante el cual ',
];
const HOSTILE = [...SQL, ...HTML, ...CONTROL, ...MALFORMED_NUMBERS, ...IMPOSSIBLE_DATES, ...PHRASE_BITS];

/** Any UTF-16 code unit: lone surrogates, NUL and C1 controls included. */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
const anyText = fc.string({
  unit: fc.oneof(codeUnit, fc.constantFrom(...CONTROL), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 })),
  maxLength: 400,
});
const hostileSnippet = fc.oneof(
  fc.constantFrom(...HOSTILE),
  anyText,
  fc.constantFrom('x', '\t', ' ', '/', '\n').chain((c) => fc.integer({ min: 1, max: 20_000 }).map((n) => c.repeat(n))),
);

type Edit = { at: number; remove: number; insert: string };
const edit: fc.Arbitrary<Edit> = fc.record({
  at: fc.nat(),
  remove: fc.oneof(fc.constant(0), fc.nat(40), fc.nat(2_000)),
  insert: fc.oneof(fc.constant(''), hostileSnippet),
});

function applyEdits(text: string, edits: readonly Edit[]): string {
  let out = text;
  for (const e of edits) {
    const at = out.length ? e.at % (out.length + 1) : 0;
    out = out.slice(0, at) + e.insert + out.slice(at + e.remove);
  }
  return out;
}
const mutatedSeed = fc.array(edit, { minLength: 1, maxLength: 12 }).map((edits) => applyEdits(SEED, edits));

// A report entry built from parts, so that the properties below know what it says.
const ineNumber = fc.integer({ min: 1, max: 9999 }).map((n) => `INE/UTSI/${String(n).padStart(4, '0')}/2024`);
const validDate = fc
  .date({ min: new Date('2023-01-01T12:00:00Z'), max: new Date('2025-12-31T12:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
type DateFormat = 'LONG' | 'NUMERIC' | 'ISO';
const dateFormat = fc.constantFrom<DateFormat>('LONG', 'NUMERIC', 'ISO');
function writeDate(format: DateFormat, y: number, m: number, d: number): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  if (format === 'LONG') return `${d} de ${MONTHS[m - 1] ?? 'marzo'} de ${y}`;
  if (format === 'NUMERIC') return `${pad(d)}/${pad(m)}/${y}`;
  return `${y}-${pad(m)}-${pad(d)}`;
}
/** A day that does not exist: 31 de febrero, 29 de febrero of a common year, month 13, day 0… */
const impossibleDate = fc
  .record({
    y: fc.integer({ min: 2023, max: 2026 }),
    m: fc.integer({ min: 1, max: 12 }),
    format: dateFormat,
    over: fc.integer({ min: 1, max: 4 }),
    kind: fc.constantFrom('DAY', 'ZERO', 'MONTH'),
  })
  .map(({ y, m, format, over, kind }) => {
    const daysInMonth = DateTime.utc(y, m, 1).daysInMonth!;
    if (kind === 'ZERO') return writeDate(format, y, m, 0);
    // Long dates name the month, so only the day can be impossible; numeric ones also take month 13+.
    if (kind === 'MONTH' && format !== 'LONG') return writeDate(format, y, 12 + over, Math.min(28, over * 7));
    return writeDate(format, y, m, Math.min(daysInMonth + over, 99));
  });

function entry(marker: number, date: string, number: string, body: string): string {
  return `${marker}. ${date}, oficio ${number}, mediante el cual ${body}`;
}

// ---------------------------------------------------------------------------------------------

describe('fuzzing the intake parser', () => {
  const runs = (numRuns: number) => ({ seed: SEED_VALUE, numRuns, endOnFailure: numRuns === 1 });

  it('refuses nothing but unreadable text, and never throws anything else, on arbitrary code units', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        parseOrRefuse(text);
      }),
      runs(1_000),
    );
  });

  it('keeps every invariant on the seed report cut up and spliced with control characters, injections and malformed oficios', () => {
    const numRuns = 300;
    let oficios = 0;
    fc.assert(
      fc.property(mutatedSeed, (text) => {
        oficios += parseOrRefuse(text)?.oficios.length ?? 0;
      }),
      runs(numRuns),
    );
    // The mutations leave most of the report readable: the checks ran on real entries.
    expect(oficios).toBeGreaterThan(numRuns * 10);
  });

  it('never reads an impossible date as a valid one, as the oficio’s date, a deadline or a reminder’s plazo', () => {
    fc.assert(
      fc.property(impossibleDate, ineNumber, fc.constantFrom('DATE', 'DEADLINE', 'PLAZO'), (bad, number, where) => {
        const text =
          where === 'DATE'
            ? entry(1, bad, number, 'remite el documento “Guía de difusores”.')
            : where === 'DEADLINE'
              ? entry(
                  1,
                  '1 de marzo de 2024',
                  number,
                  `solicita se informe, a más tardar el ${bad}, el estatus de la contratación.`,
                )
              : entry(
                  1,
                  '1 de marzo de 2024',
                  number,
                  `se hace un atento recordatorio de los entregables siguientes:\n• Plan de seguridad (Con plazo máximo de remisión al ${bad});`,
                );
        const [o] = parseOrRefuse(text)!.oficios;
        expect(o.needsReview).toBe(true);
        if (where === 'DATE') {
          expect(o.date).toBeNull();
          expect(o.reviewReasons.join(' ')).toMatch(/fecha del oficio/);
        }
        if (where === 'DEADLINE')
          expect([o.deadline, o.reviewReasons.join(' ')]).toEqual([null, expect.stringMatching(/fecha límite/)]);
        if (where === 'PLAZO') expect(o.items.map((i) => i.dueDate)).toEqual([null]);
        expect(planIngest(o, OPLE).door).toBe('NONE');
      }),
      runs(150),
    );
  });

  it('reads the same dates exactly when they exist (the generator above is not trivially refused)', () => {
    fc.assert(
      fc.property(validDate, dateFormat, ineNumber, (iso, format, number) => {
        const [y, m, d] = iso.split('-').map(Number);
        const [o] = parseOrRefuse(
          entry(
            1,
            writeDate(format, y, m, d),
            number,
            `solicita se informe, a más tardar el ${writeDate(format, y + 1, m, Math.min(d, 28))}, el estatus.`,
          ),
        )!.oficios;
        expect([o.date, o.deadline, o.needsReview]).toEqual([
          iso,
          `${y + 1}-${String(m).padStart(2, '0')}-${String(Math.min(d, 28)).padStart(2, '0')}`,
          false,
        ]);
      }),
      runs(100),
    );
  });

  it('takes a malformed oficio number for none (and flags the entry), or reads a well-formed one that is in the text', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...MALFORMED_NUMBERS, ...SQL.map((s) => `INE/UTSI/${s}/2024`)),
        fc.constantFrom(...HTML, ...SQL, ''),
        (bad, noise) => {
          const result = parseOrRefuse(
            entry(1, '4 de marzo de 2024', bad + noise, 'remite diversas observaciones al plan de seguridad.'),
          );
          for (const o of result!.oficios) {
            if (o.number === null) expect(planIngest(o, OPLE).door).toBe('NONE');
            expect(o.number).not.toBe(normalizeOficioNumber(bad));
          }
        },
      ),
      runs(60),
    );
  });

  it('keeps circular, self and unknown citations as cited, never as the oficio itself, and plans nothing inconsistent', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(ineNumber, { minLength: 4, maxLength: 4 }),
        fc.boolean(),
        ([a, b, self, unknown], partial) => {
          const judged = partial
            ? 'se tienen por atendidas de manera parcial las observaciones'
            : 'se tienen por atendidas las observaciones';
          const answer = (n: number, number: string, cited: string) =>
            entry(
              n,
              `${n + 3} de marzo de 2024`,
              number,
              `informa que ${judged} remitidas mediante oficio ${cited} y no se generan adicionales.`,
            );
          const [first, second, selfCiting, citingUnknown] = parseOrRefuse(
            [answer(1, a, b), answer(2, b, a), answer(3, self, self), answer(4, unknown, 'INE/UTSI/99999/2023')].join(
              '\n',
            ),
          )!.oficios;
          // A cites B and B cites A: each keeps its citation, each is planned as a review of what it cites.
          expect([first.references, second.references, citingUnknown.references]).toEqual([
            [b],
            [a],
            ['INE/UTSI/99999/2023'],
          ]);
          const outcome = partial ? 'PARTIALLY_ADDRESSED' : 'ADDRESSED';
          for (const o of [first, second, citingUnknown])
            expect(planIngest(o, OPLE)).toMatchObject({
              door: 'INE',
              input: { kind: 'REVIEW', outcome, references: o.references },
            });
          // Citing only itself cites nothing: an answer that judges observations must say whose.
          expect(selfCiting.references).toEqual([]);
          expect(selfCiting.reviewReasons).toContain(
            'tiene por atendidas observaciones pero no cita el oficio que las remitió',
          );
          expect(planIngest(selfCiting, OPLE).door).toBe('NONE');
        },
      ),
      runs(60),
    );
  });

  it('keeps every invariant on entries assembled from the phrase families, hostile strings and other entries', () => {
    const bodyPart = fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...PHRASE_BITS) },
      ineNumber,
      impossibleDate,
      validDate,
      fc.constantFrom(...SQL, ...HTML, ...CONTROL, ...MALFORMED_NUMBERS),
    );
    const someEntry = fc.tuple(
      fc.integer({ min: 1, max: 30 }),
      fc.oneof(validDate, impossibleDate),
      fc.oneof(ineNumber, fc.constantFrom('IEPC/GRO/SE/0088/2024', ...MALFORMED_NUMBERS)),
      fc.array(bodyPart, { minLength: 1, maxLength: 8 }),
    );
    fc.assert(
      fc.property(fc.array(someEntry, { minLength: 1, maxLength: 6 }), (entries) => {
        parseOrRefuse(
          entries.map(([marker, date, number, parts]) => entry(marker, date, number, `${parts.join(' ')}.`)).join('\n'),
        );
      }),
      runs(500),
    );
  });

  // One run each: the point is size, not variety (how long it takes is a figure of the bench).

  it('parses 10 MB of seed reports spliced with hostile edits, every oficio checked', () => {
    fc.assert(
      fc.property(fc.array(edit, { minLength: 300, maxLength: 300 }), (edits) => {
        // Each copy takes its own share of the edits (cheaper than splicing a 10 MB string 300 times).
        const copies = Array.from({ length: 1_300 }, (_, i) =>
          applyEdits(
            SEED,
            edits.filter((e) => e.at % 1_300 === i),
          ),
        );
        const text = copies.join('\n');
        expect(text.length).toBeGreaterThan(10_000_000);
        const result = parseOrRefuse(text);
        expect(result!.oficios.length).toBeGreaterThan(1_300 * 15);
      }),
      runs(1),
    );
  }, 120_000);

  it('parses 10 MB of arbitrary code units on a single line', () => {
    fc.assert(
      fc.property(fc.string({ unit: codeUnit, minLength: 1_000, maxLength: 1_000 }), (block) => {
        parseOrRefuse(block.replace(/[\n\r\u2028\u2029\u000B\f]/g, ' ').repeat(10_000));
      }),
      runs(1),
    );
  }, 120_000);
});
