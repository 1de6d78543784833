import { Injectable, Scope } from '@nestjs/common';
import DataLoader from 'dataloader';
import { eventsOfStreams } from '@seguimiento/persistence';
import { DataSource } from 'typeorm';
import type { TimelineEntry } from './models/timeline.model';

/** What a review resolves, in the oficios' own words. */
const OUTCOMES: Record<string, string> = {
  OBSERVATIONS: 'remite observaciones',
  PARTIALLY_ADDRESSED: 'tiene por atendidas de manera parcial las observaciones',
  ADDRESSED: 'tiene por atendidas las observaciones',
  ACCEPTED: 'tiene por recibido el documento sin observaciones',
};

const SUMMARIES: Record<string, (d: Record<string, unknown>) => string> = {
  DocumentOpened: (d) =>
    `Se abre el seguimiento del entregable ${d.deliverable} (${d.versionKind === 'FINAL' ? 'versión final' : 'proyecto'})`,
  DocumentSubmitted: (d) => `El OPLE remite la versión ${d.submission} con oficio ${d.oficioNumber}`,
  IneAnswerRecorded: (d) =>
    `El INE, con oficio ${d.oficioNumber}, ${OUTCOMES[String(d.outcome)] ?? d.outcome}${d.additionalObservations ? ' y genera observaciones adicionales' : ''}`,
  DocumentResolved: (d) =>
    `Resuelto (${d.resolution === 'ACCEPTED' ? 'se tiene por recibido' : 'observaciones atendidas'})`,
  DeadlineSet: (d) =>
    d.deadline
      ? `Plazo: ${(d.deadline as { party: string; dueDate: string }).party} a más tardar el ${(d.deadline as { dueDate: string }).dueDate}`
      : 'Sin plazo en curso',
  DeadlineExtended: (d) => `Prórroga al ${(d.deadline as { dueDate: string }).dueDate}: ${d.reason}`,
  DocumentWithdrawn: (d) => `Retirado: ${d.reason}`,
  EscalationRaised: (d) => `Escalamiento ${d.step} a ${d.recipient}`,
  RequestOpened: (d) => `Solicitud ${d.oficioNumber}: ${d.subject}`,
  RequestFulfilled: (d) => `Atendida con oficio ${d.oficioNumber}`,
  RequestCancelled: (d) => `Cancelada: ${d.reason}`,
};

/**
 * Loads the timelines of every case a request asks about in one query (DataLoader batches the
 * ids of a page): a page of 50 documents with their timelines costs one query, not 50.
 */
@Injectable({ scope: Scope.REQUEST })
export class TimelineLoader {
  private readonly loader: DataLoader<string, TimelineEntry[]>;

  constructor(dataSource: DataSource) {
    this.loader = new DataLoader(async (ids) => {
      const byStream = new Map<string, TimelineEntry[]>(ids.map((id) => [id, []]));
      for (const r of await eventsOfStreams(dataSource, ids)) {
        byStream.get(r.stream_id)?.push({
          position: r.position,
          version: r.stream_version,
          type: r.type,
          summary: (SUMMARIES[r.type] ?? (() => r.type))(r.data),
          oficioNumber: r.metadata.oficioNumber ?? null,
          actor: r.metadata.actor ?? null,
          effectiveAt: r.metadata.effectiveAt ?? r.occurred_at.toISOString(),
          recordedAt: r.recorded_at.toISOString(),
        });
      }
      return ids.map((id) => byStream.get(id)!);
    });
  }

  load(id: string): Promise<TimelineEntry[]> {
    return this.loader.load(id);
  }
}
