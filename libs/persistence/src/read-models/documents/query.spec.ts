import fc from 'fast-check';
import {
  type DocumentFilter,
  type DocumentOrder,
  type DocumentQuery,
  type ListedRow,
  decodeDocumentCursor,
  documentPageFromRows,
  documentPageSql,
  documentQuerySql,
  encodeDocumentCursor,
} from './query';

const NOW = '2024-03-10T12:00:00.000Z';
const DUE = [
  '2024-03-01T05:59:59.999Z',
  '2024-03-10T05:59:59.999Z',
  '2024-03-10T12:00:00.000Z',
  '2024-03-20T05:59:59.999Z',
];
const CHANGED = ['2024-02-01T10:00:00.000Z', '2024-02-01T10:00:00.000Z', '2024-03-05T08:30:00.123Z'];
const STATUSES = ['EXPECTED', 'UNDER_REVIEW', 'OBSERVED', 'RESOLVED'];

const rowArb: fc.Arbitrary<ListedRow> = fc.record({
  id: fc
    .constantFrom('GRO', 'MEX', 'JAL')
    .chain((ople) => fc.integer({ min: 1, max: 34 }).map((n) => `document:${ople}:e${n}-proyecto`)),
  ople: fc.constantFrom('GRO', 'MEX'),
  status: fc.constantFrom(...STATUSES),
  ball_in_court: fc.constantFrom('INE', 'OPLE', 'NONE'),
  deliverable: fc.integer({ min: 1, max: 4 }),
  title: fc.constantFrom('Plan de seguridad', 'Instrumento jurídico', 'Informe MENSUAL 100%'),
  last_oficio: fc.constantFrom(null, 'INE/UTSI/0801/2024', 'IEPC/GRO/SE/0101/2024'),
  due_at: fc.constantFrom(null, ...DUE),
  updated_at: fc.constantFrom(...CHANGED),
});
/** Rows of a table: one per id. */
const rowsArb = fc.uniqueArray(rowArb, { selector: (r) => r.id, minLength: 4, maxLength: 40 });

/** Mostly absent: most lists are filtered by one or two things, and pages need rows to walk. */
const sometimes = <T>(arb: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: fc.constant(undefined), weight: 4 }, { arbitrary: arb, weight: 1 });
const filterArb: fc.Arbitrary<DocumentFilter> = fc.record({
  ople: sometimes(fc.constantFrom('GRO', 'MEX')),
  status: sometimes(fc.constantFrom(...STATUSES)),
  ballInCourt: sometimes(fc.constantFrom('INE', 'OPLE')),
  deliverable: sometimes(fc.integer({ min: 1, max: 4 })),
  dueBy: sometimes(fc.constantFrom(...DUE)),
  overdue: sometimes(fc.boolean()),
  search: sometimes(fc.constantFrom('e1', 'SEGURIDAD', '0801', '100%', '_', 'gro:e2')),
});
const orderArb = fc.constantFrom<DocumentOrder>('DUE_SOONEST', 'RECENTLY_CHANGED', 'ID');

/** The list as the supervisors read it, written plainly: the reference the shared query must agree with. */
function reference(rows: readonly ListedRow[], f: DocumentFilter, orderBy: DocumentOrder): string[] {
  const at = (v: string | Date | null) => (v === null ? null : Date.parse(String(v)));
  const due = (r: ListedRow) => at(r.due_at);
  const needle = f.search?.toLowerCase();
  const matching = rows.filter(
    (r) =>
      (!f.ople || r.ople === f.ople) &&
      (!f.status || r.status === f.status) &&
      (!f.ballInCourt || r.ball_in_court === f.ballInCourt) &&
      (f.deliverable === undefined || r.deliverable === f.deliverable) &&
      (f.dueBy === undefined || (due(r) !== null && due(r)! <= Date.parse(f.dueBy))) &&
      (f.overdue === undefined || (due(r) !== null && due(r)! <= Date.parse(NOW)) === f.overdue) &&
      (!needle || [r.title, r.id, r.last_oficio].some((v) => v?.toLowerCase().includes(needle))),
  );
  const key = (r: ListedRow): number =>
    orderBy === 'DUE_SOONEST' ? (due(r) ?? Infinity) : orderBy === 'RECENTLY_CHANGED' ? -at(r.updated_at)! : 0;
  const byId = (a: ListedRow, b: ListedRow) => (a.id < b.id ? -1 : 1) * (orderBy === 'RECENTLY_CHANGED' ? -1 : 1);
  return [...matching].sort((a, b) => key(a) - key(b) || byId(a, b)).map((r) => r.id);
}

/** Every page, following each page's last cursor, as one list of ids. */
function walk(rows: readonly ListedRow[], filter: DocumentFilter, orderBy: DocumentOrder, first: number) {
  const seen: string[] = [];
  const totals = new Set<number>();
  let after: DocumentQuery['after'] = null;
  let pages = 0;
  while (pages++ <= rows.length + 1) {
    const page = documentPageFromRows({ filter, orderBy, first, after, now: NOW }, rows);
    seen.push(...page.rows.map((r) => r.id));
    totals.add(page.totalCount);
    if (!page.hasNextPage) break;
    after = decodeDocumentCursor(page.cursors[page.cursors.length - 1], orderBy);
    if (!after) throw new Error('the list refused its own cursor');
  }
  return { seen, totals, pages };
}

describe('the documents list, one formulation for now and asOf', () => {
  it('pages through exactly the matching rows, in order, each once, whatever the filter, order and page size', () => {
    let paged = 0;
    fc.assert(
      fc.property(rowsArb, filterArb, orderArb, fc.integer({ min: 1, max: 5 }), (rows, filter, orderBy, first) => {
        const expected = reference(rows, filter, orderBy);
        const { seen, totals, pages } = walk(rows, filter, orderBy, first);
        expect(seen).toEqual(expected);
        paged += pages > 1 ? 1 : 0;
        expect([...totals]).toEqual([expected.length]);
      }),
      { numRuns: 300 },
    );
    // Most runs walked more than one page.
    expect(paged).toBeGreaterThan(100);
  });

  it('asks for the count and the page in one statement, the page in its order, an empty page still counted', () => {
    const q = { filter: { ople: 'GRO' }, orderBy: 'DUE_SOONEST' as const, first: 50, after: null, now: NOW };
    const { count, page } = documentQuerySql(q, 'id, due_at');
    const one = documentPageSql(q, 'id, due_at');
    expect(one.sql.replace(/\s+/g, ' ')).toBe(
      `SELECT c.total, p.* FROM (${count.sql}) c LEFT JOIN LATERAL (${page.sql}) p ON true ORDER BY COALESCE(due_at, 'infinity'::timestamptz) ASC, p.id COLLATE "C" ASC`.replace(
        /\s+/g,
        ' ',
      ),
    );
    expect(one.params).toEqual(page.params);
  });

  it('states each condition once, as SQL with its parameter, in the order of the filter', () => {
    const { count, page } = documentQuerySql(
      {
        filter: { ople: 'GRO', overdue: false, search: '100%_x' },
        orderBy: 'RECENTLY_CHANGED',
        first: 50,
        after: ['2024-03-05T08:30:00.123Z', 'document:GRO:e1-proyecto'],
        now: NOW,
      },
      'id, state',
    );
    expect(count.sql).toBe(
      'SELECT count(*)::int AS total FROM rm_documents WHERE ople = $1 AND (due_at IS NULL OR due_at > $2) AND (title ILIKE $3 OR id ILIKE $3 OR last_oficio ILIKE $3)',
    );
    expect(count.params).toEqual(['GRO', NOW, '%100\\%\\_x%']);
    expect(page.sql.replace(/\s+/g, ' ')).toContain(
      `AND (date_trunc('milliseconds', updated_at), id COLLATE "C") < ($4, $5) ORDER BY date_trunc('milliseconds', updated_at) DESC, id COLLATE "C" DESC LIMIT $6`,
    );
    expect(page.params).toEqual([
      'GRO',
      NOW,
      '%100\\%\\_x%',
      '2024-03-05T08:30:00.123Z',
      'document:GRO:e1-proyecto',
      51,
    ]);
  });

  it('writes cursors it reads back for the same order, and refuses any other', () => {
    const row = { id: 'document:GRO:e6-proyecto', due_at: null, updated_at: new Date('2024-03-01T00:00:00Z') };
    expect(decodeDocumentCursor(encodeDocumentCursor('DUE_SOONEST', row), 'DUE_SOONEST')).toEqual(['infinity', row.id]);
    expect(decodeDocumentCursor(encodeDocumentCursor('RECENTLY_CHANGED', row), 'RECENTLY_CHANGED')).toEqual([
      '2024-03-01T00:00:00.000Z',
      row.id,
    ]);
    const cursor = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    for (const [bad, order] of [
      ['%%%', 'ID'],
      [cursor(['2024-03-01T00:00:00.000Z', row.id]), 'ID'],
      [cursor(['infinity', row.id]), 'RECENTLY_CHANGED'],
      [cursor(['asOf', row.id]), 'DUE_SOONEST'],
      [cursor(['+275760-09-13T00:00:00.000Z', 'x']), 'DUE_SOONEST'],
      [cursor([{ a: 1 }, row.id]), 'DUE_SOONEST'],
      [cursor(['', "'; DROP TABLE events; --"]), 'ID'],
      [cursor([null, null]), 'ID'],
    ] as const)
      expect(decodeDocumentCursor(bad, order)).toBeNull();
  });
});
