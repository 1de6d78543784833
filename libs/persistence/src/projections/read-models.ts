import {
  type CaseKind,
  DOCUMENT_CASE,
  type DocumentEvent,
  REQUEST_CASE,
  type RequestEvent,
  readCase,
} from '@seguimiento/domain';
import type { EntityManager } from 'typeorm';
import {
  type CorrespondenceEntry,
  caseContext,
  correspondenceOf,
  writeCorrespondence,
} from '../read-models/correspondence/projection';
import { type RowMeta, documentRow, writeDetails, writeDocuments } from '../read-models/documents/projection';
import {
  type Acknowledgement,
  acknowledgementOf,
  escalationRow,
  writeEscalations,
} from '../read-models/escalations/projection';
import type { EscalationRow } from '../read-models/escalations/schema';
import { expectedDeliverableRow, requestRow, writeObligations } from '../read-models/obligations/projection';

/** One event as the projector reads it from the log. */
export interface LoggedEvent {
  position: string;
  stream_id: string;
  stream_version: number;
  type: string;
  data: Record<string, unknown>;
  recorded_at: Date;
}

/** The read-model tables, in the order a rebuild clears them. */
export const READ_MODEL_TABLES = [
  'rm_correspondence',
  'rm_escalations',
  'rm_obligations',
  'rm_observations',
  'rm_rounds',
  'rm_documents',
];

interface Tracked<S> extends RowMeta {
  state: S;
  changed: boolean;
  /** Rounds or observations changed: their rows are rewritten. */
  detail: boolean;
}

/** What one batch writes besides the cases' own rows. */
interface Lines {
  correspondence: CorrespondenceEntry[];
  escalations: EscalationRow[];
  acknowledgements: Acknowledgement[];
}

/**
 * Applies a batch of events to the read models, inside the projector's transaction. States come
 * from the domain's own evolve (through `readCase`, which checks each stored event), so the views
 * can never disagree with the workflows about what a case is. The batch is folded in memory and
 * written once per touched case, in bulk; each model's rows come from its own folder under
 * `read-models/`. Idempotent: an event at or below the stream version already projected is skipped.
 */
export async function projectBatch(tx: EntityManager, events: readonly LoggedEvent[]): Promise<void> {
  const docs = await tracked(
    tx,
    DOCUMENT_CASE,
    events,
    'SELECT id, state, stream_version, last_position, updated_at FROM rm_documents WHERE id = ANY($1)',
  );
  const reqs = await tracked(
    tx,
    REQUEST_CASE,
    events,
    'SELECT id, state, stream_version, last_position FROM rm_obligations WHERE id = ANY($1)',
  );
  const lines: Lines = { correspondence: [], escalations: [], acknowledgements: [] };

  for (const event of events) {
    const kind = readCase(event.stream_id)?.kind;
    if (kind === 'document') {
      const step = advance(docs, DOCUMENT_CASE, event);
      if (!step) continue;
      const { t, domainEvent } = step;
      if (domainEvent.type === 'DocumentSubmitted' || domainEvent.type === 'IneAnswerRecorded') t.detail = true;
      caseLines(lines, event, domainEvent, { ople: t.state.ople, requestOficio: null });
    } else if (kind === 'request') {
      const step = advance(reqs, REQUEST_CASE, event);
      if (!step) continue;
      const s = step.t.state;
      caseLines(lines, event, step.domainEvent, { ople: s.ople, requestOficio: s.oficioNumber });
    } else {
      lines.correspondence.push(...correspondenceOf(event.stream_id, event, caseContext(undefined)));
    }
  }

  const changedDocs = [...docs.values()].filter((t) => t.changed && t.state.documentId);
  await writeDocuments(
    tx,
    changedDocs.map((t) => documentRow(t.state, t)),
  );
  await writeDetails(
    tx,
    changedDocs.filter((t) => t.detail).map((t) => t.state),
  );
  await writeObligations(tx, [
    ...changedDocs.filter((t) => t.state.sourceOficio).map((t) => expectedDeliverableRow(t.state, t)),
    ...[...reqs.values()].filter((t) => t.changed && t.state.requestId).map((t) => requestRow(t.state, t)),
  ]);
  await writeCorrespondence(tx, lines.correspondence);
  await writeEscalations(tx, lines.escalations, lines.acknowledgements);
}

/** The projected state of the batch's cases of one kind, as their rows last stored them. */
async function tracked<E, S>(
  tx: EntityManager,
  kind: CaseKind<string, E & { type: string }, S>,
  events: readonly LoggedEvent[],
  sql: string,
): Promise<Map<string, Tracked<S>>> {
  const ids = [...new Set(events.filter((e) => e.stream_id.startsWith(kind.prefix)).map((e) => e.stream_id))];
  const found = new Map<string, Tracked<S>>();
  if (ids.length === 0) return found;
  for (const r of await tx.query(sql, [ids])) {
    found.set(r.id, {
      state: r.state,
      version: r.stream_version,
      position: String(r.last_position),
      recordedAt: r.updated_at ?? new Date(0),
      changed: false,
      detail: false,
    });
  }
  return found;
}

/** Folds one stored event into its case, unless already projected. */
function advance<E extends { type: string }, S>(
  cases: Map<string, Tracked<S>>,
  kind: CaseKind<string, E, S>,
  event: LoggedEvent,
): { t: Tracked<S>; domainEvent: E } | null {
  const t = cases.get(event.stream_id) ?? {
    state: kind.initial,
    version: 0,
    position: '0',
    recordedAt: event.recorded_at,
    changed: false,
    detail: false,
  };
  if (event.stream_version <= t.version) return null;
  const domainEvent = kind.validate(event);
  Object.assign(t, {
    state: kind.evolve(t.state, domainEvent),
    version: event.stream_version,
    position: event.position,
    recordedAt: event.recorded_at,
    changed: true,
  });
  cases.set(event.stream_id, t);
  return { t, domainEvent };
}

/** The register entries and escalation lines a case's event adds. */
function caseLines(
  lines: Lines,
  event: LoggedEvent,
  domainEvent: DocumentEvent | RequestEvent,
  context: { ople: string | null; requestOficio: string | null },
): void {
  if (domainEvent.type === 'EscalationRaised')
    lines.escalations.push(escalationRow(event.stream_id, domainEvent.data, context.ople ?? ''));
  if (domainEvent.type === 'EscalationAcknowledged')
    lines.acknowledgements.push(acknowledgementOf(event.stream_id, domainEvent.data));
  lines.correspondence.push(...correspondenceOf(event.stream_id, event, context));
}
