import { Injectable } from '@nestjs/common';
import { waitForPosition } from '@seguimiento/persistence';
import { DataSource } from 'typeorm';

/**
 * Read-your-writes: a mutation answers only once the read models include the events it caused,
 * so the operator's next list query already shows them. Bounded: past `timeoutMs` the answer goes
 * out anyway (the log, and so the document itself, is already up to date).
 */
@Injectable()
export class ReadYourWrites {
  constructor(private readonly dataSource: DataSource) {}

  async waitFor(position: string | null, timeoutMs = 2000): Promise<void> {
    if (position) await waitForPosition(this.dataSource, position, timeoutMs);
  }
}
