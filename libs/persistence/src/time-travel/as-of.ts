import {
  DOCUMENT_CASE,
  type DocumentState,
  REQUEST_CASE,
  type RequestState,
  isDocumentClosed,
  isOverdue,
  isRequestClosed,
  readCase,
} from '@seguimiento/domain';
import type { DataSource } from 'typeorm';
import { type RowMeta, documentRow } from '../read-models/documents/projection';
import type { DocumentRow } from '../read-models/documents/schema';

/** Every case as it stood at an instant, folded from the log. */
export interface Snapshot {
  asOf: string;
  documents: DocumentState[];
  requests: RequestState[];
  /** The documents as rows of `rm_documents` would have held them then, for the same queries as now. */
  documentRows: DocumentRow[];
}

export interface OpenItem {
  id: string;
  kind: 'DOCUMENT' | 'REQUEST';
  ople: string;
  status: string;
  ballInCourt: 'INE' | 'OPLE' | 'NONE';
  dueDate: string | null;
  overdue: boolean;
}

/**
 * Time travel: the state of every case (or of one stream, or one OPLE's) as of `asOf`, computed
 * from the log. An event counts from its effective time — the date of the oficio it records
 * (metadata.effectiveAt), else when it was recorded — and each stream folds, in order, the events
 * already effective then. Events effective later are skipped, not a stop: when history is entered
 * late, an escalation fired today sits between oficios of 2024 and must not hide the later ones.
 */
export async function snapshotAsOf(
  dataSource: DataSource,
  asOf: string,
  filter: { streamId?: string; ople?: string } = {},
): Promise<Snapshot> {
  const at = Date.parse(asOf);
  if (Number.isNaN(at)) throw new Error(`asOf: "${asOf}" is not an ISO 8601 instant`);
  // Only what had taken effect by then; later events are skipped, not a stop (see above).
  const params: unknown[] = [new Date(at).toISOString()];
  const where: string[] = [`COALESCE((metadata->>'effectiveAt')::timestamptz, occurred_at) <= $1`];
  if (filter.streamId) {
    params.push(filter.streamId);
    where.push(`stream_id = $${params.length}`);
  }
  if (filter.ople) {
    params.push(`%:${filter.ople}:%`);
    where.push(`stream_id LIKE $${params.length}`);
  }
  const rows: Array<{ stream_id: string; type: string; data: unknown; position: string; recorded_at: Date }> =
    await dataSource.query(
      `SELECT stream_id, type, data, position::text, recorded_at
         FROM events WHERE ${where.join(' AND ')}
        ORDER BY stream_id, stream_version`,
      params,
    );
  const documents = new Map<string, DocumentState>();
  const requests = new Map<string, RequestState>();
  /** Where each document's row would stand: its last event folded by then. */
  const meta = new Map<string, RowMeta>();
  for (const row of rows) {
    const kind = readCase(row.stream_id)?.kind;
    if (kind === 'document') {
      const state = DOCUMENT_CASE.fold([row], documents.get(row.stream_id));
      documents.set(row.stream_id, state);
      meta.set(row.stream_id, { version: state.version, position: row.position, recordedAt: row.recorded_at });
    } else if (kind === 'request') {
      requests.set(row.stream_id, REQUEST_CASE.fold([row], requests.get(row.stream_id)));
    }
  }
  const opened = [...documents.values()].filter((d) => d.documentId !== null);
  return {
    asOf: new Date(at).toISOString(),
    documents: opened,
    requests: [...requests.values()].filter((r) => r.requestId !== null),
    documentRows: opened.map((d) => documentRow(d, meta.get(d.documentId!)!)),
  };
}

/** What was open, and whether it was overdue, in a snapshot. */
export function openItems(snapshot: Snapshot): OpenItem[] {
  const documents: OpenItem[] = snapshot.documents
    .filter((d) => !isDocumentClosed(d))
    .map((d) => ({
      id: d.documentId!,
      kind: 'DOCUMENT',
      ople: d.ople!,
      status: d.status,
      ballInCourt: d.ballInCourt,
      dueDate: d.deadline?.dueDate ?? null,
      overdue: isOverdue(d, snapshot.asOf),
    }));
  const requests: OpenItem[] = snapshot.requests
    .filter((r) => !isRequestClosed(r))
    .map((r) => ({
      id: r.requestId!,
      kind: 'REQUEST',
      ople: r.ople!,
      status: r.status,
      ballInCourt: 'OPLE',
      dueDate: r.deadline?.dueDate ?? null,
      overdue: isOverdue(r, snapshot.asOf),
    }));
  return [...documents, ...requests].sort((a, b) => a.id.localeCompare(b.id));
}
