import { Injectable } from '@nestjs/common';
import { DOCUMENT_CASE, type DocumentState, escalationLevel, isOverdue, openObservations } from '@seguimiento/domain';
import { EventStore } from '@seguimiento/persistence';
import { clockHistory } from '../common/case-history';
import type { Document } from './models/document.model';
import type {
  BallInCourt,
  DeadlineKind,
  DocumentStatus,
  ObservationStatus,
  Party,
  ReviewOutcome,
  VersionKind,
} from '../common/enums';

/** Reads a document as its events in the store say it is (checked and folded by its case kind). */
@Injectable()
export class DocumentReader {
  constructor(private readonly eventStore: EventStore) {}

  async state(id: string): Promise<DocumentState | null> {
    const stored = await this.eventStore.readStream(id);
    if (stored.length === 0) return null;
    return DOCUMENT_CASE.fold(stored);
  }
}

const toDeadline = (d: NonNullable<DocumentState['deadline']>) => ({
  ...d,
  party: d.party as Party,
  kind: d.kind as DeadlineKind,
});

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
