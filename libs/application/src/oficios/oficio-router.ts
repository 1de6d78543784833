import { normalizeOficioNumber } from '@seguimiento/domain';
import { Conflict } from '../errors';
import type { CitationIndex } from '../ports';

/**
 * Finds the case an oficio belongs to by the oficios it cites — the chain, not the subject line,
 * binds an answer to its document — through the citation index written with the events: as
 * current as the log itself, whatever the projector's lag.
 */
export class OficioRouter {
  constructor(private readonly index: CitationIndex) {}

  /**
   * The one document the references point to, or null when they point to none. When they touch
   * several, the one they belong to wins over those that only link to them (a final version
   * reviewed together with the proyecto's observations links the proyecto's oficios too); if that
   * still leaves several, the caller must say which (Conflict).
   */
  async route(ople: string, references: string[]): Promise<string | null> {
    if (references.length === 0) return null;
    const found = await this.index.documentsCiting(ople, references.map(normalizeOficioNumber));
    const own = found.filter((d) => d.own);
    const chosen = found.length > 1 && own.length === 1 ? own : found;
    if (chosen.length > 1) {
      throw new Conflict(
        `references: los oficios citados pertenecen a varios documentos (${chosen.map((d) => d.streamId).join(', ')}); indique documentId.`,
        'references',
      );
    }
    return chosen[0]?.streamId ?? null;
  }

  /** The INE requests among the cited oficios (an OPLE's oficio that answers them cites them). */
  async requestsCiting(ople: string, references: string[]): Promise<string[]> {
    if (references.length === 0) return [];
    return this.index.requestsCiting(ople, references.map(normalizeOficioNumber));
  }
}
