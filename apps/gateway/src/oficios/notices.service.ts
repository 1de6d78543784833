import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  type IneNoticeRecorded,
  type NoticeData,
  effectiveTimeOf,
  noticeStreamId,
  validateNotice,
} from '@seguimiento/domain';
import { EventStore } from '@seguimiento/persistence';
import { checked } from '../documents/documents.service';
import { userError } from '../errors/graphql-errors';
import { ReadYourWrites } from '../infrastructure/read-your-writes';
import type { Notice } from './models/notice.model';
import type { IneOficioKind } from './models/oficio-kinds';

/**
 * Invitations and notices: nothing waits on them, so no workflow — one event appended straight to
 * the log (expected version 0: the oficio is recorded once; a second time answers what is there).
 */
@Injectable()
export class NoticesService {
  constructor(
    private readonly eventStore: EventStore,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  async record(input: NoticeData, actor: string): Promise<{ notice: Notice; alreadyRecorded: boolean }> {
    const data = checked(() => validateNotice(input));
    const id = noticeStreamId(data.ople, data.oficioNumber);
    const event: IneNoticeRecorded = { type: 'IneNoticeRecorded', data: { ...data, noticeId: id } };
    const now = new Date().toISOString();
    const result = await this.eventStore.append(id, 0, [
      {
        eventId: randomUUID(),
        type: event.type,
        data: event.data as unknown as Record<string, unknown>,
        metadata: {
          correlationId: id,
          actor,
          oficioNumber: data.oficioNumber,
          effectiveAt: effectiveTimeOf([event], now),
        },
        occurredAt: new Date(now),
      },
    ]);
    if (result.status === 'VersionConflict') return { notice: await this.find(id), alreadyRecorded: true };
    await this.readYourWrites.waitFor(result.lastPosition);
    return { notice: toNotice(event.data), alreadyRecorded: result.status === 'AlreadyAppended' };
  }

  async find(id: string): Promise<Notice> {
    const [event] = await this.eventStore.readStream(id);
    if (!event) throw userError('NOT_FOUND', `No existe el aviso ${id}`, 'id');
    return toNotice(event.data as unknown as IneNoticeRecorded['data']);
  }
}

function toNotice(data: IneNoticeRecorded['data']): Notice {
  return { id: data.noticeId, ...data, kind: data.kind as IneOficioKind };
}
