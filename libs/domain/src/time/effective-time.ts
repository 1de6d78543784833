import { DateTime } from 'luxon';
import { MEXICO_CITY } from '../shared/local-date';

/**
 * The business date an event speaks of — the date of the oficio behind it — or null for events
 * that carry none (deadlines set, escalations fired: they happen when they are recorded).
 */
function businessDateOf(event: { type: string; data: unknown }): string | null {
  const d = event.data as { submittedOn?: string; date?: string; sourceDate?: string };
  switch (event.type) {
    case 'DocumentSubmitted':
      return d.submittedOn ?? null;
    case 'DocumentOpened':
      return d.sourceDate ?? null;
    case 'IneAnswerRecorded':
    case 'DocumentResolved':
    case 'DocumentWithdrawn':
    case 'RequestOpened':
    case 'RequestFulfilled':
    case 'RequestCancelled':
    case 'IneNoticeRecorded':
      return d.date ?? null;
    default:
      return null;
  }
}

/**
 * When the events of one command took effect, for time travel: the start of the local day of
 * the oficio they record (an oficio of 6 Mar counts as known on 6 Mar, whenever it was entered),
 * or, for events with no oficio, the instant they were recorded.
 */
export function effectiveTimeOf(events: ReadonlyArray<{ type: string; data: unknown }>, recordedAt: string): string {
  const date = events.map(businessDateOf).find((d): d is string => d !== null);
  return date ? DateTime.fromISO(date, { zone: MEXICO_CITY }).startOf('day').toUTC().toISO()! : recordedAt;
}
