import { Injectable } from '@nestjs/common';
import { dashboardAsOf, documentMatrixAsOf, documentsAsOf, obligationsAsOf } from '@seguimiento/persistence';
import { DataSource } from 'typeorm';
import { checkedLocalDate } from '../common/query-dates';
import { documentConnection, documentQuery } from './document-list';
import type { DocumentsArgs } from './dto/documents.args';
import type { Obligation } from './models/register.models';
import type { Dashboard, DocumentConnection, DocumentMatrixCell } from './models/supervision.models';

/**
 * The same questions as SupervisionService and RegisterService, answered as of a past instant:
 * every case is folded from the log up to what had taken effect then (see `snapshotAsOf`), and the
 * documents' list runs the same conditions, order and cursors as now over those states' rows.
 */
@Injectable()
export class TimeTravelService {
  constructor(private readonly dataSource: DataSource) {}

  async documents(args: DocumentsArgs, asOf: Date): Promise<DocumentConnection> {
    const at = asOf.toISOString();
    return documentConnection(await documentsAsOf(this.dataSource, documentQuery(args, at)), at);
  }

  dashboard(ople: string | null, asOf: Date): Promise<Dashboard> {
    return dashboardAsOf(this.dataSource, ople, asOf);
  }

  documentMatrix(ople: string | null, asOf: Date): Promise<DocumentMatrixCell[]> {
    return documentMatrixAsOf(this.dataSource, ople, asOf.toISOString()) as Promise<DocumentMatrixCell[]>;
  }

  obligations(filter: { ople?: string; dueBefore?: string; overdue?: boolean }, asOf: Date): Promise<Obligation[]> {
    const dueBefore = filter.dueBefore ? checkedLocalDate(filter.dueBefore, 'dueBefore') : undefined;
    return obligationsAsOf(this.dataSource, { ...filter, dueBefore }, asOf);
  }
}
