import {
  type DocumentEvent,
  type DocumentState,
  type RequestEvent,
  type RequestState,
  escalationLevel,
  evolveDocument,
  evolveRequest,
  initialDocumentState,
  initialRequestState,
  openObservations,
} from '@seguimiento/domain';
import type { EntityManager } from 'typeorm';
import { type CorrespondenceEntry, caseContext, correspondenceOf } from './correspondence';

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

interface Tracked<S> {
  state: S;
  version: number;
  position: string;
  recordedAt: Date;
  changed: boolean;
  /** Rounds or observations changed: their rows are rewritten. */
  detail: boolean;
}

/**
 * Applies a batch of events to the read models, inside the projector's transaction. States come
 * from the domain's own `evolveDocument` and `evolveRequest`, so the views can never disagree with
 * the workflows about what a case is. The batch is folded in memory and written once per touched case, in bulk. Idempotent:
 * an event at or below the stream version already projected is skipped.
 */
export async function projectBatch(tx: EntityManager, events: readonly LoggedEvent[]): Promise<void> {
  const docIds = [...new Set(events.filter((e) => e.stream_id.startsWith('document:')).map((e) => e.stream_id))];
  const reqIds = [...new Set(events.filter((e) => e.stream_id.startsWith('request:')).map((e) => e.stream_id))];
  const docs = new Map<string, Tracked<DocumentState>>();
  const reqs = new Map<string, Tracked<RequestState>>();
  if (docIds.length) {
    for (const r of await tx.query(
      'SELECT id, state, stream_version, last_position, updated_at FROM rm_documents WHERE id = ANY($1)',
      [docIds],
    )) {
      docs.set(r.id, {
        state: r.state,
        version: r.stream_version,
        position: String(r.last_position),
        recordedAt: r.updated_at,
        changed: false,
        detail: false,
      });
    }
  }
  if (reqIds.length) {
    for (const r of await tx.query(
      'SELECT id, state, stream_version, last_position FROM rm_obligations WHERE id = ANY($1)',
      [reqIds],
    )) {
      reqs.set(r.id, {
        state: r.state,
        version: r.stream_version,
        position: String(r.last_position),
        recordedAt: new Date(0),
        changed: false,
        detail: false,
      });
    }
  }
  const correspondence: unknown[][] = [];
  const escalations: unknown[][] = [];
  const acknowledgements: unknown[][] = [];

  for (const event of events) {
    if (event.stream_id.startsWith('document:')) {
      const t = docs.get(event.stream_id) ?? {
        state: initialDocumentState,
        version: 0,
        position: '0',
        recordedAt: event.recorded_at,
        changed: false,
        detail: false,
      };
      if (event.stream_version <= t.version) continue;
      t.state = evolveDocument(t.state, { type: event.type, data: event.data } as unknown as DocumentEvent);
      Object.assign(t, {
        version: event.stream_version,
        position: event.position,
        recordedAt: event.recorded_at,
        changed: true,
      });
      if (event.type === 'DocumentSubmitted' || event.type === 'IneAnswerRecorded') t.detail = true;
      docs.set(event.stream_id, t);
      const ople = t.state.ople ?? '';
      if (event.type === 'EscalationRaised') escalations.push(escalationRow(event, ople));
      if (event.type === 'EscalationAcknowledged') acknowledgements.push(acknowledgementRow(event));
      correspondence.push(
        ...correspondenceOf(event.stream_id, event, { ople: t.state.ople, requestOficio: null }).map(registerRow),
      );
    } else if (event.stream_id.startsWith('request:')) {
      const t = reqs.get(event.stream_id) ?? {
        state: initialRequestState,
        version: 0,
        position: '0',
        recordedAt: event.recorded_at,
        changed: false,
        detail: false,
      };
      if (event.stream_version <= t.version) continue;
      t.state = evolveRequest(t.state, { type: event.type, data: event.data } as unknown as RequestEvent);
      Object.assign(t, { version: event.stream_version, position: event.position, changed: true });
      reqs.set(event.stream_id, t);
      const s = t.state;
      if (event.type === 'EscalationRaised') escalations.push(escalationRow(event, s.ople ?? ''));
      if (event.type === 'EscalationAcknowledged') acknowledgements.push(acknowledgementRow(event));
      correspondence.push(
        ...correspondenceOf(event.stream_id, event, { ople: s.ople, requestOficio: s.oficioNumber }).map(registerRow),
      );
    } else {
      correspondence.push(...correspondenceOf(event.stream_id, event, caseContext(undefined)).map(registerRow));
    }
  }

  const changedDocs = [...docs.values()].filter((t) => t.changed && t.state.documentId);
  await writeDocuments(tx, changedDocs);
  await writeDetails(
    tx,
    changedDocs.filter((t) => t.detail),
  );
  const obligations = [
    ...changedDocs.filter((t) => t.state.sourceOficio).map((t) => expectedDeliverableRow(t)),
    ...[...reqs.values()].filter((t) => t.changed && t.state.requestId).map((t) => requestRow(t)),
  ];
  await writeObligations(tx, obligations);
  await insertMany(
    tx,
    'rm_correspondence',
    ['oficio_number', 'stream_id', 'ople', 'direction', 'date', 'role', 'cites', 'subject', 'meeting_at'],
    ['text', 'text', 'text', 'text', 'date', 'text', 'text[]', 'text', 'timestamptz'],
    correspondence,
    'ON CONFLICT (oficio_number, stream_id) DO NOTHING',
  );
  await insertMany(
    tx,
    'rm_escalations',
    [
      'stream_id',
      'key',
      'ople',
      'step',
      'recipient',
      'deadline_party',
      'deadline_kind',
      'due_at',
      'due_to_fire_at',
      'fired_at',
    ],
    ['text', 'text', 'text', 'text', 'text', 'text', 'text', 'timestamptz', 'timestamptz', 'timestamptz'],
    escalations,
    'ON CONFLICT DO NOTHING',
  );
  if (acknowledgements.length) {
    const cols = [0, 1, 2, 3].map((c) => acknowledgements.map((r) => r[c]));
    await tx.query(
      `UPDATE rm_escalations e SET acknowledged_by = a.by, acknowledged_at = a.at
         FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[]) AS a(stream_id, key, by, at)
        WHERE e.stream_id = a.stream_id AND e.key = a.key`,
      cols,
    );
  }
}

function acknowledgementRow(event: LoggedEvent): unknown[] {
  const a = event.data as { key: string; by: string; at: string };
  return [event.stream_id, a.key, a.by, a.at];
}

function registerRow(e: CorrespondenceEntry): unknown[] {
  return [e.oficioNumber, e.streamId, e.ople, e.direction, e.date, e.role, e.cites, e.subject, e.meetingAt];
}

function escalationRow(event: LoggedEvent, ople: string): unknown[] {
  const e = event.data as {
    key: string;
    step: string;
    recipient: string;
    deadline: { party: string; kind: string; dueAt: string };
    dueToFireAt: string;
    firedAt: string;
  };
  return [
    event.stream_id,
    e.key,
    ople,
    e.step,
    e.recipient,
    e.deadline.party,
    e.deadline.kind,
    e.deadline.dueAt,
    e.dueToFireAt,
    e.firedAt,
  ];
}

async function writeDocuments(tx: EntityManager, docs: Array<Tracked<DocumentState>>): Promise<void> {
  const rows = docs.map(({ state: s, version, position, recordedAt }) => [
    s.documentId,
    s.ople,
    s.deliverable,
    s.versionKind,
    s.title,
    s.status,
    s.ballInCourt,
    s.resolution,
    s.rounds.length,
    openObservations(s).length,
    s.submissions,
    s.lastOficioNumber,
    s.sourceOficio,
    s.deadline?.dueDate ?? null,
    s.deadline?.dueAt ?? null,
    s.deadline?.party ?? null,
    s.deadline?.kind ?? null,
    escalationLevel(s),
    JSON.stringify(s),
    version,
    position,
    recordedAt,
  ]);
  const columns = [
    'id',
    'ople',
    'deliverable',
    'version_kind',
    'title',
    'status',
    'ball_in_court',
    'resolution',
    'current_round',
    'open_observations',
    'submissions',
    'last_oficio',
    'source_oficio',
    'due_date',
    'due_at',
    'deadline_party',
    'deadline_kind',
    'escalation_level',
    'state',
    'stream_version',
    'last_position',
    'updated_at',
  ];
  const types = [
    'text',
    'text',
    'int',
    'text',
    'text',
    'text',
    'text',
    'text',
    'int',
    'int',
    'int',
    'text',
    'text',
    'date',
    'timestamptz',
    'text',
    'text',
    'int',
    'jsonb',
    'int',
    'bigint',
    'timestamptz',
  ];
  const update = columns
    .slice(1)
    .map((c) => `${c} = EXCLUDED.${c}`)
    .join(', ');
  await insertMany(tx, 'rm_documents', columns, types, rows, `ON CONFLICT (id) DO UPDATE SET ${update}`);
}

async function writeDetails(tx: EntityManager, docs: Array<Tracked<DocumentState>>): Promise<void> {
  if (docs.length === 0) return;
  const ids = docs.map((t) => t.state.documentId);
  await tx.query('DELETE FROM rm_rounds WHERE document_id = ANY($1)', [ids]);
  await tx.query('DELETE FROM rm_observations WHERE document_id = ANY($1)', [ids]);
  const rounds = docs.flatMap(({ state: s }) =>
    s.rounds.map((r) => [
      s.documentId,
      r.number,
      r.submittedBy,
      r.submittedOn,
      r.answeredBy,
      r.answeredOn,
      r.outcome,
      r.additionalObservations,
    ]),
  );
  await insertMany(
    tx,
    'rm_rounds',
    [
      'document_id',
      'number',
      'submitted_by',
      'submitted_on',
      'answered_by',
      'answered_on',
      'outcome',
      'additional_observations',
    ],
    ['text', 'int', 'text', 'date', 'text', 'date', 'text', 'boolean'],
    rounds,
  );
  const observations = docs.flatMap(({ state: s }) =>
    s.observations.map((o) => [
      s.documentId,
      o.id,
      o.text,
      o.raisedBy,
      o.raisedInRound,
      o.inferred,
      o.status,
      o.lastJudgedBy,
    ]),
  );
  await insertMany(
    tx,
    'rm_observations',
    ['document_id', 'id', 'text', 'raised_by', 'raised_in_round', 'inferred', 'status', 'last_judged_by'],
    ['text', 'text', 'text', 'text', 'int', 'boolean', 'text', 'text'],
    observations,
  );
}

/** A document the OPLE owes before sending it (a reminder's item) is an obligation too. */
function expectedDeliverableRow({ state: s, version, position }: Tracked<DocumentState>): unknown[] {
  const open = s.status === 'EXPECTED';
  return [
    s.documentId,
    'EXPECTED_DELIVERABLE',
    s.ople,
    s.sourceOficio,
    s.title,
    s.deliverable,
    open ? (s.deadline?.dueDate ?? null) : null,
    open ? (s.deadline?.dueAt ?? null) : null,
    open ? 'OPEN' : s.status === 'WITHDRAWN' ? 'CANCELLED' : 'FULFILLED',
    open ? null : s.lastOficioNumber,
    null,
    version,
    position,
  ];
}

function requestRow({ state: s, version, position }: Tracked<RequestState>): unknown[] {
  return [
    s.requestId,
    'REQUEST',
    s.ople,
    s.oficioNumber,
    s.subject,
    s.deliverable,
    s.deadline?.dueDate ?? null,
    s.deadline?.dueAt ?? null,
    s.status,
    s.fulfilledBy?.oficioNumber ?? null,
    JSON.stringify(s),
    version,
    position,
  ];
}

async function writeObligations(tx: EntityManager, rows: unknown[][]): Promise<void> {
  const columns = [
    'id',
    'kind',
    'ople',
    'source_oficio',
    'subject',
    'deliverable',
    'due_date',
    'due_at',
    'status',
    'closed_by',
    'state',
    'stream_version',
    'last_position',
  ];
  const types = [
    'text',
    'text',
    'text',
    'text',
    'text',
    'int',
    'date',
    'timestamptz',
    'text',
    'text',
    'jsonb',
    'int',
    'bigint',
  ];
  const update = columns
    .slice(3)
    .map((c) => `${c} = EXCLUDED.${c}`)
    .join(', ');
  await insertMany(tx, 'rm_obligations', columns, types, rows, `ON CONFLICT (id) DO UPDATE SET ${update}`);
}

/**
 * One INSERT for many rows: each column travels as one array parameter and `unnest` zips them
 * back into rows. Array-typed columns (text[]) travel as JSON, since unnest would flatten them.
 */
async function insertMany(
  tx: EntityManager,
  table: string,
  columns: string[],
  types: string[],
  rows: unknown[][],
  conflict = '',
): Promise<void> {
  if (rows.length === 0) return;
  const params = columns.map((_, c) => rows.map((row) => (types[c] === 'text[]' ? JSON.stringify(row[c]) : row[c])));
  const selects = types.map((t, c) => (t === 'text[]' ? `ARRAY(SELECT jsonb_array_elements_text(c${c}))` : `c${c}`));
  const unnest = types.map((t, c) => `$${c + 1}::${t === 'text[]' ? 'jsonb' : t}[]`).join(', ');
  await tx.query(
    `INSERT INTO ${table} (${columns.join(', ')}) SELECT ${selects.join(', ')} FROM unnest(${unnest}) AS u(${columns.map((_, c) => `c${c}`).join(', ')}) ${conflict}`,
    params,
  );
}
