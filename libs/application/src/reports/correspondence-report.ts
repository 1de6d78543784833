import {
  DOCUMENT_STATUS_LABELS,
  type DocumentState,
  findDeliverable,
  type ReviewItem,
  findOple,
  foldReview,
  isDocumentClosed,
  isIneOficio,
  isReviewStream,
  isOverdue,
  openObservations,
} from '@seguimiento/domain';
import {
  type Commissions,
  type CorrespondenceReport,
  type ReportDocument,
  type ReportDue,
  type ReportEntry,
  type ReportPendingReview,
  renderMarkdown,
  renderPdf,
  renderText,
} from '@seguimiento/reports';
import { DateTime } from 'luxon';
import { checkedLocalDate, parseAsOf } from '../dates';
import { InvalidInput } from '../errors';
import type { Clock, LogEvent, ReportSources } from '../ports';
import { type OficioFact, oficioFacts } from './oficio-facts';

export type ReportFormat = 'MD' | 'TXT' | 'PDF';

/** A report ready to save. */
export interface ReportFile {
  format: ReportFormat;
  fileName: string;
  contentType: string;
  encoding: 'utf8' | 'base64';
  content: string;
}

/**
 * The commission's correspondence report for one OPLE and period: the oficios INE sent in the
 * period as the commission lists them (one summary paragraph each, written so that ingesting the
 * report gives back the same oficios), then what the hand-made report lacks — the state of each
 * document touched, what was overdue at the end of the period and what fell due in the next 14
 * days, computed from the log as of the end of the period, so the same report comes out any day.
 */
export class CorrespondenceReports {
  constructor(
    private readonly sources: ReportSources,
    private readonly clock: Clock,
    private readonly commissions: Commissions,
  ) {}

  async build(ople: string, from: string, to: string): Promise<CorrespondenceReport> {
    const o = findOple(ople);
    if (!o) throw new InvalidInput('ople', `"${ople}" no es un OPLE conocido`);
    checkedLocalDate(from, 'from');
    const end = parseAsOf(checkedLocalDate(to, 'to'), 'to');
    if (from > to) throw new InvalidInput('from', `el periodo empieza (${from}) después de terminar (${to})`);
    const events = await this.sources.events(ople);
    const facts = oficioFacts(events);
    // What waits for review is in the report as pending: never silently short (issue 15, rule 6).
    const pending = pendingReviews(events).filter(
      (i) => i.oficioDate === null || (i.oficioDate >= from && i.oficioDate <= to),
    );
    for (const i of pending) {
      // An oficio the intake could not record at all still takes its place in the list, as it was read.
      if (i.read.item || !i.oficioNumber || !i.oficioDate || facts.has(i.oficioNumber)) continue;
      facts.set(i.oficioNumber, pendingFact(i));
    }
    const inPeriod = [...facts.values()]
      .filter((f) => f.date !== null && f.date >= from && f.date <= to)
      .sort((a, b) => a.date!.localeCompare(b.date!) || a.number.localeCompare(b.number));
    // The report words each oficio itself (libs/reports), in the commission's form.
    const entries = (facts: OficioFact[]): ReportEntry[] =>
      facts.map((f) => ({ number: f.number, date: f.date, oficio: f }));

    const snapshot = await this.sources.casesAsOf(end.toISOString(), ople);
    const touched = new Set(inPeriod.flatMap((f) => f.streams));
    const documents = snapshot.documents
      .filter((d) => touched.has(d.documentId!))
      .map((d) => toReportDocument(d, snapshot.asOf));
    const what = new Map<string, string>([
      ...snapshot.documents.map((d) => [d.documentId!, describeDocument(d)] as const),
      ...snapshot.requests.map((r) => [r.requestId!, `Solicitud ${r.oficioNumber}: ${r.subject}`] as const),
    ]);
    const open = snapshot.open.filter((i) => i.dueDate);
    const horizon = DateTime.fromISO(to).plus({ days: 14 }).toISODate()!;
    const due = (i: (typeof open)[number]): ReportDue => ({
      id: i.id,
      what: what.get(i.id) ?? i.id,
      dueDate: i.dueDate!,
      party: i.ballInCourt === 'INE' ? 'INE' : 'OPLE',
    });
    return {
      ople: { id: o.id, acronym: o.acronym, state: o.state },
      commission: this.commissions.of(o),
      from,
      to,
      generatedAt: this.clock.now(),
      received: entries(inPeriod.filter((f) => f.direction === 'IN')),
      sent: entries(inPeriod.filter((f) => f.direction === 'OUT')),
      documents,
      overdue: open
        .filter((i) => i.overdue)
        .map(due)
        .sort((a, b) => a.dueDate.localeCompare(b.dueDate)),
      dueNext: open
        .filter((i) => !i.overdue && i.dueDate! > to && i.dueDate! <= horizon)
        .map(due)
        .sort((a, b) => a.dueDate.localeCompare(b.dueDate)),
      pendingReview: pending.map((i): ReportPendingReview => ({
        number: i.oficioNumber,
        date: i.oficioDate,
        item: i.read.item?.title ?? null,
        reasons: i.reasons,
      })),
    };
  }

  async render(ople: string, from: string, to: string, format: ReportFormat): Promise<ReportFile> {
    const report = await this.build(ople, from, to);
    const fileName = `informe-${ople}-${from}-${to}.${format === 'MD' ? 'md' : format === 'TXT' ? 'txt' : 'pdf'}`;
    switch (format) {
      case 'MD':
        return {
          format,
          fileName,
          contentType: 'text/markdown; charset=utf-8',
          encoding: 'utf8',
          content: renderMarkdown(report),
        };
      case 'TXT':
        return {
          format,
          fileName,
          contentType: 'text/plain; charset=utf-8',
          encoding: 'utf8',
          content: renderText(report),
        };
      case 'PDF':
        return {
          format,
          fileName,
          contentType: 'application/pdf',
          encoding: 'base64',
          content: (await renderPdf(report)).toString('base64'),
        };
    }
  }
}

function describeDocument(d: DocumentState): string {
  return `Entregable ${d.deliverable} (${d.versionKind === 'FINAL' ? 'versión final' : 'proyecto'}): ${findDeliverable(d.deliverable!)?.title ?? d.title}`;
}

function toReportDocument(d: DocumentState, asOf: string): ReportDocument {
  const resolution =
    d.status === 'RESOLVED' && d.resolution === 'ACCEPTED'
      ? 'recibido sin observaciones'
      : (DOCUMENT_STATUS_LABELS[d.status] ?? d.status);
  return {
    id: d.documentId!,
    deliverable: d.deliverable!,
    versionKind: d.versionKind!,
    title: d.title ?? findDeliverable(d.deliverable!)?.title ?? '',
    status: resolution,
    ballInCourt: d.ballInCourt,
    openObservations: openObservations(d).length,
    dueDate: d.deadline?.dueDate ?? null,
    overdue: isOverdue(d, asOf) && !isDocumentClosed(d),
  };
}

/** The review queue's items still pending, folded from the OPLE's log, by oficio date (undated last). */
function pendingReviews(events: readonly LogEvent[]): ReviewItem[] {
  const streams = new Map<string, LogEvent[]>();
  for (const e of events)
    if (isReviewStream(e.stream_id)) streams.set(e.stream_id, [...(streams.get(e.stream_id) ?? []), e]);
  return [...streams.values()]
    .map((stream) => foldReview(stream))
    .filter((i): i is ReviewItem => i !== null && i.status === 'PENDING')
    .sort(
      (a, b) =>
        (a.oficioDate ?? '9999').localeCompare(b.oficioDate ?? '9999') ||
        a.span.start - b.span.start ||
        a.reviewId.localeCompare(b.reviewId),
    );
}

/** An oficio known only from the review queue, as it was read. */
function pendingFact(i: ReviewItem): OficioFact {
  const r = i.read;
  return {
    number: i.oficioNumber!,
    date: i.oficioDate,
    direction: isIneOficio(i.oficioNumber!) ? 'IN' : 'OUT',
    streams: [],
    kind: r.kind as OficioFact['kind'],
    outcome: r.outcome as OficioFact['outcome'],
    additionalObservations: r.additionalObservations,
    references: r.references,
    deliverable: r.deliverable,
    deliverables: r.deliverables,
    deliverableVersion: r.deliverableVersion,
    subject: r.subject,
    deadline: r.deadline,
    items: r.items,
    meeting: r.meetingAt ? { at: r.meetingAt, zone: 'America/Mexico_City', zoneStated: true } : null,
  };
}
