import { Injectable } from '@nestjs/common';
import { type DocumentState, addCountedDays, endOfLocalDay, localDateOf, policyWith } from '@seguimiento/domain';
import { DataSource } from 'typeorm';
import { toDocument } from '../documents/document-reader';
import { userError } from '../errors/graphql-errors';
import { checkedLocalDate } from '../common/query-dates';
import { DocumentOrder, type DocumentsArgs } from './dto/documents.args';
import type { Dashboard, DocumentConnection, DueItem } from './models/supervision.models';

const ORDERS: Record<DocumentOrder, { key: string; direction: 'ASC' | 'DESC' }> = {
  // Documents with no running deadline sort last.
  [DocumentOrder.DUE_SOONEST]: { key: "COALESCE(due_at, 'infinity'::timestamptz)", direction: 'ASC' },
  [DocumentOrder.RECENTLY_CHANGED]: { key: 'updated_at', direction: 'DESC' },
  [DocumentOrder.ID]: { key: "''::text", direction: 'ASC' },
};

/**
 * The supervisors' questions, answered from the read models (rm_*) with one SQL query each and
 * keyset pagination; every filter column is indexed (see the read-models migration).
 */
@Injectable()
export class SupervisionService {
  constructor(private readonly dataSource: DataSource) {}

  async documents(args: DocumentsArgs, now = new Date()): Promise<DocumentConnection> {
    const { count, page } = this.documentsQueries(args, now);
    const [{ total }] = await this.dataSource.query(count.sql, count.params);
    const rows: Array<{ state: DocumentState; sort: unknown; id: string }> = await this.dataSource.query(
      page.sql,
      page.params,
    );
    const shown = rows.slice(0, args.first);
    const edges = shown.map((r) => ({
      cursor: encodeCursor(r.sort, r.id),
      node: toDocument(r.state, now.toISOString()),
    }));
    return {
      edges,
      pageInfo: {
        hasNextPage: rows.length > args.first,
        endCursor: edges.length ? edges[edges.length - 1].cursor : null,
      },
      totalCount: total,
    };
  }

  /** The plan PostgreSQL chooses for a page of `documents` (to check that the indexes serve it). */
  async explainDocuments(args: DocumentsArgs, now = new Date()): Promise<string> {
    const { page } = this.documentsQueries(args, now);
    const plan: Array<{ 'QUERY PLAN': string }> = await this.dataSource.query(`EXPLAIN ${page.sql}`, page.params);
    return plan.map((p) => p['QUERY PLAN']).join('\n');
  }

  private documentsQueries(
    args: DocumentsArgs,
    now: Date,
  ): { count: { sql: string; params: unknown[] }; page: { sql: string; params: unknown[] } } {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    const f = args.filter ?? {};
    if (f.ople) add('ople = ?', f.ople);
    if (f.status) add('status = ?', f.status);
    if (f.ballInCourt) add('ball_in_court = ?', f.ballInCourt);
    if (f.deliverable !== undefined) add('deliverable = ?', f.deliverable);
    if (f.dueBefore) add('due_at <= ?', endOfLocalDay(checkedLocalDate(f.dueBefore, 'filter.dueBefore')));
    if (f.overdue === true) add('due_at <= ?', now);
    if (f.overdue === false) add('(due_at IS NULL OR due_at > ?)', now);
    if (f.search) {
      params.push(`%${f.search.replace(/[%_\\]/g, (c) => `\\${c}`)}%`);
      const p = `$${params.length}`;
      where.push(`(title ILIKE ${p} OR id ILIKE ${p} OR last_oficio ILIKE ${p})`);
    }

    const filtered = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const count = { sql: `SELECT count(*)::int AS total FROM rm_documents ${filtered}`, params };

    const order = ORDERS[args.orderBy];
    const pageWhere = [...where];
    const pageParams = [...params];
    if (args.after) {
      const [sortValue, id] = decodeCursor(args.after, args.orderBy);
      pageParams.push(sortValue, id);
      const cmp = order.direction === 'ASC' ? '>' : '<';
      pageWhere.push(`(${order.key}, id) ${cmp} ($${pageParams.length - 1}, $${pageParams.length})`);
    }
    pageParams.push(args.first + 1);
    const page = {
      sql: `SELECT state, ${order.key} AS sort, id FROM rm_documents
        ${pageWhere.length ? `WHERE ${pageWhere.join(' AND ')}` : ''}
        ORDER BY ${order.key} ${order.direction}, id ${order.direction}
        LIMIT $${pageParams.length}`,
      params: pageParams,
    };
    return { count, page };
  }

  async dashboard(ople: string | null, now = new Date()): Promise<Dashboard> {
    const byOple = ople ? 'AND ople = $1' : '';
    const params = ople ? [ople] : [];
    // Two round trips: the counts by status and by who holds the ball, then the deadlines.
    const counts: Array<{ dim: 'status' | 'ball'; key: string; count: number }> = await this.dataSource.query(
      `SELECT 'status' AS dim, status AS key, count(*)::int AS count FROM rm_documents WHERE true ${byOple} GROUP BY status
       UNION ALL
       SELECT 'ball', ball_in_court, count(*)::int FROM rm_documents WHERE status NOT IN ('RESOLVED', 'WITHDRAWN') ${byOple} GROUP BY ball_in_court
       ORDER BY 1, 2`,
      params,
    );
    const byStatus = counts.filter((c) => c.dim === 'status').map(({ key, count }) => ({ key, count }));
    const byBallInCourt = counts.filter((c) => c.dim === 'ball').map(({ key, count }) => ({ key, count }));
    // Everything with a running deadline: open documents, and open requests.
    const pending = `
      SELECT id, 'DOCUMENT' AS kind, title, deadline_party AS party, due_date, due_at FROM rm_documents WHERE due_at IS NOT NULL ${byOple}
      UNION ALL
      SELECT id, 'REQUEST', subject, 'OPLE', due_date, due_at FROM rm_obligations WHERE kind = 'REQUEST' AND status = 'OPEN' AND due_at IS NOT NULL ${byOple}`;
    const [n, w] = [`$${params.length + 1}`, `$${params.length + 2}`];
    const weekEnd = endOfLocalDay(addCountedDays(localDateOf(now), 7, policyWith()));
    const [{ overdue, oldest, next }]: Array<{
      overdue: number;
      oldest: Record<string, string> | null;
      next: Array<Record<string, string>>;
    }> = await this.dataSource.query(
      `WITH p AS (${pending})
       SELECT (SELECT count(*)::int FROM p WHERE due_at <= ${n}) AS overdue,
              (SELECT row_to_json(o) FROM (SELECT * FROM p WHERE due_at <= ${n} ORDER BY due_at, id LIMIT 1) o) AS oldest,
              (SELECT coalesce(json_agg(x ORDER BY x.due_at, x.id), '[]'::json) FROM (SELECT * FROM p WHERE due_at > ${n} AND due_at <= ${w} ORDER BY due_at, id LIMIT 100) x) AS next`,
      [...params, now, weekEnd],
    );
    return {
      ople,
      byStatus,
      byBallInCourt,
      overdueCount: overdue,
      oldestOverdue: oldest ? dueItem(oldest) : null,
      dueNext7Days: next.map(dueItem),
    };
  }
}

function dueItem(row: Record<string, string>): DueItem {
  return { id: row.id, kind: row.kind, title: row.title, party: row.party, dueDate: row.due_date };
}

function encodeCursor(sort: unknown, id: string): string {
  const value =
    sort instanceof Date ? sort.toISOString() : sort === Infinity || sort === 'infinity' ? 'infinity' : sort;
  return Buffer.from(JSON.stringify([value, id])).toString('base64url');
}

/** A cursor this service wrote for the same order; anything else is refused before it reaches SQL. */
function decodeCursor(cursor: string, orderBy: DocumentOrder): [unknown, string] {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    decoded = null;
  }
  if (
    Array.isArray(decoded) &&
    decoded.length === 2 &&
    typeof decoded[1] === 'string' &&
    /^[\w:.-]{1,300}$/.test(decoded[1]) &&
    sortValueFits(decoded[0], orderBy)
  ) {
    return decoded as [unknown, string];
  }
  throw userError(
    'BAD_USER_INPUT',
    'after: el cursor no es válido para este orden (use el endCursor de la página anterior, con el mismo orderBy)',
    'after',
  );
}

/** The sort key a cursor carries: an instant for the orders by date ('infinity' for "no deadline"), nothing for ID. */
function sortValueFits(value: unknown, orderBy: DocumentOrder): boolean {
  if (orderBy === DocumentOrder.ID) return value === '';
  if (orderBy === DocumentOrder.DUE_SOONEST && value === 'infinity') return true;
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/.test(value)) return false;
  const year = Number(value.slice(0, 4));
  return !Number.isNaN(Date.parse(value)) && year >= 1900 && year <= 2999;
}
