/**
 * The commission's correspondence report, as data: what the renderers (Markdown, plain text,
 * PDF) lay out. Built by the gateway from the log; nothing here reads or writes anything.
 */
export interface ReportEntry {
  /** Received: the numbered line of the commission's form ("1. 19 de febrero de 2024, oficio …: …");
   *  sent: "IEPC/GRO/SE/0120/2024 (2 de febrero de 2024): …". */
  line: string;
  number: string;
  date: string | null;
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
  from: string;
  to: string;
  /** ISO 8601: when it was generated. */
  generatedAt: string;
  received: ReportEntry[];
  sent: ReportEntry[];
  documents: ReportDocument[];
  /** Open and overdue at the end of the period. */
  overdue: ReportDue[];
  /** Open and due in the 14 days after the period. */
  dueNext: ReportDue[];
}
