import { endOfLocalDay } from '@seguimiento/domain';
import {
  type DocumentPage,
  type DocumentQuery,
  type ListedDocument,
  decodeDocumentCursor,
} from '@seguimiento/persistence';
import { toDocument } from '../documents/document-reader';
import { checkedLocalDate } from '../common/query-dates';
import { userError } from '../errors/graphql-errors';
import type { DocumentsArgs } from './dto/documents.args';
import type { DocumentConnection } from './models/supervision.models';

/** The list's arguments as the read model's query, checked: a bad date or cursor is refused naming the field. */
export function documentQuery(args: DocumentsArgs, now: string): DocumentQuery {
  const f = args.filter ?? {};
  const dueBy = f.dueBefore ? endOfLocalDay(checkedLocalDate(f.dueBefore, 'filter.dueBefore')) : undefined;
  const after = args.after ? decodeDocumentCursor(args.after, args.orderBy) : null;
  if (args.after && !after)
    throw userError(
      'BAD_USER_INPUT',
      'after: el cursor no es válido para este orden (use el endCursor de la página anterior, con el mismo orderBy)',
      'after',
    );
  return {
    filter: {
      ople: f.ople || undefined,
      status: f.status || undefined,
      ballInCourt: f.ballInCourt || undefined,
      deliverable: f.deliverable,
      dueBy,
      overdue: f.overdue,
      search: f.search || undefined,
    },
    orderBy: args.orderBy,
    first: args.first,
    after,
    now,
  };
}

/** A page as GraphQL's connection, each document as it stood at `now`. */
export function documentConnection(page: DocumentPage<ListedDocument>, now: string): DocumentConnection {
  const edges = page.rows.map((r, i) => ({ cursor: page.cursors[i], node: toDocument(r.state, now) }));
  return {
    edges,
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.length ? edges[edges.length - 1].cursor : null },
    totalCount: page.totalCount,
  };
}
