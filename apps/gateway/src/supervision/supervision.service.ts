import { Injectable } from '@nestjs/common';
import { dashboardNow, documentMatrixNow, documentsNow, explainDocuments } from '@seguimiento/persistence';
import { DataSource } from 'typeorm';
import { documentConnection, documentQuery } from './document-list';
import type { DocumentsArgs } from './dto/documents.args';
import type { Dashboard, DocumentConnection, DocumentMatrixCell } from './models/supervision.models';

/**
 * The supervisors' questions, answered from the read models (rm_*; their queries live beside
 * their projections in libs/persistence/src/read-models) with keyset pagination; every filter
 * column is indexed (see the read-models migration).
 */
@Injectable()
export class SupervisionService {
  constructor(private readonly dataSource: DataSource) {}

  async documents(args: DocumentsArgs, now = new Date()): Promise<DocumentConnection> {
    const at = now.toISOString();
    return documentConnection(await documentsNow(this.dataSource, documentQuery(args, at)), at);
  }

  /** The plan PostgreSQL chooses for a page of `documents` (to check that the indexes serve it). */
  explainDocuments(args: DocumentsArgs, now = new Date()): Promise<string> {
    return explainDocuments(this.dataSource, documentQuery(args, now.toISOString()));
  }

  dashboard(ople: string | null, now = new Date()): Promise<Dashboard> {
    return dashboardNow(this.dataSource, ople, now);
  }

  /** The national view's cells now (one grouped statement). */
  documentMatrix(ople: string | null, now = new Date()): Promise<DocumentMatrixCell[]> {
    return documentMatrixNow(this.dataSource, ople, now.toISOString()) as Promise<DocumentMatrixCell[]>;
  }
}
