import { Injectable } from '@nestjs/common';
import type { CasesAsOf, CitationIndex, CitedCase, Clock, LogEvent, ReportSources } from '@seguimiento/application';
import { openItems, snapshotAsOf } from '@seguimiento/persistence';
import { DataSource } from 'typeorm';

/**
 * The citation index over `case_oficios`, the table from oficio numbers to the cases they touch
 * that the event store writes in the same transaction as the events.
 */
@Injectable()
export class CaseOficiosIndex implements CitationIndex {
  constructor(private readonly dataSource: DataSource) {}

  async documentsCiting(ople: string, oficioNumbers: string[]): Promise<CitedCase[]> {
    const rows: Array<{ stream_id: string; own: boolean }> = await this.dataSource.query(
      `SELECT stream_id, bool_or(role <> 'INFERRED') AS own FROM case_oficios
        WHERE oficio_number = ANY($1::text[]) AND ople = $2 AND stream_id LIKE 'document:%'
        GROUP BY stream_id ORDER BY stream_id`,
      [oficioNumbers, ople],
    );
    return rows.map((r) => ({ streamId: r.stream_id, own: r.own }));
  }

  async requestsCiting(ople: string, oficioNumbers: string[]): Promise<string[]> {
    const rows: Array<{ stream_id: string }> = await this.dataSource.query(
      `SELECT DISTINCT stream_id FROM case_oficios
        WHERE oficio_number = ANY($1::text[]) AND ople = $2 AND role = 'REQUEST'
        ORDER BY stream_id`,
      [oficioNumbers, ople],
    );
    return rows.map((r) => r.stream_id);
  }
}

/** What the commission's report reads: one OPLE's log, and its cases folded as of an instant. */
@Injectable()
export class ReportLog implements ReportSources {
  constructor(private readonly dataSource: DataSource) {}

  events(ople: string): Promise<LogEvent[]> {
    return this.dataSource.query(`SELECT stream_id, type, data FROM events WHERE stream_id LIKE $1 ORDER BY position`, [
      `%:${ople}:%`,
    ]);
  }

  async casesAsOf(asOf: string, ople: string): Promise<CasesAsOf> {
    const snapshot = await snapshotAsOf(this.dataSource, asOf, { ople });
    return { ...snapshot, open: openItems(snapshot) };
  }
}

/** The wall clock. */
export const systemClock: Clock = { now: () => new Date().toISOString() };
