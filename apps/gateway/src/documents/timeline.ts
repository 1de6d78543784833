import { Injectable, Scope } from '@nestjs/common';
import DataLoader from 'dataloader';
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
      const rows: Array<Record<string, unknown>> = await dataSource.query(
        `SELECT position::text, stream_id, stream_version, type, data, metadata, occurred_at, recorded_at
           FROM events WHERE stream_id = ANY($1) ORDER BY stream_id, stream_version`,
        [ids],
      );
      const byStream = new Map<string, TimelineEntry[]>(ids.map((id) => [id, []]));
      for (const r of rows) {
        const data = r.data as Record<string, unknown>;
        const metadata = r.metadata as Record<string, string | undefined>;
        byStream.get(r.stream_id as string)?.push({
          position: r.position as string,
          version: r.stream_version as number,
          type: r.type as string,
          summary: (SUMMARIES[r.type as string] ?? (() => String(r.type)))(data),
          oficioNumber: metadata.oficioNumber ?? null,
          actor: metadata.actor ?? null,
          effectiveAt: metadata.effectiveAt ?? (r.occurred_at as Date).toISOString(),
          recordedAt: (r.recorded_at as Date).toISOString(),
        });
      }
      return ids.map((id) => byStream.get(id)!);
    });
  }

  load(id: string): Promise<TimelineEntry[]> {
    return this.loader.load(id);
  }
}
