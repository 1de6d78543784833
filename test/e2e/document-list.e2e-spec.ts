import fc from 'fast-check';
import type { DataSource } from 'typeorm';
import {
  type DocumentFilter,
  type DocumentOrder,
  type DocumentPage,
  type DocumentQuery,
  type ListedRow,
  Projector,
  decodeDocumentCursor,
  documentPageFromRows,
  documentsAsOf,
  documentsNow,
  openDatabase,
} from '@seguimiento/persistence';
import { generateDataset } from '@seguimiento/infra/datasets/generate';
import { startTestPostgres } from '../support/test-postgres';

/**
 * The documents list is written once and read two ways: by PostgreSQL over `rm_documents` (now)
 * and over rows in memory (asOf, from the cases folded from the log). Over the same generated data,
 * both must walk the same pages with the same cursors, whatever the filter, order and page size.
 */
describe('the documents list: PostgreSQL and the rows in memory agree', () => {
  let pg: { url: string; stop(): Promise<void> };
  let db: DataSource;
  let rows: ListedRow[];
  const NOW = '2024-03-15T12:00:00.000Z';

  beforeAll(async () => {
    pg = await startTestPostgres();
    db = await openDatabase(pg.url);
    await generateDataset(db, { oples: 3, documentsPerOple: 40, rounds: 3, seed: 7 });
    await new Projector(db, { batchSize: 5000 }).catchUp();
    rows = await db.query(
      'SELECT id, ople, status, ball_in_court, deliverable, title, last_oficio, due_at, updated_at FROM rm_documents',
    );
    expect(rows.length).toBeGreaterThan(100);
  });

  afterAll(async () => {
    await db?.destroy();
    await pg?.stop();
  });

  /** Every page, as [ids, cursors, hasNextPage, totalCount], following each page's last cursor. */
  async function walk(
    read: (q: DocumentQuery) => Promise<DocumentPage<{ id: string }>>,
    q: Omit<DocumentQuery, 'after'>,
  ): Promise<unknown[]> {
    const pages: unknown[] = [];
    let after: DocumentQuery['after'] = null;
    for (let n = 0; n < 200; n++) {
      const page = await read({ ...q, after });
      pages.push([page.rows.map((r) => r.id), page.cursors, page.hasNextPage, page.totalCount]);
      if (!page.hasNextPage) break;
      after = decodeDocumentCursor(page.cursors[page.cursors.length - 1], q.orderBy);
    }
    return pages;
  }

  const sometimes = <T>(arb: fc.Arbitrary<T>) =>
    fc.oneof({ arbitrary: fc.constant(undefined), weight: 3 }, { arbitrary: arb, weight: 1 });
  const filterArb: fc.Arbitrary<DocumentFilter> = fc.record({
    ople: sometimes(fc.constantFrom('AGU', 'BCN', 'BCS', 'GRO')),
    status: sometimes(fc.constantFrom('EXPECTED', 'UNDER_REVIEW', 'OBSERVED', 'RESOLVED', 'WITHDRAWN')),
    ballInCourt: sometimes(fc.constantFrom('INE', 'OPLE', 'NONE')),
    deliverable: sometimes(fc.integer({ min: 1, max: 34 })),
    dueBy: sometimes(fc.constantFrom('2024-02-01T05:59:59.999Z', '2024-03-20T05:59:59.999Z', NOW)),
    overdue: sometimes(fc.boolean()),
    search: sometimes(fc.constantFrom('e1', 'PLAN', 'iepc/', 'ine/utsi', '%', '_', 'document:agu')),
  });
  const orderArb = fc.constantFrom<DocumentOrder>('DUE_SOONEST', 'RECENTLY_CHANGED', 'ID');

  it('walks the same pages with the same cursors, in SQL and over the same rows in memory', async () => {
    // "Now" also exactly when some deadlines pass: overdue from that instant on.
    const deadlines = rows.filter((r) => r.due_at !== null).map((r) => new Date(r.due_at!).toISOString());
    const nowArb = fc.constantFrom(NOW, ...deadlines.slice(0, 5));
    await fc.assert(
      fc.asyncProperty(
        filterArb,
        orderArb,
        fc.integer({ min: 5, max: 60 }),
        nowArb,
        async (filter, orderBy, first, now) => {
          const q = { filter, orderBy, first, now };
          const inSql = await walk((query) => documentsNow(db, query), q);
          const inMemory = await walk(async (query) => documentPageFromRows(query, rows), q);
          expect(inMemory).toEqual(inSql);
        },
      ),
      {
        numRuns: 60,
        // Each condition alone at least once, whatever the random runs draw.
        examples: [
          [{ search: 'iepc/' }, 'ID', 20, NOW],
          [{ search: 'PLAN' }, 'RECENTLY_CHANGED', 20, NOW],
          [{ overdue: true }, 'DUE_SOONEST', 20, deadlines[0]],
          [{ overdue: false }, 'DUE_SOONEST', 20, deadlines[0]],
          [{ dueBy: NOW, ople: 'AGU' }, 'ID', 20, NOW],
          [{ status: 'OBSERVED', ballInCourt: 'OPLE' }, 'RECENTLY_CHANGED', 7, NOW],
          [{ deliverable: 3 }, 'DUE_SOONEST', 5, NOW],
        ],
      },
    );
  });

  it('as of a day after everything, the list folded from the log is the projected one', async () => {
    const later = '2999-01-01T00:00:00.000Z';
    for (const orderBy of ['DUE_SOONEST', 'RECENTLY_CHANGED', 'ID'] as const) {
      const q = { filter: {}, orderBy, first: 25, now: later };
      expect(await walk((query) => documentsAsOf(db, query), q)).toEqual(
        await walk((query) => documentsNow(db, query), q),
      );
    }
  });
});
