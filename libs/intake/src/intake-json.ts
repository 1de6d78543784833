import type { ReviewOutcome } from '@seguimiento/domain';
import type { OficioKind, ParsedOficio } from './model';

/** The JSON-friendly projection of a parsed oficio: exactly these fields, null where absent. */
export interface IntakeJson {
  number: string | null;
  /** YYYY-MM-DD */
  date: string | null;
  kind: OficioKind | null;
  outcome: ReviewOutcome | null;
  additionalObservations: boolean | null;
  /** Oficio numbers it cites ([] when none). */
  references: string[];
  /** YYYY-MM-DD */
  deadline: string | null;
  deliverable: number | null;
  /** Reminder items ([] when none). */
  items: { title: string; deliverable: number | null; dueDate: string | null }[];
  /** ISO 8601 with offset. */
  meeting: string | null;
  confidence: number;
  needsReview: boolean;
}

export function toIntakeJson(o: ParsedOficio): IntakeJson {
  return {
    number: o.number,
    date: o.date,
    kind: o.kind,
    outcome: o.outcome,
    additionalObservations: o.additionalObservations,
    references: [...o.references],
    deadline: o.deadline,
    deliverable: o.deliverable,
    items: o.items.map((i) => ({ title: i.title, deliverable: i.deliverable, dueDate: i.dueDate })),
    meeting: o.meeting ? o.meeting.at : null,
    confidence: o.confidence,
    needsReview: o.needsReview,
  };
}
