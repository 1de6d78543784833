import { type NoticeData, readCase } from '@seguimiento/domain';
import type { EntityManager } from 'typeorm';
import { insertRows } from '../sql';
import { CORRESPONDENCE_COLUMNS, CORRESPONDENCE_TABLE, type CorrespondenceRow } from './schema';

/**
 * What an entry needs to know about its case beyond the event itself, both fixed by the event that
 * opened the case: the OPLE it is with and, for a request, the oficio that made it.
 */
export interface CaseContext {
  ople: string | null;
  requestOficio: string | null;
}

/** One line of the correspondence register: an oficio and the case it touches, in a role (its row, in camelCase). */
export interface CorrespondenceEntry extends Pick<
  CorrespondenceRow,
  'ople' | 'direction' | 'date' | 'role' | 'cites' | 'subject'
> {
  oficioNumber: string;
  streamId: string;
  meetingAt: string | null;
}

interface EventLike {
  type: string;
  data: object;
}

/** The context a case's opening event fixes (DocumentOpened, RequestOpened, IneNoticeRecorded). */
export function caseContext(opening: EventLike | undefined): CaseContext {
  const d = (opening?.data ?? {}) as { ople?: string; oficioNumber?: string };
  return {
    ople: d.ople ?? null,
    requestOficio: opening?.type === 'RequestOpened' ? (d.oficioNumber ?? null) : null,
  };
}

/**
 * The oficios an event brings into the register, with their roles: the one derivation behind both
 * the projected `rm_correspondence` and the `case_oficios` index the event store writes with the
 * events (so routing never waits for the projector).
 */
export function correspondenceOf(streamId: string, event: EventLike, context: CaseContext): CorrespondenceEntry[] {
  const entry = (
    oficioNumber: string,
    direction: 'IN' | 'OUT',
    date: string | null | undefined,
    role: string,
    cites: string[] = [],
  ): CorrespondenceEntry => ({
    oficioNumber,
    streamId,
    ople: context.ople,
    direction,
    date: date ?? null,
    role,
    cites,
    subject: null,
    meetingAt: null,
  });
  const d = event.data as {
    oficioNumber?: string | null;
    submittedOn?: string;
    date?: string;
    references?: string[];
    inferredOficios?: string[];
    sourceOficio?: string | null;
    sourceDate?: string;
    by?: 'OPLE' | 'INE';
  };
  const kind = readCase(streamId)?.kind;
  if (kind === 'document') {
    switch (event.type) {
      case 'DocumentOpened':
        return d.sourceOficio ? [entry(d.sourceOficio, 'IN', d.sourceDate, 'SOURCE')] : [];
      case 'DocumentSubmitted':
        return [entry(d.oficioNumber!, 'OUT', d.submittedOn, 'SUBMISSION', d.references ?? [])];
      case 'IneAnswerRecorded':
        return [
          entry(d.oficioNumber!, 'IN', d.date, 'ANSWER', d.references ?? []),
          ...(d.inferredOficios ?? []).map((o) => entry(o, 'IN', null, 'INFERRED')),
        ];
      case 'DocumentWithdrawn':
        return d.oficioNumber ? [entry(d.oficioNumber, 'OUT', d.date, 'WITHDRAWAL')] : [];
      case 'DeadlineExtended':
        return d.oficioNumber ? [entry(d.oficioNumber, 'IN', null, 'EXTENSION')] : [];
      default:
        return [];
    }
  }
  if (kind === 'request') {
    switch (event.type) {
      case 'RequestOpened':
        return [entry(d.oficioNumber!, 'IN', d.date, 'REQUEST')];
      case 'RequestFulfilled':
        return [
          entry(
            d.oficioNumber!,
            d.by === 'INE' ? 'IN' : 'OUT',
            d.date,
            'FULFILMENT',
            context.requestOficio ? [context.requestOficio] : [],
          ),
        ];
      default:
        return [];
    }
  }
  if (kind === 'notice' && event.type === 'IneNoticeRecorded') {
    const n = event.data as Partial<NoticeData>;
    return [
      {
        oficioNumber: n.oficioNumber!,
        streamId,
        ople: n.ople ?? null,
        direction: 'IN',
        date: n.date ?? null,
        role: n.kind!,
        cites: n.references ?? [],
        subject: n.subject ?? null,
        meetingAt: n.meetingAt ?? null,
      },
    ];
  }
  return [];
}

/** An entry as its row of `rm_correspondence`. */
export function correspondenceRow(e: CorrespondenceEntry): CorrespondenceRow {
  return {
    oficio_number: e.oficioNumber,
    stream_id: e.streamId,
    ople: e.ople,
    direction: e.direction,
    date: e.date,
    role: e.role,
    cites: e.cites,
    subject: e.subject,
    meeting_at: e.meetingAt,
  };
}

/** Adds entries to the register; an oficio is entered once per case. */
export async function writeCorrespondence(tx: EntityManager, entries: readonly CorrespondenceEntry[]): Promise<void> {
  await insertRows(
    tx,
    CORRESPONDENCE_TABLE,
    CORRESPONDENCE_COLUMNS,
    entries.map(correspondenceRow),
    'ON CONFLICT (oficio_number, stream_id) DO NOTHING',
  );
}
