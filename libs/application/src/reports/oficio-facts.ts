import { isIneOficio } from '@seguimiento/domain';
import type { SummaryInput } from '@seguimiento/intake';
import type { LogEvent } from '../ports';

/** What the log says about one oficio: enough to write its entry in the commission's report. */
export interface OficioFact extends SummaryInput {
  number: string;
  date: string | null;
  direction: 'IN' | 'OUT';
  /** The cases it touched. */
  streams: string[];
}

const blank = (number: string, date: string | null): OficioFact => ({
  number,
  date,
  direction: isIneOficio(number) ? 'IN' : 'OUT',
  streams: [],
  kind: null,
  outcome: null,
  additionalObservations: null,
  references: [],
  deliverable: null,
  deliverableVersion: null,
  subject: null,
  deadline: null,
  items: [],
  meeting: null,
});

/**
 * Folds the log of one OPLE into one fact per oficio: INE's reviews (from the answers recorded on
 * documents), requests and the receipts that close them, reminders (gathered from the expected
 * deliverables they opened, each with its due date), invitations and notices, and the OPLE's own
 * submissions. Pure: the same events give the same facts.
 */
export function oficioFacts(events: readonly LogEvent[]): Map<string, OficioFact> {
  const facts = new Map<string, OficioFact>();
  /** What each case is, and whether its next deadline is the one its source oficio set. */
  const cases = new Map<
    string,
    {
      deliverable: number | null;
      versionKind: 'PROYECTO' | 'FINAL' | null;
      title: string | null;
      oficio: string | null;
      awaitingDeadline: boolean;
    }
  >();
  const fact = (number: string, date: string | null, stream: string): OficioFact => {
    const f = facts.get(number) ?? blank(number, date);
    if (!f.date && date) f.date = date;
    if (!f.streams.includes(stream)) f.streams.push(stream);
    facts.set(number, f);
    return f;
  };

  for (const e of events) {
    const d = e.data as Record<string, never>;
    const known = cases.get(e.stream_id);
    switch (e.type) {
      case 'DocumentOpened': {
        cases.set(e.stream_id, {
          deliverable: d.deliverable,
          versionKind: d.versionKind,
          title: d.title,
          oficio: d.sourceOficio ?? null,
          awaitingDeadline: Boolean(d.sourceOficio),
        });
        if (d.sourceOficio) {
          const f = fact(d.sourceOficio, d.sourceDate ?? null, e.stream_id);
          f.kind = 'REMINDER';
          f.items.push({ title: d.title, deliverable: d.deliverable, version: d.versionKind, dueDate: null });
        }
        break;
      }
      case 'DeadlineSet': {
        // The first deadline after a reminder's expected deliverable, or after a request "a más
        // tardar", is the date that oficio set.
        const deadline = d.deadline as { dueDate: string } | null;
        if (!known?.awaitingDeadline || !deadline) break;
        known.awaitingDeadline = false;
        const f = facts.get(known.oficio!);
        if (!f) break;
        if (f.kind === 'REQUEST') f.deadline = deadline.dueDate;
        const item = f.items.find(
          (i) => i.deliverable === known.deliverable && i.version === known.versionKind && i.dueDate === null,
        );
        if (item) item.dueDate = deadline.dueDate;
        break;
      }
      case 'DocumentSubmitted': {
        const f = fact(d.oficioNumber, d.submittedOn, e.stream_id);
        f.deliverable = known?.deliverable ?? null;
        f.deliverableVersion = known?.versionKind ?? null;
        f.subject = known?.title ?? null;
        f.references = (d.references as string[] | undefined) ?? [];
        break;
      }
      case 'IneAnswerRecorded': {
        const f = fact(d.oficioNumber, d.date, e.stream_id);
        Object.assign(f, {
          kind: 'REVIEW',
          outcome: d.outcome,
          additionalObservations: d.additionalObservations,
          references: d.references,
          deliverable: known?.deliverable ?? null,
          deliverableVersion: known?.versionKind ?? null,
          subject: known?.title ?? null,
        });
        break;
      }
      case 'RequestOpened': {
        cases.set(e.stream_id, {
          deliverable: d.deliverable ?? null,
          versionKind: null,
          title: d.subject,
          oficio: d.oficioNumber,
          awaitingDeadline: Boolean(d.explicitDeadline),
        });
        const f = fact(d.oficioNumber, d.date, e.stream_id);
        Object.assign(f, { kind: 'REQUEST', subject: d.subject, deliverable: d.deliverable ?? null });
        break;
      }
      case 'RequestFulfilled': {
        const f = fact(d.oficioNumber, d.date, e.stream_id);
        if (d.by === 'INE') {
          // "Se tiene por recibido" what the request asked for.
          Object.assign(f, {
            kind: 'REVIEW',
            outcome: 'ACCEPTED',
            additionalObservations: false,
            deliverable: known?.deliverable ?? null,
            subject: known?.title ?? null,
          });
        }
        if (known?.oficio && !f.references.includes(known.oficio)) f.references = [...f.references, known.oficio];
        break;
      }
      case 'IneNoticeRecorded': {
        const f = fact(d.oficioNumber, d.date, e.stream_id);
        Object.assign(f, {
          kind: d.kind,
          subject: d.subject,
          references: d.references,
          deliverable: d.deliverable ?? null,
          meeting: d.meetingAt ? { at: d.meetingAt, zone: 'America/Mexico_City', zoneStated: true } : null,
        });
        break;
      }
    }
  }
  return facts;
}
