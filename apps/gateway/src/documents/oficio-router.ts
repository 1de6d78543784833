import { Injectable } from '@nestjs/common';
import { normalizeOficioNumber } from '@seguimiento/domain';
import { DataSource } from 'typeorm';
import { userError } from '../errors/graphql-errors';

/**
 * Finds the document an INE answer belongs to by the oficios it cites — the chain, not the
 * subject line, binds an answer to its document. (The event-store issue replaces this scan of
 * the log with an index from oficio numbers to streams.)
 */
@Injectable()
export class OficioRouter {
  constructor(private readonly dataSource: DataSource) {}

  async documentsCiting(ople: string, references: string[]): Promise<string[]> {
    if (references.length === 0) return [];
    const numbers = references.map(normalizeOficioNumber);
    const rows: Array<{ stream_id: string }> = await this.dataSource.query(
      `SELECT DISTINCT stream_id FROM events
        WHERE stream_id LIKE $2
          AND (metadata->>'oficioNumber' = ANY($1::text[])
               OR (type = 'IneAnswerRecorded' AND data->'inferredOficios' ?| $1::text[]))
        ORDER BY stream_id`,
      [numbers, `document:${ople}:%`],
    );
    return rows.map((r) => r.stream_id);
  }

  /** The one document the references point to, or null when they point to none. */
  async route(ople: string, references: string[]): Promise<string | null> {
    const found = await this.documentsCiting(ople, references);
    if (found.length > 1) {
      throw userError('CONFLICT', `references: los oficios citados pertenecen a varios documentos (${found.join(', ')}); indique documentId.`, 'references');
    }
    return found[0] ?? null;
  }
}
