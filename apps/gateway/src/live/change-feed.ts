import { EventEmitter } from 'node:events';
import { parseCaseId } from '@seguimiento/contracts';
import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { documentsChangedBetween, escalationsRaisedBetween, projectedPosition } from '@seguimiento/persistence';
import { PubSub } from 'graphql-subscriptions';
import { DataSource } from 'typeorm';
import { toDocument } from '../documents/document-reader';
import type { Document } from '../documents/models/document.model';
import { ReadYourWrites } from '../infrastructure/read-your-writes';

export const DOCUMENT_CHANGED = 'documentChanged';
export const ESCALATION_RAISED = 'escalationRaised';

export interface EscalationNotice {
  streamId: string;
  ople: string;
  step: string;
  recipient: string;
  dueAt: string;
  firedAt: string;
}

/**
 * Follows the read models: whenever the projector commits a batch (NOTIFY seguimiento_projected),
 * publishes the documents that changed and the escalations raised since the last batch it saw.
 * Each gateway process follows on its own, so subscribers of any gateway get every change.
 */
@Injectable()
export class ChangeFeed implements OnModuleInit, OnModuleDestroy {
  /** One listener per open subscription (bounded by SUBSCRIPTIONS_PER_USER per user, not by Node's default of 10). */
  readonly pubSub = new PubSub({ eventEmitter: new EventEmitter().setMaxListeners(0) });
  private unfollow: (() => void) | null = null;
  private cursor = '0';
  private draining: Promise<void> = Promise.resolve();
  private readonly logger = new Logger('change-feed');

  constructor(
    private readonly dataSource: DataSource,
    private readonly readModels: ReadYourWrites,
  ) {}

  async onModuleInit(): Promise<void> {
    this.cursor = await projectedPosition(this.dataSource);
    // The projector's notifications reach this gateway once, through read-your-writes' watcher
    // (which reconnects after a database restart and looks again for what it missed).
    this.unfollow = this.readModels.onProjected((position) => {
      this.draining = this.draining
        .then(() => this.publishSince(String(position)))
        .catch((error) => this.logger.error(String(error)));
    });
  }

  onModuleDestroy(): void {
    this.unfollow?.();
    this.unfollow = null;
  }

  /** Publishes what changed between the last position seen and `upTo`. */
  private async publishSince(upTo: string): Promise<void> {
    if (BigInt(upTo) <= BigInt(this.cursor)) return;
    const from = this.cursor;
    this.cursor = upTo;
    const documents = await documentsChangedBetween(this.dataSource, from, upTo);
    const now = new Date().toISOString();
    for (const state of documents) {
      const document: Document = toDocument(state, now);
      await this.pubSub.publish(DOCUMENT_CHANGED, { documentChanged: document });
    }
    for (const { streamId, escalation: d } of await escalationsRaisedBetween(this.dataSource, from, upTo)) {
      const notice: EscalationNotice = {
        streamId,
        ople: parseCaseId(streamId)?.ople ?? '',
        step: d.step,
        recipient: d.recipient,
        dueAt: d.deadline.dueAt,
        firedAt: d.firedAt,
      };
      await this.pubSub.publish(ESCALATION_RAISED, { escalationRaised: notice });
    }
  }
}
