import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GraphQLError, type GraphQLObjectType, buildSchema, execute, parse, specifiedRules, validate } from 'graphql';
import { depthLimitRule } from './depth-rule';
import { OperationSlots } from './operation-slots';
import { EXPENSIVE_COST, MAX_PAGE_SIZE, pricedFields } from './query-cost';
import { MAX_COMPLEXITY, MAX_DEPTH, MAX_TOKENS, depthRule, operationCost } from './query-limits';
import { settled, trackResolvers } from './settled-resolvers';

const schema = buildSchema(readFileSync(join(__dirname, '../../schema.gql'), 'utf8'));
const cost = (query: string, variables: Record<string, unknown> = {}) =>
  operationCost(schema, parse(query), null, variables);
const aliases = (n: number, field: string) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ')} }`;
const DOCUMENT_FIELDS =
  'id ople status title deadline { dueDate dueAt party } observations { id text status } rounds { number outcome }';

describe('the cost of an operation', () => {
  it('prices only fields the schema has (a renamed field would lose its price silently)', () => {
    const missing = pricedFields().filter((name) => {
      const [type, field] = name.split('.');
      const fields = (schema.getType(type) as { getFields?: () => Record<string, unknown> } | undefined)?.getFields?.();
      return !fields || !(field in fields);
    });
    expect(missing).toEqual([]);
    expect(pricedFields().length).toBeGreaterThan(5);
  });

  it.each([-100_000_000, -1, 0, MAX_PAGE_SIZE + 1, 2 ** 31 - 1])(
    'refuses first: %d before anything runs, naming the field',
    (first) => {
      // One bad alias among a hundred costly ones: the whole operation is refused, not just that alias.
      const query = `{ bad: documents(first: ${first}) { totalCount } ${aliases(100, `documents(first: 200, asOf: "2024-03-01") { edges { node { ${DOCUMENT_FIELDS} } } }`).slice(1, -1)} }`;
      const { cost: estimate, error } = cost(query);
      expect(estimate).toBeNull();
      expect(error?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
      expect(error?.message).toMatch(new RegExp(`first: debe estar entre 1 y ${MAX_PAGE_SIZE}`));
    },
  );

  it('refuses a bad first given as a variable too', () => {
    expect(cost('query($n: Int!) { documents(first: $n) { totalCount } }', { n: -5 }).error?.extensions).toMatchObject({
      field: 'first',
    });
  });

  it('is never negative, and grows with the page size', () => {
    const small = cost(`{ documents(first: 1) { edges { node { id } } } }`).cost!;
    const large = cost(`{ documents(first: 200) { edges { node { id } } } }`).cost!;
    expect(small).toBeGreaterThan(0);
    expect(large).toBeGreaterThan(100 * small);
  });

  it('counts what costs: live asks Temporal per document, asOf folds the log, the report folds and renders, lists without pages answer 500 rows', () => {
    const page = cost(`{ documents(first: 100) { edges { node { id } } } }`).cost!;
    expect(cost(`{ documents(first: 100) { edges { node { id live { running } } } } }`).cost!).toBeGreaterThanOrEqual(
      page + 100 * 50,
    );
    expect(
      cost(`{ documents(first: 100, asOf: "2024-03-01") { edges { node { id } } } }`).cost!,
    ).toBeGreaterThanOrEqual(EXPENSIVE_COST);
    expect(cost(`{ dashboard(asOf: "2024-03-01") { overdueCount } }`).cost!).toBeGreaterThanOrEqual(EXPENSIVE_COST);
    expect(
      cost(`{ correspondenceReport(ople: "GRO", from: "2024-03-01", to: "2024-03-31", format: PDF) { fileName } }`)
        .cost!,
    ).toBeGreaterThanOrEqual(EXPENSIVE_COST);
    expect(cost(`{ obligations { id ople subject } }`).cost!).toBeGreaterThanOrEqual(500 * 3);
    // A few of them together pass the limit.
    const reports = aliases(
      3,
      `correspondenceReport(ople: "GRO", from: "2024-03-01", to: "2024-03-31", format: PDF) { fileName }`,
    );
    expect(cost(reports).error?.message).toMatch(/demasiado costosa/);
    const live = aliases(2, `documents(first: 200) { edges { node { id live { running nextEscalationAt } } } }`);
    expect(cost(live).error?.message).toMatch(/demasiado costosa/);
    // The everyday questions stay cheap: a page of 50 documents, the dashboard.
    expect(cost(`{ documents { totalCount edges { cursor node { ${DOCUMENT_FIELDS} } } } }`).cost!).toBeLessThan(
      EXPENSIVE_COST,
    );
    expect(cost(`{ dashboard(ople: "GRO") { overdueCount byStatus { key count } } }`).cost!).toBeLessThan(
      EXPENSIVE_COST,
    );
    expect(MAX_COMPLEXITY).toBeGreaterThan(EXPENSIVE_COST);
  });
});

describe('the size and depth of a document', () => {
  it(`stops parsing past ${MAX_TOKENS} tokens (thousands of aliases never reach validation)`, () => {
    expect(() => parse(aliases(4_500, '__typename'), { maxTokens: MAX_TOKENS })).toThrow(/more that 5000 tokens/); // (sic: graphql-js spells it so);
    expect(() => parse(aliases(1_000, '__typename'), { maxTokens: MAX_TOKENS })).not.toThrow();
  });

  const depthErrors = (query: string, rule = depthRule) => validate(schema, parse(query), [...specifiedRules, rule]);
  // documents (1) → edges (2) → node (3) → observations (4), the last two through fragments.
  const fourLevels = `query Profunda { documents { edges { ...E } } } fragment E on DocumentEdge { node { ...N } } fragment N on Document { observations { id } }`;

  it(`refuses what nests deeper than its limit (${MAX_DEPTH} in production), counting fragments where they are spread, in Spanish`, () => {
    expect(depthErrors(fourLevels)).toEqual([]);
    expect(depthErrors(fourLevels, depthLimitRule(4))).toEqual([]);
    expect(depthErrors(fourLevels, depthLimitRule(3)).map((e) => [e.message, e.extensions.code])).toEqual([
      ['La operación Profunda anida más de 3 niveles de campos', 'GRAPHQL_VALIDATION_FAILED'],
    ]);
    // Introspection fields do not count.
    expect(depthErrors(`{ __schema { types { fields { type { ofType { name } } } } } }`, depthLimitRule(1))).toEqual(
      [],
    );
  });

  it('answers a fragment cycle and an unknown fragment with GraphQL’s own errors instead of overflowing the stack', () => {
    const cycle = `{ ...A } fragment A on Query { ...B } fragment B on Query { documents { totalCount } ...A }`;
    expect(depthErrors(cycle).map((e) => e.message)).toEqual(
      expect.arrayContaining([expect.stringMatching(/Cannot spread fragment "A" within itself/)]),
    );
    expect(depthErrors(`{ ...Missing }`).map((e) => e.message)).toEqual(['Unknown fragment "Missing".']);
  });
});

describe('slots for expensive work', () => {
  it('lets two run per user, queues the next ones in order, and refuses past the queue', async () => {
    const slots = new OperationSlots(2, 1);
    const first = await slots.acquire('ana');
    const second = await slots.acquire('ana');
    expect(typeof first).toBe('function');
    expect(typeof second).toBe('function');
    expect(typeof (await slots.acquire('beto'))).toBe('function'); // another user is not held back
    let thirdRan = false;
    const third = slots.acquire('ana').then((release) => {
      thirdRan = true;
      return release;
    });
    await new Promise((r) => setImmediate(r));
    expect(thirdRan).toBe(false);
    expect(slots.load('ana')).toEqual({ running: 2, waiting: 1 });
    const refused = await slots.acquire('ana');
    expect(refused).toBeInstanceOf(GraphQLError);
    expect((refused as GraphQLError).extensions).toMatchObject({ code: 'RATE_LIMITED', http: { status: 429 } });
    (first as () => void)();
    (first as () => void)(); // giving a slot back twice frees one slot only
    const release = await third;
    expect(thirdRan).toBe(true);
    expect(slots.load('ana')).toEqual({ running: 2, waiting: 0 });
    (second as () => void)();
    (release as () => void)();
    expect(slots.load('ana')).toEqual({ running: 0, waiting: 0 });
  });
});

describe('an answer waits for everything its operation started', () => {
  it('holds until the other aliases have finished, though an error on a non-null root field ended the execution', async () => {
    const finished: string[] = [];
    const small = buildSchema(`type Query { fails: Int! slow: Int! }`);
    const fields = (small.getQueryType() as GraphQLObjectType).getFields();
    fields.fails.resolve = async () => {
      throw new Error('no');
    };
    fields.slow.resolve = () => new Promise((resolve) => setTimeout(() => (finished.push('slow'), resolve(1)), 50));
    trackResolvers(small);
    const context = {};
    const result = await execute({
      schema: small,
      document: parse('{ fails a: slow b: slow }'),
      contextValue: context,
    });
    // GraphQL answered (data null) before the slow aliases finished: that is what the probe saw.
    expect(result.data).toBeNull();
    expect(finished).toEqual([]);
    await settled(context);
    expect(finished).toEqual(['slow', 'slow']);
  });
});
