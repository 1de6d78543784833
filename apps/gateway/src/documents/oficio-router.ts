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
    if (references.length === 0) return [];
    const rows: Array<{ stream_id: string }> = await this.dataSource.query(
      `SELECT DISTINCT stream_id FROM case_oficios
        WHERE oficio_number = ANY($1::text[]) AND ople = $2 AND stream_id LIKE 'document:%'
        ORDER BY stream_id`,
      [references.map(normalizeOficioNumber), ople],
    );
    return rows.map((r) => r.stream_id);
  }

  /** The one document the references point to, or null when they point to none. */
  async route(ople: string, references: string[]): Promise<string | null> {
    const found = await this.documentsCiting(ople, references);
    if (found.length > 1) {
      throw userError(
        'CONFLICT',
        `references: los oficios citados pertenecen a varios documentos (${found.join(', ')}); indique documentId.`,
        'references',
      );
    }
    return found[0] ?? null;
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
