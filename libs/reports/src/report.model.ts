import type { SummaryInput } from '@seguimiento/intake';
import type { CommissionConfig } from './commission';

/**
 * The commission's correspondence report, as data: what the renderers (Markdown, plain text,
 * PDF) lay out. Built by the gateway from the log; nothing here reads or writes anything.
 */
export interface ReportEntry {
  number: string;
  date: string | null;
  /** What the log says about the oficio: the report words it (see oficio-wording.ts). */
  oficio: SummaryInput;
}

export interface ReportDocument {
  id: string;
  deliverable: number;
  versionKind: 'PROYECTO' | 'FINAL';
  title: string;
  /** In Spanish: "resuelto", "con observaciones", … */
  status: string;
  ballInCourt: 'INE' | 'OPLE' | 'NONE';
  openObservations: number;
  dueDate: string | null;
  overdue: boolean;
}

export interface ReportDue {
  id: string;
  what: string;
  dueDate: string;
  /** Who must act: INE or the OPLE. */
  party: string;
}

/** An oficio (or a reminder's item) the intake left for a person and nobody has resolved yet. */
export interface ReportPendingReview {
  number: string | null;
  date: string | null;
  /** A reminder's item that waits while the reminder's other items were recorded. */
  item: string | null;
  /** Why it waits (Spanish). */
  reasons: string[];
}

export interface CorrespondenceReport {
  ople: { id: string; acronym: string; state: string };
  /** Who renders it and in which form: number, legal basis, place, signatory (config/commissions.json). */
  commission: CommissionConfig;
  from: string;
  to: string;
  /** ISO 8601: when it was generated. */
  generatedAt: string;
  /** INE's oficios dated in the period, in date order: the commission's numbered list. */
  received: ReportEntry[];
  /** The OPLE's own oficios dated in the period (the annex). */
  sent: ReportEntry[];
  documents: ReportDocument[];
  /** Open and overdue at the end of the period. */
  overdue: ReportDue[];
  /** Open and due in the 14 days after the period. */
  dueNext: ReportDue[];
  /** The review queue's pending items of the period (and the undated ones): the report is never silently short. */
  pendingReview: ReportPendingReview[];
}
