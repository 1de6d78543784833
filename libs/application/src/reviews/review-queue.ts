import { createHash, randomUUID } from 'node:crypto';
import {
  type IneOficioKind,
  type ResolveReviewChoice,
  type ReviewEvent,
  type ReviewItem,
  type ReviewQueuedData,
  type ReviewTarget,
  checkDismissal,
  checkResolution,
  foldReview,
  isIneOficio,
  opleOfReview,
  reviewStreamId,
  validateQueued,
} from '@seguimiento/domain';
import { Conflict, InvalidInput, NotFound, checked } from '../errors';
import type { OficioDoors } from '../oficios/oficio-doors';
import type { Clock, EventLog, ProjectionWait } from '../ports';

/** What the intake leaves for a person: the item's data before its id and its time. */
export type ReviewToQueue = Omit<ReviewQueuedData, 'reviewId' | 'queuedBy' | 'queuedAt'> & {
  /** The hash of the whole text ingested (see reviewDigest). */
  sourceHash: string;
  /** Which part of the span: '' for the whole oficio, `item:<n>` for a reminder's n-th item. */
  part: string;
};

/** sha256 of a text, hex: what a review's id is derived from. */
export function textHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The review's id: the same OPLE, source text, span and part always give the same id. */
export function reviewIdOf(ople: string, sourceHash: string, span: { start: number; end: number }, part: string) {
  const digest = createHash('sha256')
    .update(`${ople}\n${sourceHash}\n${span.start}-${span.end}\n${part}`, 'utf8')
    .digest('hex')
    .slice(0, 24);
  return reviewStreamId(ople, digest);
}

export interface ResolveReviewInput extends ResolveReviewChoice {
  id: unknown;
}

export interface DismissReviewInput {
  id: unknown;
  reason: unknown;
}

/**
 * The review queue's use cases: queue (the intake, idempotent), find, resolve (the oficio is
 * recorded through the normal doors with the operator's choice, then the resolution is an event
 * with its actor) and dismiss. Each item is its own stream: a second resolution finds the stream
 * past version 1 and is refused as a conflict.
 */
export class ReviewQueue {
  constructor(
    private readonly log: EventLog,
    private readonly doors: OficioDoors,
    private readonly projection: ProjectionWait,
    private readonly clock: Clock,
  ) {}

  /** Queues an item unless it is already there; says its id and whether it was new. */
  async queue(input: ReviewToQueue, actor: string): Promise<{ id: string; queued: boolean }> {
    const { sourceHash, part, ...rest } = input;
    const id = reviewIdOf(input.ople, sourceHash, input.span, part);
    const data = checked(() => validateQueued({ ...rest, reviewId: id, queuedBy: actor, queuedAt: this.clock.now() }));
    const outcome = await this.append(id, 0, { type: 'ReviewQueued', data }, actor);
    if (outcome.status === 'VersionConflict') return { id, queued: false };
    return { id, queued: outcome.status === 'Appended' };
  }

  async find(id: unknown): Promise<ReviewItem> {
    const reviewId = this.checkedId(id);
    const item = foldReview(await this.log.readStream(reviewId));
    if (!item) throw new NotFound(`id: no existe la revisión ${reviewId}`, 'id');
    return item;
  }

  /** Records the oficio on the operator's choice and marks the item resolved; a second time is a CONFLICT. */
  async resolve(input: ResolveReviewInput, actor: string): Promise<ReviewItem> {
    const item = await this.pending(input.id);
    const target = checked(() => checkResolution(item, input));
    const note = input.note === undefined || input.note === null ? null : String(input.note).trim() || null;
    const recordedOn = await this.record(item, target, actor);
    const outcome = await this.append(
      item.reviewId,
      1,
      {
        type: 'ReviewResolved',
        data: { reviewId: item.reviewId, target, recordedOn, note, actor, at: this.clock.now() },
      },
      actor,
    );
    if (outcome.status === 'VersionConflict') throw this.already(item.reviewId);
    return this.find(item.reviewId);
  }

  async dismiss(input: DismissReviewInput, actor: string): Promise<ReviewItem> {
    const item = await this.pending(input.id);
    const reason = checked(() => checkDismissal(input.reason));
    const outcome = await this.append(
      item.reviewId,
      1,
      { type: 'ReviewDismissed', data: { reviewId: item.reviewId, reason, actor, at: this.clock.now() } },
      actor,
    );
    if (outcome.status === 'VersionConflict') throw this.already(item.reviewId);
    return this.find(item.reviewId);
  }

  /** The item, still pending; otherwise CONFLICT. */
  private async pending(id: unknown): Promise<ReviewItem> {
    const item = await this.find(id);
    if (item.status !== 'PENDING') throw this.already(item.reviewId, item);
    return item;
  }

  private already(id: string, item?: ReviewItem): Conflict {
    const how = item?.status === 'DISMISSED' ? 'descartada' : 'resuelta';
    const by = item?.actor ? ` por ${item.actor}` : '';
    return new Conflict(`id: la revisión ${id} ya fue ${how}${by}`, 'id');
  }

  private checkedId(id: unknown): string {
    const text = typeof id === 'string' ? id.trim() : '';
    if (!opleOfReview(text))
      throw new InvalidInput('id', `"${String(id).slice(0, 80)}" no tiene la forma review:<OPLE>:<clave>`);
    return text;
  }

  /** The oficio recorded through INE's or the OPLE's door, as an operator would; the cases it touched. */
  private async record(item: ReviewItem, target: ReviewTarget, actor: string): Promise<string[]> {
    const r = item.read;
    if (!item.oficioNumber)
      throw new InvalidInput('id', 'no se leyó el número del oficio: regístrelo a mano y descarte esta revisión');
    if (!item.oficioDate)
      throw new InvalidInput('id', 'no se leyó la fecha del oficio: regístrelo a mano y descarte esta revisión');
    const base = {
      ople: item.ople,
      oficioNumber: item.oficioNumber,
      date: item.oficioDate,
      references: r.references,
    };
    const document = {
      deliverable: target.deliverable,
      ...(target.versionKind ? { versionKind: target.versionKind } : {}),
      ...(target.documentId ? { documentId: target.documentId } : {}),
    };
    if (!isIneOficio(item.oficioNumber)) {
      const done = await this.doors.recordOple({ ...base, ...document }, actor);
      return [done.document?.documentId, done.request?.requestId].filter((t): t is string => Boolean(t));
    }
    const kind = r.kind as IneOficioKind | null;
    const subject = r.subject ?? r.summary ?? undefined;
    let done;
    switch (kind) {
      case 'REVIEW':
        if (!r.outcome)
          throw new InvalidInput(
            'id',
            'no se reconoció qué resuelve la revisión: regístrela con recordIneOficio y descarte esta revisión',
          );
        done = await this.doors.recordIne(
          {
            ...base,
            kind,
            outcome: r.outcome as NonNullable<Parameters<OficioDoors['recordIne']>[0]['outcome']>,
            additionalObservations: r.additionalObservations ?? false,
            ...document,
          },
          actor,
        );
        break;
      case 'REMINDER': {
        const versionKind = target.versionKind ?? 'FINAL';
        const title = r.item?.title ?? subject ?? `Entregable ${target.deliverable}`;
        done = await this.doors.recordIne(
          {
            ...base,
            kind,
            items: [{ deliverable: target.deliverable, versionKind, title, dueDate: target.dueDate! }],
          },
          actor,
        );
        break;
      }
      case 'REQUEST':
        done = await this.doors.recordIne(
          {
            ...base,
            kind,
            subject,
            dueDate: r.deadline ?? undefined,
            deliverable: target.deliverable,
          },
          actor,
        );
        break;
      case 'INVITATION':
      case 'NOTICE':
        done = await this.doors.recordIne(
          {
            ...base,
            kind,
            subject,
            deliverable: target.deliverable,
            ...(kind === 'INVITATION' && r.meetingAt ? { meetingAt: r.meetingAt } : {}),
          },
          actor,
        );
        break;
      default:
        throw new InvalidInput(
          'id',
          'no se reconoció el tipo del oficio: regístrelo con recordIneOficio y descarte esta revisión',
        );
    }
    return [
      done.document?.documentId,
      done.request?.requestId,
      done.notice?.noticeId,
      ...done.documents.map((d) => d.documentId),
    ].filter((t): t is string => Boolean(t));
  }

  private async append(id: string, expectedVersion: number, event: ReviewEvent, actor: string) {
    const now = this.clock.now();
    const outcome = await this.log.append(id, expectedVersion, [
      {
        eventId: randomUUID(),
        type: event.type,
        data: event.data,
        metadata: { correlationId: id, actor },
        occurredAt: new Date(now),
      },
    ]);
    if (outcome.status !== 'VersionConflict') await this.projection.waitFor(outcome.lastPosition);
    return outcome;
  }
}
