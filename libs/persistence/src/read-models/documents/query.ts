import type { DocumentRow } from './schema';

/**
 * The supervisors' list of documents — filter, order, keyset page — written once: each condition
 * and each order is stated as its SQL together with the same test on a row, so "now" asks
 * PostgreSQL (`rm_documents`, with its indexes) and `asOf` runs the very same conditions over the
 * rows time travel materialises for that instant. Both give the same cursors.
 */

export type DocumentOrder = 'DUE_SOONEST' | 'RECENTLY_CHANGED' | 'ID';

export interface DocumentFilter {
  ople?: string;
  status?: string;
  ballInCourt?: string;
  deliverable?: number;
  /** Due at or before this instant (ISO 8601). */
  dueBy?: string;
  /** Whether its deadline had passed at the query's `now`. */
  overdue?: boolean;
  /** Text in the title, the id or the last oficio (case-insensitive). */
  search?: string;
}

/** The columns that order a page and make its cursors (PostgreSQL gives instants back as Dates). */
export interface SortedRow {
  id: string;
  due_at: string | Date | null;
  updated_at: string | Date;
}

/** The columns the list reads: what filters, orders and pages it. */
export type ListedRow = SortedRow &
  Pick<DocumentRow, 'ople' | 'status' | 'ball_in_court' | 'deliverable' | 'title' | 'last_oficio'>;

/** A position in the list: the sort key of the last row shown ('' for ID, 'infinity' for no deadline) and its id. */
export type DocumentCursor = [sort: string, id: string];

export interface DocumentQuery {
  filter: DocumentFilter;
  orderBy: DocumentOrder;
  first: number;
  after: DocumentCursor | null;
  /** The instant "overdue" is judged at (now, or the asOf instant). */
  now: string;
}

export interface DocumentPage<R> {
  rows: R[];
  cursors: string[];
  hasNextPage: boolean;
  totalCount: number;
}

/** One condition: its SQL (`?` for its parameter) and the same test on a row. */
interface Condition {
  sql: string;
  param: unknown;
  test: (row: ListedRow) => boolean;
}

const ms = (instant: string | Date): number => (instant instanceof Date ? instant.getTime() : Date.parse(instant));

/** Ids compare as PostgreSQL compares them under COLLATE "C": by code unit, whatever the database's locale. */
const byCode = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function conditions(f: DocumentFilter, now: string): Condition[] {
  const all: Array<Condition | false> = [
    f.ople !== undefined && { sql: 'ople = ?', param: f.ople, test: (r) => r.ople === f.ople },
    f.status !== undefined && { sql: 'status = ?', param: f.status, test: (r) => r.status === f.status },
    f.ballInCourt !== undefined && {
      sql: 'ball_in_court = ?',
      param: f.ballInCourt,
      test: (r) => r.ball_in_court === f.ballInCourt,
    },
    f.deliverable !== undefined && {
      sql: 'deliverable = ?',
      param: f.deliverable,
      test: (r) => r.deliverable === f.deliverable,
    },
    f.dueBy !== undefined && dueAtMost(f.dueBy),
    f.overdue === true && dueAtMost(now),
    f.overdue === false && {
      sql: '(due_at IS NULL OR due_at > ?)',
      param: now,
      test: (r) => r.due_at === null || ms(r.due_at) > ms(now),
    },
    f.search !== undefined && f.search !== '' && contains(f.search),
  ];
  return all.filter((c): c is Condition => c !== false);
}

function dueAtMost(instant: string): Condition {
  return { sql: 'due_at <= ?', param: instant, test: (r) => r.due_at !== null && ms(r.due_at) <= ms(instant) };
}

function contains(text: string): Condition {
  const needle = text.toLowerCase();
  return {
    sql: '(title ILIKE ?1 OR id ILIKE ?1 OR last_oficio ILIKE ?1)',
    param: `%${text.replace(/[%_\\]/g, (c) => `\\${c}`)}%`,
    test: (r) => [r.title, r.id, r.last_oficio].some((v) => v !== null && v.toLowerCase().includes(needle)),
  };
}

/** One order: its SQL key and the same key of a row; ties go by id, in the same direction. */
interface Order {
  key: string;
  direction: 'ASC' | 'DESC';
  value: (row: SortedRow) => number;
  /** The key as a cursor carries it. */
  cursor: (value: number) => string;
}

const instantCursor = (value: number): string => (value === Infinity ? 'infinity' : new Date(value).toISOString());

const ORDERS: Record<DocumentOrder, Order> = {
  // Documents with no running deadline sort last.
  DUE_SOONEST: {
    key: "COALESCE(due_at, 'infinity'::timestamptz)",
    direction: 'ASC',
    value: (r) => (r.due_at === null ? Infinity : ms(r.due_at)),
    cursor: instantCursor,
  },
  // To the millisecond, the precision a cursor carries.
  RECENTLY_CHANGED: {
    key: "date_trunc('milliseconds', updated_at)",
    direction: 'DESC',
    value: (r) => ms(r.updated_at),
    cursor: instantCursor,
  },
  ID: { key: "''::text", direction: 'ASC', value: () => 0, cursor: () => '' },
};

/** The cursor's sort key as the order's key of a row (a cursor is checked by `decodeDocumentCursor` first). */
function cursorValue(orderBy: DocumentOrder, sort: string): number {
  if (orderBy === 'ID') return 0;
  return sort === 'infinity' ? Infinity : Date.parse(sort);
}

function cursorParam(orderBy: DocumentOrder, sort: string): string {
  return orderBy === 'ID' ? '' : sort;
}

export function encodeDocumentCursor(orderBy: DocumentOrder, row: SortedRow): string {
  const cursor: DocumentCursor = [ORDERS[orderBy].cursor(ORDERS[orderBy].value(row)), row.id];
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

/** A cursor this list wrote for the same order, or null: anything else is refused before it reaches SQL. */
export function decodeDocumentCursor(cursor: string, orderBy: DocumentOrder): DocumentCursor | null {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  return Array.isArray(decoded) &&
    decoded.length === 2 &&
    typeof decoded[1] === 'string' &&
    /^[\w:.-]{1,300}$/.test(decoded[1]) &&
    sortValueFits(decoded[0], orderBy)
    ? [decoded[0] as string, decoded[1]]
    : null;
}

/** The sort key a cursor carries: an instant for the orders by date ('infinity' for "no deadline"), nothing for ID. */
function sortValueFits(value: unknown, orderBy: DocumentOrder): boolean {
  if (orderBy === 'ID') return value === '';
  if (orderBy === 'DUE_SOONEST' && value === 'infinity') return true;
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/.test(value)) return false;
  const year = Number(value.slice(0, 4));
  return !Number.isNaN(Date.parse(value)) && year >= 1900 && year <= 2999;
}

/** The two statements of a page in SQL: the count of every matching row, and the page (one row more, to know if another follows). */
export function documentQuerySql(
  q: DocumentQuery,
  columns: string,
  from = 'rm_documents',
): { count: { sql: string; params: unknown[] }; page: { sql: string; params: unknown[] } } {
  const params: unknown[] = [];
  const where = conditions(q.filter, q.now).map((c) => {
    params.push(c.param);
    return c.sql.replace(/\?1?/g, `$${params.length}`);
  });
  const filtered = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const count = { sql: `SELECT count(*)::int AS total FROM ${from} ${filtered}`, params };

  const order = ORDERS[q.orderBy];
  const pageWhere = [...where];
  const pageParams = [...params];
  if (q.after) {
    pageParams.push(cursorParam(q.orderBy, q.after[0]), q.after[1]);
    const cmp = order.direction === 'ASC' ? '>' : '<';
    pageWhere.push(`(${order.key}, id COLLATE "C") ${cmp} ($${pageParams.length - 1}, $${pageParams.length})`);
  }
  pageParams.push(q.first + 1);
  const page = {
    sql: `SELECT ${columns} FROM ${from}
      ${pageWhere.length ? `WHERE ${pageWhere.join(' AND ')}` : ''}
      ORDER BY ${order.key} ${order.direction}, id COLLATE "C" ${order.direction}
      LIMIT $${pageParams.length}`,
    params: pageParams,
  };
  return { count, page };
}

/**
 * The count and the page in one statement (one round trip instead of two): the count's single row
 * joined with the page's rows, in the page's order; an empty page still gives that row, with the
 * page's columns null (`id` null: no document).
 */
export function documentPageSql(
  q: DocumentQuery,
  columns: string,
  from = 'rm_documents',
): { sql: string; params: unknown[] } {
  const { count, page } = documentQuerySql(q, columns, from);
  const order = ORDERS[q.orderBy];
  return {
    sql: `SELECT c.total, p.* FROM (${count.sql}) c LEFT JOIN LATERAL (${page.sql}) p ON true
      ORDER BY ${order.key} ${order.direction}, p.id COLLATE "C" ${order.direction}`,
    params: page.params,
  };
}

/** A page from the rows of one page query (at most `first` + 1 of them) and the count. */
export function documentPageOf<R extends SortedRow>(q: DocumentQuery, rows: R[], totalCount: number): DocumentPage<R> {
  const shown = rows.slice(0, q.first);
  return {
    rows: shown,
    cursors: shown.map((r) => encodeDocumentCursor(q.orderBy, r)),
    hasNextPage: rows.length > q.first,
    totalCount,
  };
}

/** The same page, over rows in memory (time travel's): the same conditions, order and keyset. */
export function documentPageFromRows<R extends ListedRow>(q: DocumentQuery, rows: readonly R[]): DocumentPage<R> {
  const tests = conditions(q.filter, q.now).map((c) => c.test);
  const order = ORDERS[q.orderBy];
  const sign = order.direction === 'ASC' ? 1 : -1;
  const compare = (a: { value: number; id: string }, b: { value: number; id: string }): number =>
    sign * (a.value < b.value ? -1 : a.value > b.value ? 1 : byCode(a.id, b.id));
  const matching = rows.filter((r) => tests.every((t) => t(r)));
  const keyed = matching.map((row) => ({ row, value: order.value(row), id: row.id })).sort(compare);
  const after = q.after && { value: cursorValue(q.orderBy, q.after[0]), id: q.after[1] };
  const following = after ? keyed.filter((k) => compare(k, after) > 0) : keyed;
  return documentPageOf(
    q,
    following.slice(0, q.first + 1).map((k) => k.row),
    matching.length,
  );
}
