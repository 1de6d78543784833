import { Injectable } from '@nestjs/common';
import { normalizeOficioNumber } from '@seguimiento/domain';
import { DataSource } from 'typeorm';
import { userError } from '../errors/graphql-errors';

/**
 * Finds the document an INE answer belongs to by the oficios it cites — the chain, not the
 * subject line, binds an answer to its document — through `case_oficios`, the index from oficio
 * numbers to the cases they touch that the event store writes in the same transaction as the
 * events: as current as the log itself, whatever the projector's lag.
 */
@Injectable()
export class OficioRouter {
  constructor(private readonly dataSource: DataSource) {}

  async documentsCiting(ople: string, references: string[]): Promise<string[]> {
    return (await this.citing(ople, references)).map((d) => d.streamId);
  }

  /**
   * The one document the references point to, or null when they point to none. When they touch
   * several, the one they belong to wins over those that only link to them (role INFERRED: a final
   * version reviewed together with the proyecto's observations links the proyecto's oficios too);
   * if that still leaves several, the caller must say which (CONFLICT).
   */
  async route(ople: string, references: string[]): Promise<string | null> {
    const found = await this.citing(ople, references);
    const own = found.filter((d) => d.own);
    const chosen = found.length > 1 && own.length === 1 ? own : found;
    if (chosen.length > 1) {
      throw userError(
        'CONFLICT',
        `references: los oficios citados pertenecen a varios documentos (${chosen.map((d) => d.streamId).join(', ')}); indique documentId.`,
        'references',
      );
    }
    return chosen[0]?.streamId ?? null;
  }

  /** The documents the cited oficios touch, and whether any of them is one of the document's own (not an inferred link). */
  private async citing(ople: string, references: string[]): Promise<Array<{ streamId: string; own: boolean }>> {
    if (references.length === 0) return [];
    const rows: Array<{ stream_id: string; own: boolean }> = await this.dataSource.query(
      `SELECT stream_id, bool_or(role <> 'INFERRED') AS own FROM case_oficios
        WHERE oficio_number = ANY($1::text[]) AND ople = $2 AND stream_id LIKE 'document:%'
        GROUP BY stream_id ORDER BY stream_id`,
      [references.map(normalizeOficioNumber), ople],
    );
    return rows.map((r) => ({ streamId: r.stream_id, own: r.own }));
  }

  /** The INE requests among the cited oficios (an OPLE's oficio that answers them cites them). */
  async requestsCiting(ople: string, references: string[]): Promise<string[]> {
    if (references.length === 0) return [];
    const rows: Array<{ stream_id: string }> = await this.dataSource.query(
      `SELECT DISTINCT stream_id FROM case_oficios
        WHERE oficio_number = ANY($1::text[]) AND ople = $2 AND role = 'REQUEST'
        ORDER BY stream_id`,
      [references.map(normalizeOficioNumber), ople],
    );
    return rows.map((r) => r.stream_id);
  }
}
