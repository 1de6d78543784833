import fc from 'fast-check';
import {
  DomainError,
  OPLES,
  acknowledgement,
  decideDocument,
  decideRequest,
  initialDocumentState,
  initialRequestState,
  isIneOficio,
  isLocalDate,
  isOficioNumber,
  normalizeOficioNumber,
} from './index';
import {
  validateExpectation,
  validateExtension,
  validateIdentity,
  validateIneAnswer,
  validateNotice,
  validateRequestCommand,
  validateSubmission,
  validateWithdrawal,
} from './index';

/**
 * Property-based fuzzing of the domain's input checks (issue 8, item 6). Every validator gets
 * arbitrary JSON (what a GraphQL variable or a Temporal payload can carry) and either passes or
 * throws DomainError('INVALID_INPUT', '<field>: <reason>', '<field>') naming one of its own
 * fields — never a TypeError. Independent oracles say what is valid: what passes must be valid,
 * and one bad field among good ones must be the field the error names. Fixed seed.
 */
const SEED = 20_240_322;
const runs = (numRuns: number) => ({ seed: SEED, numRuns });

// ---------------------------------------------------------------------------------------------
// Oracles, written from the documentation rather than from the code under test.

/** A real calendar day written YYYY-MM-DD (proleptic Gregorian, as Luxon counts). */
function oracleDate(v: unknown): boolean {
  if (typeof v !== 'string') return false;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (!m) return false;
  const d = new Date(0);
  d.setUTCFullYear(+m[1], +m[2] - 1, +m[3]);
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

/** Slash-separated segments ending in a sequence number (1–6 digits) and a year 19xx/20xx; spaces and case do not count. */
function oracleOficio(v: unknown): boolean {
  if (typeof v !== 'string') return false;
  const parts = v.normalize('NFC').toUpperCase().replace(/\s+/g, '').split('/');
  if (parts.length < 3) return false;
  const [year, sequence] = [parts.pop()!, parts.pop()!];
  return (
    /^(19|20)\d\d$/.test(year) && /^\d{1,6}$/.test(sequence) && parts.every((p) => /^[A-ZÑ0-9][A-ZÑ0-9.-]*$/.test(p))
  );
}

const oracleOple = (v: unknown) => typeof v === 'string' && OPLES.some((o) => o.id === v);
const oracleDeliverable = (v: unknown) => Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 34;
const oracleText = (max: number) => (v: unknown) => typeof v === 'string' && v.trim() !== '' && v.length <= max;

// ---------------------------------------------------------------------------------------------
// Material: valid values, hostile ones, and arbitrary JSON.

/** Records and dictionaries as JSON gives them: fast-check also makes null-prototype objects, which no payload carries. */
const plain = { noNullPrototype: true } as const;

const SQL = ["'; DROP TABLE events; --", "' OR '1'='1", '1; SELECT pg_sleep(10)--'];
const HTML = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '{{constructor.constructor("alert(1)")()}}'];
const CONTROL = ['\u0000', '\u0007', '\u001B[31m', '\u202E', '\uFEFF', '\uD800', '\uDFFF', '\r\n', '\t'];
const hostileString = fc.oneof(
  fc.constantFrom(
    ...SQL,
    ...HTML,
    ...CONTROL,
    '',
    ' ',
    '\n\t ',
    'undefined',
    'null',
    'NaN',
    '__proto__',
    'constructor',
    'toString',
  ),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 60 }),
  fc.constantFrom(1_001, 2_001, 4_001, 10_000).map((n) => 'x'.repeat(n)),
);
/** JSON as JSON.parse gives it (plain objects: the generator also makes null-prototype ones). */
const json = fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.parse(JSON.stringify(v)) as unknown);
const anything = fc.oneof(
  json,
  hostileString,
  fc.constantFrom(null, undefined, true, 0, -1, 1.5, 1e308, NaN, Infinity, [], {}, [null], [{}], ['']),
);

const oficioNumber = fc
  .tuple(
    fc.constantFrom('INE/UTSI', 'IEPC/GRO/SE', 'IEEM/SE', 'ine/ utsi', 'OPLE/VER/P.E-1'),
    fc.integer({ min: 0, max: 999_999 }),
    fc.integer({ min: 1900, max: 2099 }),
  )
  .map(([p, n, y]) => `${p}/${n}/${y}`);
const badOficioNumber = fc
  .oneof(
    fc.constantFrom(
      'INE/UTSI/1121/24',
      'INE/UTSI/1121/1899',
      'INE/UTSI/1234567/2024',
      'INE//1121/2024',
      'INE/UTSI/11a21/2024',
      '/UTSI/1121/2024',
      'INE/UTSI/-1/2024',
      '1121/2024',
      'INE/UTSI/1121/2024/',
      "INE/UTSI/1'; DROP TABLE events; --/2024",
      '<b>INE/UTSI/1121/2024</b>',
    ),
    hostileString,
  )
  .filter((v) => !oracleOficio(v));
const localDate = fc
  .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const badDate = fc
  .oneof(
    fc.constantFrom(
      '2024-02-30',
      '2023-02-29',
      '2024-13-01',
      '2024-00-10',
      '2024-04-31',
      '2024-1-5',
      '24-01-05',
      '2024/01/05',
      '05/01/2024',
      '2024-01-05T00:00:00Z',
      ' 2024-01-05',
      '31 de febrero de 2024',
      '+002024-01-05',
    ),
    fc
      .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }))
      .map(([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
    hostileString,
  )
  .filter((v) => !oracleDate(v));
const ople = fc.constantFrom(...OPLES.map((o) => o.id));
const badOple = fc
  .oneof(fc.constantFrom('gro', 'Guerrero', 'XXX', ' GRO', 'GRO ', 'INE'), hostileString)
  .filter((v) => !oracleOple(v));
const deliverable = fc.integer({ min: 1, max: 34 });
const badDeliverable = fc.oneof(fc.constantFrom(0, 35, -1, 1.5, NaN, Infinity, 2 ** 53, '5', null), hostileString);
const versionKind = fc.constantFrom('PROYECTO', 'FINAL');
const badEnum = fc.oneof(fc.constantFrom('proyecto', 'Final', 'ACCEPTED ', 0, true, null), hostileString);
/** Free text: HTML, SQL and control characters are text like any other. */
const text = (max: number) =>
  fc
    .oneof(fc.string({ minLength: 1, maxLength: 80 }), fc.constantFrom(...SQL, ...HTML, 'a\u0007b', 'x'.repeat(max)))
    .filter(oracleText(max));
const badText = (max: number) =>
  fc.oneof(
    fc.constantFrom('', '   ', '\n\t', 'x'.repeat(max + 1), 42, null, [], {}),
    json.filter((v) => typeof v !== 'string'),
  );
/** An optional text (a title) may be blank, but not too long nor anything but text. */
const badOptionalText = (max: number) => badText(max).filter((v) => typeof v !== 'string' || v.length > max);
const documentId = fc.constantFrom('document:GRO:e6-proyecto', 'document:MEX:informe-marzo');
const references = fc.array(oficioNumber, { maxLength: 20 });
const badReferences = fc.oneof(
  fc.constantFrom('INE/UTSI/1121/2024', null, 7, {}),
  fc.array(oficioNumber, { minLength: 21, maxLength: 25 }),
  fc.tuple(references, badOficioNumber).map(([refs, bad]) => [...refs.slice(0, 19), bad]),
);

// ---------------------------------------------------------------------------------------------
// What a refusal must look like.

/** The top-level input field an error names: `references[3]` → references, `policy.closedDays[0]` → policy. */
const rootOf = (field: string) => field.split(/[.[]/)[0];

function outcomeOf(run: () => unknown): { passed: true } | { passed: false; error: DomainError } {
  try {
    run();
    return { passed: true };
  } catch (error) {
    if (!(error instanceof DomainError))
      throw new Error(`threw ${(error as Error)?.constructor?.name}: ${(error as Error)?.message}`);
    return { passed: false, error };
  }
}

function expectNamedRefusal(
  error: DomainError,
  fields: readonly string[],
  codes: readonly string[] = ['INVALID_INPUT'],
): void {
  expect(codes).toContain(error.code);
  if (error.code !== 'INVALID_INPUT') return;
  expect(typeof error.field).toBe('string');
  expect(fields).toContain(rootOf(error.field!));
  // "<field>: <reason>", the reason in words.
  expect(error.message.startsWith(`${error.field}: `)).toBe(true);
  expect(error.message.slice(error.field!.length + 2).trim().length).toBeGreaterThan(3);
}

// ---------------------------------------------------------------------------------------------
// Each validator: its fields, a generator of valid input, the bad values of each field, and an oracle.

type Data = Record<string, unknown>;
interface Subject {
  name: string;
  validate: (data: Data) => unknown;
  valid: fc.Arbitrary<Data>;
  bad: Record<string, fc.Arbitrary<unknown>>;
  /** Fields an error may name (its own, and those of an identity it carries). */
  fields: readonly string[];
  /** What passing guarantees, checked independently. */
  oracle: (data: Data) => boolean;
}

const identity = { documentId, ople, deliverable, versionKind };
const identityBad = {
  documentId: fc.oneof(fc.constantFrom('GRO:e6', 'documento:GRO:x', ''), badEnum),
  ople: badOple,
  deliverable: badDeliverable,
  versionKind: badEnum,
  title: badOptionalText(500),
};
const identityOracle = (d: Data) =>
  typeof d.documentId === 'string' &&
  d.documentId.startsWith('document:') &&
  oracleOple(d.ople) &&
  oracleDeliverable(d.deliverable) &&
  ['PROYECTO', 'FINAL'].includes(d.versionKind as string);
const IDENTITY_FIELDS = ['documentId', 'ople', 'deliverable', 'versionKind', 'title', 'policy'];
const optional = (v: unknown, oracle: (v: unknown) => boolean) => v === undefined || oracle(v);

/** A date, a reason and perhaps the oficio that says so: a withdrawal, an extension. */
function datedReason(name: string, validate: (d: Data) => unknown, dateField: 'date' | 'dueDate'): Subject {
  return {
    name,
    validate,
    valid: fc.record(
      { [dateField]: localDate, reason: text(1000), oficioNumber },
      { ...plain, requiredKeys: [dateField, 'reason'] },
    ),
    bad: { [dateField]: badDate, reason: badText(1000), oficioNumber: badOficioNumber },
    fields: [dateField, 'reason', 'oficioNumber'],
    // oficioNumber may be absent or null (GraphQL sends an explicit null): no oficio says so.
    oracle: (d) =>
      oracleDate(d[dateField]) &&
      oracleText(1000)(d.reason) &&
      (d.oficioNumber === null || optional(d.oficioNumber, oracleOficio)),
  };
}

const SUBJECTS: Subject[] = [
  {
    name: 'validateIdentity',
    validate: (d) => validateIdentity(d as never),
    valid: fc.record(
      { ...identity, title: text(500) },
      { ...plain, requiredKeys: ['documentId', 'ople', 'deliverable', 'versionKind'] },
    ),
    bad: identityBad,
    fields: IDENTITY_FIELDS,
    oracle: identityOracle,
  },
  {
    name: 'validateExpectation',
    validate: (d) => validateExpectation(d as never),
    valid: fc.record(
      { ...identity, dueDate: localDate, sourceOficio: oficioNumber, sourceDate: localDate },
      { ...plain, requiredKeys: ['documentId', 'ople', 'deliverable', 'versionKind', 'dueDate'] },
    ),
    bad: { ...identityBad, dueDate: badDate, sourceOficio: badOficioNumber, sourceDate: badDate },
    fields: [...IDENTITY_FIELDS, 'dueDate', 'sourceOficio', 'sourceDate'],
    oracle: (d) =>
      identityOracle(d) &&
      oracleDate(d.dueDate) &&
      optional(d.sourceOficio, oracleOficio) &&
      optional(d.sourceDate, oracleDate),
  },
  {
    name: 'validateSubmission',
    validate: (d) => validateSubmission(d as never),
    valid: fc.record(
      { ...identity, oficioNumber, submittedOn: localDate, references },
      { ...plain, requiredKeys: ['documentId', 'ople', 'deliverable', 'versionKind', 'oficioNumber', 'submittedOn'] },
    ),
    bad: { ...identityBad, oficioNumber: badOficioNumber, submittedOn: badDate, references: badReferences },
    fields: [...IDENTITY_FIELDS, 'oficioNumber', 'submittedOn', 'references'],
    oracle: (d) =>
      identityOracle(d) &&
      oracleOficio(d.oficioNumber) &&
      oracleDate(d.submittedOn) &&
      (d.references === undefined ||
        (Array.isArray(d.references) && d.references.length <= 20 && d.references.every(oracleOficio))),
  },
  {
    name: 'validateIneAnswer',
    validate: (d) => validateIneAnswer(d as never),
    // A valid combination: observations only when raised, additional ones only on a judgement, ids only when partial.
    valid: fc
      .record(
        {
          oficioNumber,
          date: localDate,
          outcome: fc.constantFrom('OBSERVATIONS', 'PARTIALLY_ADDRESSED', 'ADDRESSED', 'ACCEPTED'),
          additional: fc.boolean(),
          references,
          observations: fc.array(fc.record({ id: text(100), text: text(4000) }, { ...plain, requiredKeys: ['text'] }), {
            maxLength: 5,
          }),
          addressedObservationIds: fc.array(fc.string(), { maxLength: 3 }),
        },
        plain,
      )
      .map(({ outcome, additional, observations, addressedObservationIds, ...rest }) => {
        const additionalObservations = additional && (outcome === 'PARTIALLY_ADDRESSED' || outcome === 'ADDRESSED');
        return {
          ...rest,
          outcome,
          additionalObservations,
          ...(outcome === 'OBSERVATIONS' || additionalObservations ? { observations } : {}),
          ...(outcome === 'PARTIALLY_ADDRESSED' ? { addressedObservationIds } : {}),
        };
      }),
    bad: {
      oficioNumber: badOficioNumber,
      date: badDate,
      outcome: badEnum,
      additionalObservations: fc.constantFrom('true', 1, null, 'false'),
      references: badReferences,
      observations: fc.oneof(
        fc.constantFrom('obs', 5, {}),
        fc.array(
          fc.oneof(
            fc.constant(null),
            fc.record({ text: badText(4000) }, plain),
            fc.record({ id: badText(100), text: text(10) }, plain),
          ),
          { minLength: 1, maxLength: 3 },
        ),
      ),
      identity: fc.record({ ...identity, ople: badOple }, plain),
    },
    fields: [
      'oficioNumber',
      'date',
      'outcome',
      'additionalObservations',
      'references',
      'observations',
      'addressedObservationIds',
      'identity',
      ...IDENTITY_FIELDS,
    ],
    oracle: (d) =>
      oracleOficio(d.oficioNumber) &&
      oracleDate(d.date) &&
      ['OBSERVATIONS', 'PARTIALLY_ADDRESSED', 'ADDRESSED', 'ACCEPTED'].includes(d.outcome as string) &&
      typeof d.additionalObservations === 'boolean' &&
      Array.isArray(d.references) &&
      d.references.length <= 20 &&
      d.references.every(oracleOficio) &&
      (d.observations === undefined ||
        (Array.isArray(d.observations) &&
          d.observations.every((o) => o !== null && typeof o === 'object' && oracleText(4000)((o as Data).text)))),
  },
  datedReason('validateWithdrawal', (d) => validateWithdrawal(d as never), 'date'),
  datedReason('validateExtension', (d) => validateExtension(d as never), 'dueDate'),
  {
    name: 'validateNotice',
    validate: (d) => validateNotice(d as never),
    valid: fc
      .record(
        {
          ople,
          oficioNumber,
          date: localDate,
          kind: fc.constantFrom('INVITATION', 'NOTICE'),
          subject: text(2000),
          meetingAt: fc.constantFrom('2024-03-12T10:00:00-06:00', '2024-03-12T16:00:00Z', null),
          references,
          deliverable: fc.option(deliverable),
        },
        plain,
      )
      .map((d) => (d.kind === 'NOTICE' ? { ...d, meetingAt: null } : d)),
    bad: {
      ople: badOple,
      oficioNumber: badOficioNumber,
      date: badDate,
      kind: badEnum,
      subject: badText(2000),
      meetingAt: fc.constantFrom(
        '2024-03-12T10:00',
        '2024-02-30T10:00:00-06:00',
        'mañana a las 10',
        '2024-03-12T25:00:00Z',
        'Z',
        '12:00-06:00',
        7,
      ),
      references: badReferences,
      deliverable: fc.constantFrom(0, 35, 1.5, '5', -1),
    },
    fields: ['ople', 'oficioNumber', 'date', 'kind', 'subject', 'meetingAt', 'references', 'deliverable'],
    oracle: (d) =>
      oracleOple(d.ople) &&
      oracleOficio(d.oficioNumber) &&
      oracleDate(d.date) &&
      ['INVITATION', 'NOTICE'].includes(d.kind as string) &&
      oracleText(2000)(d.subject) &&
      Array.isArray(d.references) &&
      d.references.length <= 20 &&
      d.references.every(oracleOficio) &&
      (d.deliverable === null || d.deliverable === undefined || oracleDeliverable(d.deliverable)),
  },
  {
    name: 'validateRequestCommand(OpenRequest)',
    validate: (d) => validateRequestCommand({ type: 'OpenRequest', data: d as never }),
    valid: fc
      .record(
        {
          requestId: fc.constant('request:GRO:ine-utsi-1221-2024'),
          ople,
          oficioNumber,
          date: localDate,
          subject: text(2000),
          deliverable,
          later: fc.nat(400),
        },
        { ...plain, requiredKeys: ['requestId', 'ople', 'oficioNumber', 'date', 'subject'] },
      )
      .map(({ later, ...d }) =>
        later === undefined
          ? d
          : { ...d, dueDate: new Date(Date.parse(d.date) + later * 86_400_000).toISOString().slice(0, 10) },
      ),
    bad: {
      requestId: fc.constantFrom('document:GRO:x', 'GRO:1221', 5),
      ople: badOple,
      oficioNumber: badOficioNumber,
      date: badDate,
      subject: badText(2000),
      deliverable: fc.constantFrom(0, 35, 1.5, '5'),
      dueDate: badDate,
    },
    fields: ['requestId', 'ople', 'oficioNumber', 'date', 'subject', 'deliverable', 'dueDate'],
    oracle: (d) =>
      typeof d.requestId === 'string' &&
      d.requestId.startsWith('request:') &&
      oracleOple(d.ople) &&
      oracleOficio(d.oficioNumber) &&
      oracleDate(d.date) &&
      oracleText(2000)(d.subject) &&
      optional(d.deliverable, oracleDeliverable) &&
      (d.dueDate === undefined || (oracleDate(d.dueDate) && (d.dueDate as string) >= (d.date as string))),
  },
  {
    name: 'validateRequestCommand(FulfillRequest)',
    validate: (d) => validateRequestCommand({ type: 'FulfillRequest', data: d as never }),
    valid: fc.record({ oficioNumber, date: localDate, by: fc.constantFrom('OPLE', 'INE') }, plain),
    bad: { oficioNumber: badOficioNumber, date: badDate, by: badEnum },
    fields: ['oficioNumber', 'date', 'by'],
    oracle: (d) => oracleOficio(d.oficioNumber) && oracleDate(d.date) && ['OPLE', 'INE'].includes(d.by as string),
  },
  {
    name: 'validateRequestCommand(CancelRequest)',
    validate: (d) => validateRequestCommand({ type: 'CancelRequest', data: d as never }),
    valid: fc.record({ date: localDate, reason: text(1000) }, plain),
    bad: { date: badDate, reason: badText(1000) },
    fields: ['date', 'reason'],
    oracle: (d) => oracleDate(d.date) && oracleText(1000)(d.reason),
  },
  datedReason(
    'validateRequestCommand(ExtendDeadline)',
    (d) => validateRequestCommand({ type: 'ExtendDeadline', data: d as never }),
    'dueDate',
  ),
];

/** Valid input with some fields replaced by arbitrary values, some dropped, and unknown ones added. */
function scrambled(subject: Subject): fc.Arbitrary<Data> {
  const keys = [...new Set([...Object.keys(subject.bad), ...subject.fields.filter((f) => f !== 'policy')])];
  const replacement = fc.oneof(anything, ...Object.values(subject.bad));
  return fc
    .tuple(
      subject.valid,
      fc.dictionary(fc.constantFrom(...keys), fc.option(replacement, { nil: undefined }), { ...plain, maxKeys: 4 }),
      fc.dictionary(fc.string({ maxLength: 8 }), json, { ...plain, maxKeys: 2 }),
    )
    .map(([valid, replaced, extra]) => ({ ...extra, ...valid, ...replaced }));
}

describe('fuzzing the domain’s input checks', () => {
  describe.each(SUBJECTS.map((s) => [s.name, s] as const))('%s', (_name, subject) => {
    it('accepts what is valid', () => {
      fc.assert(
        fc.property(subject.valid, (data) => {
          expect(outcomeOf(() => subject.validate(data))).toEqual({ passed: true });
        }),
        runs(200),
      );
    });

    it('names the one bad field among good ones, with its reason', () => {
      const oneBad = fc
        .constantFrom(...Object.keys(subject.bad))
        .chain((field) => fc.tuple(fc.constant(field), subject.valid, subject.bad[field]));
      fc.assert(
        fc.property(oneBad, ([field, valid, bad]) => {
          const result = outcomeOf(() => subject.validate({ ...valid, [field]: bad }));
          expect(result.passed).toBe(false);
          if (result.passed) return;
          expectNamedRefusal(result.error, subject.fields);
          // An identity's errors name its own fields (ople, deliverable…), which the gateway's input shares.
          if (field !== 'identity') expect(rootOf(result.error.field!)).toBe(field);
        }),
        runs(300),
      );
    });

    it('on arbitrary JSON in any field, passes only what the oracle calls valid, or refuses naming a field — never throws anything else', () => {
      fc.assert(
        fc.property(scrambled(subject), (data) => {
          const result = outcomeOf(() => subject.validate(data));
          if (result.passed) expect(subject.oracle(data)).toBe(true);
          else expectNamedRefusal(result.error, subject.fields);
        }),
        runs(500),
      );
    });
  });

  it('reads oficio numbers and dates as their oracles do, whatever the string', () => {
    const candidate = fc.oneof(oficioNumber, badOficioNumber, localDate, badDate, hostileString);
    fc.assert(
      fc.property(candidate, (s) => {
        expect(isOficioNumber(s)).toBe(oracleOficio(s));
        expect(isLocalDate(s)).toBe(oracleDate(s));
        const normal = normalizeOficioNumber(s);
        expect(normalizeOficioNumber(normal)).toBe(normal);
        if (isOficioNumber(s)) expect(isIneOficio(s)).toBe(normal.startsWith('INE/'));
      }),
      runs(2_000),
    );
  });

  it('decides a command on a new case or refuses it with a coded DomainError, whatever its data', () => {
    const documentCommand = fc.oneof(
      ...(['ExpectDocument', 'SubmitDocument', 'RecordIneAnswer', 'WithdrawDocument', 'ExtendDeadline'] as const).map(
        (type) => {
          const subject = SUBJECTS.find(
            (s) =>
              s.name ===
              {
                ExpectDocument: 'validateExpectation',
                SubmitDocument: 'validateSubmission',
                RecordIneAnswer: 'validateIneAnswer',
                WithdrawDocument: 'validateWithdrawal',
                ExtendDeadline: 'validateExtension',
              }[type],
          )!;
          return fc.tuple(fc.constant(type), fc.oneof(subject.valid, scrambled(subject)));
        },
      ),
    );
    fc.assert(
      fc.property(documentCommand, ([type, data]) => {
        const result = outcomeOf(() => decideDocument({ type, data } as never, initialDocumentState));
        if (!result.passed)
          expectNamedRefusal(
            result.error,
            [...new Set(SUBJECTS.flatMap((s) => s.fields))],
            ['INVALID_INPUT', 'UNKNOWN_DOCUMENT', 'NO_DEADLINE'],
          );
      }),
      runs(1_000),
    );
    const requestCommand = fc.oneof(
      ...SUBJECTS.filter((s) => s.name.startsWith('validateRequestCommand')).map((s) =>
        fc.tuple(fc.constant(s.name.slice('validateRequestCommand('.length, -1)), fc.oneof(s.valid, scrambled(s))),
      ),
    );
    fc.assert(
      fc.property(requestCommand, ([type, data]) => {
        const result = outcomeOf(() => decideRequest({ type, data } as never, initialRequestState));
        if (!result.passed)
          expectNamedRefusal(
            result.error,
            [...new Set(SUBJECTS.flatMap((s) => s.fields))],
            ['INVALID_INPUT', 'UNKNOWN_REQUEST', 'NO_DEADLINE'],
          );
      }),
      runs(500),
    );
  });

  it('acknowledges only an escalation the case has, and refuses the rest with a code', () => {
    fc.assert(
      fc.property(
        fc.record({ key: anything, by: anything, now: anything, note: anything }, { ...plain, requiredKeys: [] }),
        (data) => {
          const result = outcomeOf(() => acknowledgement([], data as never));
          expect(result.passed).toBe(false);
          if (!result.passed)
            expectNamedRefusal(result.error, ['key', 'note'], ['INVALID_INPUT', 'UNKNOWN_ESCALATION']);
        },
      ),
      runs(300),
    );
  });
});
