import { Injectable } from '@nestjs/common';
import {
  type DocumentState,
  addCountedDays,
  endOfLocalDay,
  isDocumentClosed,
  isOverdue,
  localDateOf,
  policyWith,
} from '@seguimiento/domain';
import { type Snapshot, openItems, snapshotAsOf } from '@seguimiento/persistence';
import { DataSource } from 'typeorm';
import { toDocument } from '../documents/document-reader';
import { userError } from '../errors/graphql-errors';
import { checkedLocalDate } from '../common/query-dates';
import { DocumentOrder, type DocumentsArgs } from './dto/documents.args';
import type { Obligation } from './models/register.models';
import type { Dashboard, DocumentConnection, DueItem } from './models/supervision.models';

/**
 * The same questions as SupervisionService and RegisterService, answered as of a past instant:
 * every case is folded from the log up to what had taken effect then (see `snapshotAsOf`).
 */
@Injectable()
export class TimeTravelService {
  constructor(private readonly dataSource: DataSource) {}

  async documents(args: DocumentsArgs, asOf: Date): Promise<DocumentConnection> {
    const snapshot = await snapshotAsOf(this.dataSource, asOf.toISOString(), { ople: args.filter?.ople });
    const at = snapshot.asOf;
    const f = args.filter ?? {};
    const dueLimit = f.dueBefore ? Date.parse(endOfLocalDay(checkedLocalDate(f.dueBefore, 'filter.dueBefore'))) : null;
    const needle = f.search?.toLowerCase();
    const matching = snapshot.documents.filter(
      (d) =>
        (!f.ople || d.ople === f.ople) &&
        (!f.status || d.status === f.status) &&
        (!f.ballInCourt || d.ballInCourt === f.ballInCourt) &&
        (f.deliverable === undefined || d.deliverable === f.deliverable) &&
        (dueLimit === null || (d.deadline !== null && Date.parse(d.deadline.dueAt) <= dueLimit)) &&
        (f.overdue === undefined || isOverdue(d, at) === f.overdue) &&
        (!needle || [d.title, d.documentId, d.lastOficioNumber].some((v) => v?.toLowerCase().includes(needle))),
    );
    const key = (d: DocumentState): string =>
      args.orderBy === DocumentOrder.DUE_SOONEST
        ? (d.deadline?.dueAt ?? '9999')
        : args.orderBy === DocumentOrder.RECENTLY_CHANGED
          ? String(-d.version).padStart(12, '0')
          : '';
    matching.sort((a, b) => key(a).localeCompare(key(b)) || a.documentId!.localeCompare(b.documentId!));
    let start = 0;
    if (args.after) {
      const index = matching.findIndex((d) => d.documentId === decodeOffset(args.after!));
      start = index + 1;
    }
    const page = matching.slice(start, start + args.first);
    const edges = page.map((d) => ({
      cursor: Buffer.from(JSON.stringify(['asOf', d.documentId])).toString('base64url'),
      node: toDocument(d, at),
    }));
    return {
      edges,
      pageInfo: {
        hasNextPage: start + args.first < matching.length,
        endCursor: edges.length ? edges[edges.length - 1].cursor : null,
      },
      totalCount: matching.length,
    };
  }

  async dashboard(ople: string | null, asOf: Date): Promise<Dashboard> {
    const snapshot = await snapshotAsOf(this.dataSource, asOf.toISOString(), { ople: ople ?? undefined });
    const count = (values: string[]) =>
      [...values.reduce((m, v) => m.set(v, (m.get(v) ?? 0) + 1), new Map<string, number>())]
        .map(([key, n]) => ({ key, count: n }))
        .sort((a, b) => a.key.localeCompare(b.key));
    const items = dueItems(snapshot);
    const at = Date.parse(snapshot.asOf);
    const weekEnd = Date.parse(endOfLocalDay(addCountedDays(localDateOf(snapshot.asOf), 7, policyWith())));
    const overdue = items.filter((i) => Date.parse(i.dueAt) <= at);
    return {
      ople,
      byStatus: count(snapshot.documents.map((d) => d.status)),
      byBallInCourt: count(snapshot.documents.filter((d) => !isDocumentClosed(d)).map((d) => d.ballInCourt)),
      overdueCount: overdue.length,
      oldestOverdue: overdue[0] ?? null,
      dueNext7Days: items.filter((i) => Date.parse(i.dueAt) > at && Date.parse(i.dueAt) <= weekEnd),
    };
  }

  async obligations(
    filter: { ople?: string; dueBefore?: string; overdue?: boolean },
    asOf: Date,
  ): Promise<Obligation[]> {
    const snapshot = await snapshotAsOf(this.dataSource, asOf.toISOString(), { ople: filter.ople });
    const byId = new Map(snapshot.documents.map((d) => [d.documentId!, d]));
    const limit = filter.dueBefore ? Date.parse(endOfLocalDay(checkedLocalDate(filter.dueBefore, 'dueBefore'))) : null;
    return openItems(snapshot)
      .filter((i) => i.kind === 'REQUEST' || (byId.get(i.id)?.status === 'EXPECTED' && byId.get(i.id)?.sourceOficio))
      .filter(
        (i) =>
          (filter.overdue === undefined || i.overdue === filter.overdue) &&
          (limit === null || (i.dueDate !== null && Date.parse(endOfLocalDay(i.dueDate)) <= limit)),
      )
      .map((i) => {
        const request = snapshot.requests.find((r) => r.requestId === i.id);
        const document = byId.get(i.id);
        return {
          id: i.id,
          kind: request ? 'REQUEST' : 'EXPECTED_DELIVERABLE',
          ople: i.ople,
          sourceOficio: request?.oficioNumber ?? document?.sourceOficio ?? null,
          subject: request?.subject ?? document?.title ?? '',
          deliverable: request?.deliverable ?? document?.deliverable ?? null,
          dueDate: i.dueDate,
          status: 'OPEN',
          overdue: i.overdue,
          closedBy: null,
        };
      })
      .sort((a, b) => (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') || a.id.localeCompare(b.id));
  }
}

function dueItems(snapshot: Snapshot): Array<DueItem & { dueAt: string }> {
  const documents = snapshot.documents
    .filter((d) => !isDocumentClosed(d) && d.deadline)
    .map((d) => ({
      id: d.documentId!,
      kind: 'DOCUMENT',
      title: d.title!,
      party: d.deadline!.party,
      dueDate: d.deadline!.dueDate,
      dueAt: d.deadline!.dueAt,
    }));
  const requests = snapshot.requests
    .filter((r) => r.status === 'OPEN' && r.deadline)
    .map((r) => ({
      id: r.requestId!,
      kind: 'REQUEST',
      title: r.subject!,
      party: 'OPLE',
      dueDate: r.deadline!.dueDate,
      dueAt: r.deadline!.dueAt,
    }));
  return [...documents, ...requests].sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.id.localeCompare(b.id));
}

function decodeOffset(cursor: string): string {
  try {
    const [tag, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (tag === 'asOf' && typeof id === 'string') return id;
  } catch {
    // fall through
  }
  throw userError('BAD_USER_INPUT', 'after: el cursor no es válido para una consulta con asOf', 'after');
}
