import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import {
  type GraphQLInputType,
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
} from 'graphql';
import { type TestStack, startTestStack } from '../support/test-stack';

/**
 * Every query of the committed schema with hostile arguments (fast-check, fixed seed): impossible
 * and out-of-range dates and instants, forged cursors, page sizes out of range, SQL, control
 * characters, wrong OPLEs — through the real gateway and PostgreSQL, as INE and as an OPLE user.
 * Each answer must be data, or a clear refusal (BAD_USER_INPUT naming a field, NOT_FOUND,
 * FORBIDDEN, a validation error): never a server error. The probe found a malformed cursor and an
 * out-of-range date answered 500; this tries the class.
 */
const SEED = 20_261_202;
const RUNS_PER_QUERY = 40;
const SCHEMA = buildSchema(readFileSync(join(__dirname, '../../apps/gateway/schema.gql'), 'utf8'));
const QUERIES = SCHEMA.getQueryType()!.getFields();
const ALLOWED = new Set(['BAD_USER_INPUT', 'NOT_FOUND', 'FORBIDDEN', 'GRAPHQL_VALIDATION_FAILED']);

const cursor = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const DATES = [
  '2024-03-01',
  '2024-02-29',
  '2024-02-30',
  '2023-02-29',
  '0000-01-01',
  '9999-12-31',
  '1899-12-31',
  '2024-13-01',
  '2024-00-10',
  '24-03-01',
  '2024/03/01',
  '',
];
const INSTANTS = [
  '2024-03-01T12:00:00Z',
  '2024-03-01T12:00:00-06:00',
  '+275760-09-13T00:00:00Z',
  '-001000-01-01T00:00:00Z',
  '2024-03-01T25:00:00Z',
  'T',
  '2024-03-01T',
];
const CURSORS = [
  '%%%',
  'e30',
  cursor(['infinity', 'document:GRO:e6-proyecto']),
  cursor(['2024-03-01T00:00:00.000Z', 'document:GRO:e6-proyecto']),
  cursor(['+275760-09-13T00:00:00.000Z', 'x']),
  cursor([{ a: 1 }, 'x']),
  cursor(['', "'; DROP TABLE events; --"]),
  cursor(['asOf', 'document:GRO:e6-proyecto']),
  cursor([null, null]),
  cursor('x'.repeat(400)),
];
const TEXT = [
  "'; DROP TABLE events; --",
  '<script>alert(1)</script>',
  '\u0000',
  'a\u0000b',
  '\uD800',
  '%',
  '_',
  '\\',
  'GRO',
  'MEX',
  'gro',
  'INE',
  'document:MEX:e6-proyecto',
  'request:GRO:../../x',
  'x'.repeat(101),
  '',
];
const INTS = [-2_147_483_648, -100_000_000, -1, 0, 1, 6, 34, 35, 50, 200, 201, 2_147_483_647];

/** A hostile value for an argument, by its name first, then by its type. */
function valueFor(name: string, type: GraphQLInputType, depth = 0): fc.Arbitrary<unknown> {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) return fc.array(valueFor(name, inner.ofType as GraphQLInputType, depth + 1), { maxLength: 3 });
  const named = getNamedType(inner);
  if (isEnumType(named)) return fc.constantFrom(...named.getValues().map((v) => v.name));
  if (isInputObjectType(named)) {
    if (depth > 2) return fc.constant({});
    const fields = Object.values(named.getFields());
    return fc.record(Object.fromEntries(fields.map((f) => [f.name, valueFor(f.name, f.type, depth + 1)])), {
      requiredKeys: fields.filter((f) => isNonNullType(f.type)).map((f) => f.name),
    });
  }
  if (named.name === 'Int') return fc.constantFrom(...INTS);
  if (named.name === 'Boolean') return fc.boolean();
  if (/^(asOf)$/.test(name)) return fc.constantFrom(...DATES, ...INSTANTS);
  if (/^(from|to|dueBefore)$/.test(name)) return fc.constantFrom(...DATES, ...INSTANTS.slice(0, 2));
  if (name === 'after') return fc.constantFrom(...CURSORS);
  if (name === 'ople') return fc.constantFrom('GRO', 'MEX', 'ZZZ', 'gro', "'; --", '');
  if (name === 'number') return fc.constantFrom('INE/UTSI/0451/2024', 'IEEM/SE/0001/2024', 'INE//1/2024', ...TEXT);
  return fc.oneof(fc.constantFrom(...TEXT), fc.string({ maxLength: 30 }));
}

/** `{ field(arg: $arg …) { __typename } }` with a variable per argument. */
function operation(name: string): { query: string; variables: fc.Arbitrary<Record<string, unknown>> } {
  const field = QUERIES[name];
  const args = field.args;
  const declared = args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const passed = args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const selection = isObjectType(getNamedType(field.type)) ? ' { __typename }' : '';
  const query = `query${declared ? `(${declared})` : ''} { ${name}${passed ? `(${passed})` : ''}${selection} }`;
  const variables = fc.record(Object.fromEntries(args.map((a) => [a.name, valueFor(a.name, a.type)])), {
    requiredKeys: args.filter((a) => isNonNullType(a.type)).map((a) => a.name),
  });
  return { query, variables };
}

describe('fuzzing every query with hostile arguments', () => {
  let stack: TestStack;
  let groSupervisor: string;

  beforeAll(async () => {
    stack = await startTestStack();
    groSupervisor = stack.tokens.issue({ subject: 'supervisor@iepc-gro', role: 'SUPERVISOR', institution: 'GRO' });
    for (const [ople, number] of [
      ['GRO', 'IEPC/GRO/SE/0001/2024'],
      ['MEX', 'IEEM/SE/0001/2024'],
    ]) {
      const answer = await stack.gql(
        `mutation($i: SubmitDocumentInput!) { submitDocument(input: $i) { alreadyRecorded } }`,
        {
          i: { ople, deliverable: 6, versionKind: 'PROYECTO', oficioNumber: number, submittedOn: '2024-03-01' },
        },
      );
      expect(answer.errors).toBeUndefined();
    }
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('has a generator for every query of the schema', () => {
    expect(Object.keys(QUERIES).map((name) => operation(name).query)).toHaveLength(Object.keys(QUERIES).length);
  });

  it('answers every query with data or a clear refusal, never a server error', async () => {
    const tally = { answered: 0, refused: 0 };
    const serverErrors: string[] = [];
    for (const name of Object.keys(QUERIES).sort()) {
      const { query, variables } = operation(name);
      const cases = fc.sample(fc.tuple(variables, fc.boolean()), { seed: SEED, numRuns: RUNS_PER_QUERY });
      for (const [vars, asOple] of cases) {
        const response = await fetch(stack.graphqlUrl, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${asOple ? groSupervisor : stack.adminToken}`,
          },
          body: JSON.stringify({ query, variables: vars }),
        });
        const body = (await response.json()) as {
          data?: unknown;
          errors?: Array<{ message: string; extensions?: { code?: string; field?: string } }>;
        };
        const label = `${name} ${JSON.stringify(vars).slice(0, 200)}${asOple ? ' as GRO' : ''}`;
        if (response.status >= 500)
          serverErrors.push(`${label}: HTTP ${response.status} ${JSON.stringify(body).slice(0, 200)}`);
        for (const error of body.errors ?? []) {
          const code = error.extensions?.code ?? 'NO_CODE';
          if (!ALLOWED.has(code)) serverErrors.push(`${label}: ${code} ${error.message.slice(0, 200)}`);
          if (code === 'BAD_USER_INPUT' && !error.extensions?.field && !/demasiado costosa/.test(error.message))
            serverErrors.push(`${label}: BAD_USER_INPUT without a field: ${error.message}`);
        }
        if (body.errors?.length) tally.refused += 1;
        else tally.answered += 1;
      }
    }
    console.log(
      `fuzzed queries: ${tally.answered + tally.refused} tried, ${tally.refused} refused with a clear error, ${tally.answered} answered, ${serverErrors.length} server errors`,
    );
    expect(serverErrors).toEqual([]);
    // Both outcomes occurred: the fuzzer reached the resolvers and their refusals.
    expect(tally.answered).toBeGreaterThan(20);
    expect(tally.refused).toBeGreaterThan(20);
  });
});
