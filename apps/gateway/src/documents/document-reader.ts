import { Injectable } from '@nestjs/common';
import {
  type ClosedDeadline,
  type DocumentEvent,
  type FiredEscalation,
  type DocumentState,
  escalationLevel,
  foldDocument,
  isOverdue,
  openObservations,
} from '@seguimiento/domain';
import { EventStore } from '@seguimiento/persistence';
import type { Document } from './models/document.model';
import type {
  BallInCourt,
  DeadlineKind,
  DeadlineOutcome,
  DocumentStatus,
  EscalationStep,
  ObservationStatus,
  Party,
  ReviewOutcome,
  VersionKind,
} from './models/enums';

/** Reads a document as its events in the store say it is (the next issue adds read models). */
@Injectable()
export class DocumentReader {
  constructor(private readonly eventStore: EventStore) {}

  async state(id: string): Promise<DocumentState | null> {
    const stored = await this.eventStore.readStream(id);
    if (stored.length === 0) return null;
    return foldDocument(stored.map((e) => ({ type: e.type, data: e.data }) as unknown as DocumentEvent));
  }
}

type StateDeadline = NonNullable<DocumentState['deadline']>;

const toDeadline = (d: StateDeadline) => ({ ...d, party: d.party as Party, kind: d.kind as DeadlineKind });

/** A case's (document's or request's) fired escalations and past deadlines, as the API shows them. */
export function clockHistory(state: {
  escalations: readonly FiredEscalation[];
  pastDeadlines?: readonly ClosedDeadline[];
}): Pick<Document, 'escalations' | 'pastDeadlines'> {
  return {
    escalations: state.escalations.map((e) => ({
      ...e,
      step: e.step as EscalationStep,
      deadline: toDeadline(e.deadline),
      foundAtImport: e.foundAtImport === true,
    })),
    pastDeadlines: (state.pastDeadlines ?? []).map((p) => ({
      ...p,
      deadline: toDeadline(p.deadline),
      outcome: p.outcome as DeadlineOutcome,
    })),
  };
}

export function toDocument(state: DocumentState, now = new Date().toISOString()): Document {
  return {
    id: state.documentId!,
    ople: state.ople!,
    deliverable: state.deliverable!,
    versionKind: state.versionKind as VersionKind,
    title: state.title!,
    status: state.status as DocumentStatus,
    ballInCourt: state.ballInCourt as BallInCourt,
    resolution: state.resolution,
    submissions: state.submissions,
    lastOficioNumber: state.lastOficioNumber,
    lastSubmittedOn: state.lastSubmittedOn,
    rounds: state.rounds.map((r) => ({ ...r, outcome: r.outcome as ReviewOutcome | null })),
    observations: state.observations.map((o) => ({ ...o, status: o.status as ObservationStatus })),
    openObservations: openObservations(state).length,
    deadline: state.deadline ? toDeadline(state.deadline) : null,
    overdue: isOverdue(state, now),
    escalationLevel: escalationLevel(state),
    ...clockHistory(state),
    version: state.version,
  };
}
