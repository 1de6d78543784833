import { randomUUID } from 'node:crypto';
import {
  NOTICE_CASE,
  type IneNoticeRecorded,
  type NoticeData,
  effectiveTimeOf,
  noticeStreamId,
  validateNotice,
} from '@seguimiento/domain';
import { InvalidInput, NotFound, checked } from '../errors';
import type { Clock, EventLog, ProjectionWait } from '../ports';

/** A notice as recorded: its data and its id (notice:<OPLE>:<oficio>). */
export type NoticeRecord = IneNoticeRecorded['data'];

/** The OPLE of a notice id, or InvalidInput naming `id`. */
export function opleOfNotice(id: string): string {
  const ople = /^notice:([A-Z]{3}):/.exec(id)?.[1];
  if (!ople) throw new InvalidInput('id', `"${id}" no tiene la forma notice:<OPLE>:<oficio>`);
  return ople;
}

/**
 * Invitations and notices: nothing waits on them, so no workflow — one event appended straight to
 * the log (expected version 0: the oficio is recorded once; a second time answers what is there).
 */
export class Notices {
  constructor(
    private readonly log: EventLog,
    private readonly projection: ProjectionWait,
    private readonly clock: Clock,
  ) {}

  async record(input: NoticeData, actor: string): Promise<{ notice: NoticeRecord; alreadyRecorded: boolean }> {
    const data = checked(() => validateNotice(input));
    const id = noticeStreamId(data.ople, data.oficioNumber);
    const event: IneNoticeRecorded = { type: 'IneNoticeRecorded', data: { ...data, noticeId: id } };
    const now = this.clock.now();
    const result = await this.log.append(id, 0, [
      {
        eventId: randomUUID(),
        type: event.type,
        data: event.data,
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
    await this.projection.waitFor(result.lastPosition);
    return { notice: event.data, alreadyRecorded: result.status === 'AlreadyAppended' };
  }

  async find(id: string): Promise<NoticeRecord> {
    const notice = NOTICE_CASE.fold(await this.log.readStream(id));
    if (!notice) throw new NotFound(`No existe el aviso ${id}`, 'id');
    return notice;
  }
}
