import type { DocumentVersionKind, ReviewOutcome } from '@seguimiento/domain';

/** What an oficio does, as far as the follow-up is concerned. */
export type OficioKind = 'REVIEW' | 'REQUEST' | 'REMINDER' | 'INVITATION' | 'NOTICE';

export const OFICIO_KINDS: readonly OficioKind[] = ['REVIEW', 'REQUEST', 'REMINDER', 'INVITATION', 'NOTICE'];

/** Character offsets into the ORIGINAL input text (end exclusive), and its 1-based lines. */
export interface TextSpan {
  start: number;
  end: number;
  startLine?: number;
  endLine?: number;
}

/** One expected deliverable of a reminder ("atento recordatorio de los entregables …"). */
export interface ReminderItem {
  title: string;
  /** Number of the entregable of lineamiento 33 (1..34), or null when not recognisable. */
  deliverable: number | null;
  /** Proyecto (preliminary) or versión final, when the item says it. */
  version: DocumentVersionKind | null;
  /** Local date (YYYY-MM-DD) of its "plazo máximo", or null. */
  dueDate: string | null;
}

/** A meeting an invitation announces. */
export interface MeetingTime {
  /** ISO 8601 with offset, e.g. 2024-03-05T13:00:00-06:00. */
  at: string;
  /** IANA zone the oficio states ("tiempo del centro" = America/Mexico_City). */
  zone: string;
  /** False when the oficio gave no zone and America/Mexico_City was assumed. */
  zoneStated: boolean;
}

export interface ParsedOficio {
  /** Normal form of the oficio's own number (INE/UTSI/1121/2024), or null when not found. */
  number: string | null;
  /** Local date of the oficio (YYYY-MM-DD). */
  date: string | null;
  /** Institute that signs it (first segment of its number: INE, IEEM…). */
  sender: string | null;
  /** Issuing unit (middle segments of its number: UTSI, SE…). */
  unit: string | null;
  /** The OPLE this correspondence concerns (the `ople` option), when given. */
  ople: string | null;
  kind: OficioKind | null;
  /** Reviews only. */
  outcome: ReviewOutcome | null;
  /** Reviews only: whether a new round of observations opens. */
  additionalObservations: boolean | null;
  /** Every other oficio it cites, normalised, in order of appearance. */
  references: string[];
  /** The entregable decided: the number the oficio says (see recogniseDeliverable), else its title. */
  deliverable: number | null;
  /** Every entregable it is about, `deliverable` first ([] when none): "entregables 18 y 19". */
  deliverables: number[];
  deliverableVersion: DocumentVersionKind | null;
  /** What the oficio is about, in its own words (shortened). */
  subject: string | null;
  /** Explicit deadline ("a más tardar …", "plazo máximo de remisión al …"), YYYY-MM-DD. */
  deadline: string | null;
  /** Reminders: each expected deliverable with its due date. Empty otherwise. */
  items: ReminderItem[];
  /**
   * Reminders: why an item the parser could not place (no entregable, no plazo) waits for a
   * person, while the other items can be recorded. The oficio is not flagged for those alone.
   */
  itemsForReview: string[];
  meeting: MeetingTime | null;
  /** One-paragraph Spanish summary (see summarize). */
  summary: string;
  /** 0..1 */
  confidence: number;
  needsReview: boolean;
  /** Spanish, for the operator: why this entry needs a person. */
  reviewReasons: string[];
  /**
   * Spanish: why the confidence is below 1 although no person is needed (a review that also asks
   * for something, a meeting time with no zone…). Every confidence below 1 has its reason here, in
   * reviewReasons or in itemsForReview.
   */
  confidenceNotes: string[];
  span: TextSpan;
  /** The entry's text after repairing the PDF damage. */
  text: string;
}

export interface ParseOptions {
  /** Id of the OPLE the correspondence concerns (ISO 3166-2:MX code, e.g. GRO). */
  ople?: string;
}

export interface ParseResult {
  oficios: ParsedOficio[];
  /** Spanish notes about the text as a whole (numbering gaps, text left out, duplicates…). */
  warnings: string[];
}
