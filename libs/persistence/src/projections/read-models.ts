import {
  type DocumentEvent,
  type DocumentState,
  type RequestEvent,
  type RequestState,
  escalationLevel,
  evolve,
  evolveRequest,
  initialDocumentState,
  initialRequestState,
  openObservations,
} from '@seguimiento/domain';
import type { EntityManager } from 'typeorm';

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
export const READ_MODEL_TABLES = ['rm_correspondence', 'rm_escalations', 'rm_obligations', 'rm_observations', 'rm_rounds', 'rm_documents'];

/**
 * Applies one event to the read models, inside the projector's transaction. The new state comes
 * from the domain's own `evolve`, so the views can never disagree with the workflows about what a
 * document is. Idempotent: an event at or below the stream version already projected is skipped.
 */
export async function project(tx: EntityManager, event: LoggedEvent): Promise<void> {
  if (event.stream_id.startsWith('document:')) return projectDocument(tx, event);
  if (event.stream_id.startsWith('request:')) return projectRequest(tx, event);
}

async function projectDocument(tx: EntityManager, event: LoggedEvent): Promise<void> {
  const [row] = await tx.query('SELECT state, stream_version FROM rm_documents WHERE id = $1', [event.stream_id]);
  if (row && row.stream_version >= event.stream_version) return;
  const before: DocumentState = row ? row.state : initialDocumentState;
  const state = evolve(before, { type: event.type, data: event.data } as unknown as DocumentEvent);
  if (!state.documentId) return; // not opened yet: nothing to show
  const d = state.deadline;
  await tx.query(
    `INSERT INTO rm_documents (id, ople, deliverable, version_kind, title, status, ball_in_court, resolution, current_round,
       open_observations, submissions, last_oficio, source_oficio, due_date, due_at, deadline_party, deadline_kind,
       escalation_level, state, stream_version, last_position, updated_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22)
     ON CONFLICT (id) DO UPDATE SET ople = EXCLUDED.ople, deliverable = EXCLUDED.deliverable, version_kind = EXCLUDED.version_kind,
       title = EXCLUDED.title, status = EXCLUDED.status, ball_in_court = EXCLUDED.ball_in_court, resolution = EXCLUDED.resolution,
       current_round = EXCLUDED.current_round, open_observations = EXCLUDED.open_observations, submissions = EXCLUDED.submissions,
       last_oficio = EXCLUDED.last_oficio, source_oficio = EXCLUDED.source_oficio, due_date = EXCLUDED.due_date, due_at = EXCLUDED.due_at,
       deadline_party = EXCLUDED.deadline_party, deadline_kind = EXCLUDED.deadline_kind, escalation_level = EXCLUDED.escalation_level,
       state = EXCLUDED.state, stream_version = EXCLUDED.stream_version, last_position = EXCLUDED.last_position, updated_at = EXCLUDED.updated_at`,
    [
      state.documentId,
      state.ople,
      state.deliverable,
      state.versionKind,
      state.title,
      state.status,
      state.ballInCourt,
      state.resolution,
      state.rounds.length,
      openObservations(state).length,
      state.submissions,
      state.lastOficioNumber,
      state.sourceOficio,
      d?.dueDate ?? null,
      d?.dueAt ?? null,
      d?.party ?? null,
      d?.kind ?? null,
      escalationLevel(state),
      JSON.stringify(state),
      event.stream_version,
      event.position,
      event.recorded_at,
    ],
  );

  switch (event.type) {
    case 'DocumentSubmitted':
    case 'IneAnswerRecorded':
      await replaceRounds(tx, state);
      await replaceObservations(tx, state);
      await writeCorrespondence(tx, event, state.ople!);
      break;
    case 'EscalationRaised':
      await writeEscalation(tx, event, state.ople!);
      break;
    case 'DocumentWithdrawn':
    case 'DeadlineExtended':
      await writeCorrespondence(tx, event, state.ople!);
      break;
    default:
      break;
  }
  // A document the OPLE owes before sending it (a reminder's item) is an obligation too.
  if (state.sourceOficio) {
    await upsertObligation(tx, {
      id: state.documentId,
      kind: 'EXPECTED_DELIVERABLE',
      ople: state.ople!,
      sourceOficio: state.sourceOficio,
      subject: state.title!,
      deliverable: state.deliverable,
      deadline: state.status === 'EXPECTED' ? state.deadline : null,
      status: state.status === 'EXPECTED' ? 'OPEN' : state.status === 'WITHDRAWN' ? 'CANCELLED' : 'FULFILLED',
      closedBy: state.status === 'EXPECTED' ? null : state.lastOficioNumber,
      state: null,
      version: event.stream_version,
      position: event.position,
    });
    if (event.type === 'DocumentOpened') {
      await insertCorrespondence(tx, state.sourceOficio, event.stream_id, state.ople!, 'IN', null, 'SOURCE', []);
    }
  }
}

async function replaceRounds(tx: EntityManager, state: DocumentState): Promise<void> {
  await tx.query('DELETE FROM rm_rounds WHERE document_id = $1', [state.documentId]);
  for (const r of state.rounds) {
    await tx.query(
      `INSERT INTO rm_rounds (document_id, number, submitted_by, submitted_on, answered_by, answered_on, outcome, additional_observations)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8)`,
      [state.documentId, r.number, r.submittedBy, r.submittedOn, r.answeredBy, r.answeredOn, r.outcome, r.additionalObservations],
    );
  }
}

async function replaceObservations(tx: EntityManager, state: DocumentState): Promise<void> {
  await tx.query('DELETE FROM rm_observations WHERE document_id = $1', [state.documentId]);
  for (const o of state.observations) {
    await tx.query(
      `INSERT INTO rm_observations (document_id, id, text, raised_by, raised_in_round, inferred, status, last_judged_by)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8)`,
      [state.documentId, o.id, o.text, o.raisedBy, o.raisedInRound, o.inferred, o.status, o.lastJudgedBy],
    );
  }
}

async function writeEscalation(tx: EntityManager, event: LoggedEvent, ople: string): Promise<void> {
  const e = event.data as { key: string; step: string; recipient: string; deadline: { party: string; kind: string; dueAt: string }; dueToFireAt: string; firedAt: string };
  await tx.query(
    `INSERT INTO rm_escalations (stream_id, key, ople, step, recipient, deadline_party, deadline_kind, due_at, due_to_fire_at, fired_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10) ON CONFLICT DO NOTHING`,
    [event.stream_id, e.key, ople, e.step, e.recipient, e.deadline.party, e.deadline.kind, e.deadline.dueAt, e.dueToFireAt, e.firedAt],
  );
}

async function writeCorrespondence(tx: EntityManager, event: LoggedEvent, ople: string): Promise<void> {
  const d = event.data as { oficioNumber?: string | null; submittedOn?: string; date?: string; references?: string[]; inferredOficios?: string[] };
  if (!d.oficioNumber) return;
  const direction = event.type === 'IneAnswerRecorded' || event.type === 'DeadlineExtended' ? 'IN' : 'OUT';
  const role = { DocumentSubmitted: 'SUBMISSION', IneAnswerRecorded: 'ANSWER', DocumentWithdrawn: 'WITHDRAWAL', DeadlineExtended: 'EXTENSION' }[event.type] ?? 'OTHER';
  await insertCorrespondence(tx, d.oficioNumber, event.stream_id, ople, direction, d.submittedOn ?? d.date ?? null, role, d.references ?? []);
  for (const inferred of d.inferredOficios ?? []) {
    await insertCorrespondence(tx, inferred, event.stream_id, ople, 'IN', null, 'INFERRED', []);
  }
}

async function insertCorrespondence(
  tx: EntityManager,
  oficio: string,
  streamId: string,
  ople: string,
  direction: 'IN' | 'OUT',
  date: string | null,
  role: string,
  cites: string[],
): Promise<void> {
  await tx.query(
    `INSERT INTO rm_correspondence (oficio_number, stream_id, ople, direction, date, role, cites) VALUES ($1,$2,$3,$4,$5,$6,$7)
     ON CONFLICT (oficio_number, stream_id) DO NOTHING`,
    [oficio, streamId, ople, direction, date, role, cites],
  );
}

interface ObligationRow {
  id: string | null;
  kind: 'REQUEST' | 'EXPECTED_DELIVERABLE';
  ople: string;
  sourceOficio: string | null;
  subject: string;
  deliverable: number | null;
  deadline: { dueDate: string; dueAt: string } | null;
  status: string;
  closedBy: string | null;
  state: unknown;
  version: number;
  position: string;
}

async function upsertObligation(tx: EntityManager, o: ObligationRow): Promise<void> {
  await tx.query(
    `INSERT INTO rm_obligations (id, kind, ople, source_oficio, subject, deliverable, due_date, due_at, status, closed_by, state, stream_version, last_position)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13)
     ON CONFLICT (id) DO UPDATE SET subject = EXCLUDED.subject, deliverable = EXCLUDED.deliverable, due_date = EXCLUDED.due_date,
       due_at = EXCLUDED.due_at, status = EXCLUDED.status, closed_by = EXCLUDED.closed_by, state = EXCLUDED.state,
       stream_version = EXCLUDED.stream_version, last_position = EXCLUDED.last_position`,
    [o.id, o.kind, o.ople, o.sourceOficio, o.subject, o.deliverable, o.deadline?.dueDate ?? null, o.deadline?.dueAt ?? null, o.status, o.closedBy, o.state === null ? null : JSON.stringify(o.state), o.version, o.position],
  );
}

async function projectRequest(tx: EntityManager, event: LoggedEvent): Promise<void> {
  const [row] = await tx.query('SELECT state, stream_version FROM rm_obligations WHERE id = $1', [event.stream_id]);
  if (row && row.stream_version >= event.stream_version) return;
  const before: RequestState = row?.state ?? initialRequestState;
  const state = evolveRequest(before, { type: event.type, data: event.data } as unknown as RequestEvent);
  if (!state.requestId) return;
  await upsertObligation(tx, {
    id: state.requestId,
    kind: 'REQUEST',
    ople: state.ople!,
    sourceOficio: state.oficioNumber,
    subject: state.subject!,
    deliverable: state.deliverable,
    deadline: state.deadline,
    status: state.status,
    closedBy: state.fulfilledBy?.oficioNumber ?? null,
    state,
    version: event.stream_version,
    position: event.position,
  });
  if (event.type === 'RequestOpened') {
    await insertCorrespondence(tx, state.oficioNumber!, event.stream_id, state.ople!, 'IN', state.date, 'REQUEST', []);
  } else if (event.type === 'RequestFulfilled') {
    const f = state.fulfilledBy!;
    await insertCorrespondence(tx, f.oficioNumber, event.stream_id, state.ople!, f.by === 'INE' ? 'IN' : 'OUT', f.date, 'FULFILMENT', [state.oficioNumber!]);
  } else if (event.type === 'EscalationRaised') {
    await writeEscalation(tx, event, state.ople!);
  }
}
