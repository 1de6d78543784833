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
}
