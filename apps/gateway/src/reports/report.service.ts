import { Injectable } from '@nestjs/common';
import {
  DOCUMENT_STATUS_LABELS,
  type DocumentState,
  findDeliverable,
  findOple,
  isDocumentClosed,
  isOverdue,
  openObservations,
} from '@seguimiento/domain';
import { openItems, snapshotAsOf } from '@seguimiento/persistence';
import {
  Commissions,
  type CorrespondenceReport,
  type ReportDocument,
  type ReportDue,
  type ReportEntry,
  renderMarkdown,
  renderPdf,
  renderText,
} from '@seguimiento/reports';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { userError } from '../errors/graphql-errors';
import { checkedLocalDate, parseAsOf } from '../common/query-dates';
import { type LogEvent, type OficioFact, oficioFacts } from './oficio-facts';
import { ReportFormat, type ReportFile } from './report.models';

/**
 * The commission's correspondence report for one OPLE and period: the oficios INE sent in the
 * period as the commission lists them (one summary paragraph each, written so that ingesting the
 * report gives back the same oficios), then what the hand-made report lacks — the state of each
 * document touched, what was overdue at the end of the period and what fell due in the next 14
 * days, computed from the log as of the end of the period, so the same report comes out any day.
 */
@Injectable()
export class ReportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly commissions: Commissions,
  ) {}

  async build(ople: string, from: string, to: string): Promise<CorrespondenceReport> {
    const o = findOple(ople);
    if (!o) throw userError('BAD_USER_INPUT', `ople: "${ople}" no es un OPLE conocido`, 'ople');
    checkedLocalDate(from, 'from');
    const end = parseAsOf(checkedLocalDate(to, 'to'), 'to');
    if (from > to)
      throw userError('BAD_USER_INPUT', `from: el periodo empieza (${from}) después de terminar (${to})`, 'from');
    const events: LogEvent[] = await this.dataSource.query(
      `SELECT stream_id, type, data FROM events WHERE stream_id LIKE $1 ORDER BY position`,
      [`%:${ople}:%`],
    );
    const inPeriod = [...oficioFacts(events).values()]
      .filter((f) => f.date !== null && f.date >= from && f.date <= to)
      .sort((a, b) => a.date!.localeCompare(b.date!) || a.number.localeCompare(b.number));
    // The report words each oficio itself (libs/reports), in the commission's form.
    const entries = (facts: OficioFact[]): ReportEntry[] =>
      facts.map((f) => ({ number: f.number, date: f.date, oficio: f }));

    const snapshot = await snapshotAsOf(this.dataSource, end.toISOString(), { ople });
    const touched = new Set(inPeriod.flatMap((f) => f.streams));
    const documents = snapshot.documents
      .filter((d) => touched.has(d.documentId!))
      .map((d) => toReportDocument(d, snapshot.asOf));
    const what = new Map<string, string>([
      ...snapshot.documents.map((d) => [d.documentId!, describeDocument(d)] as const),
      ...snapshot.requests.map((r) => [r.requestId!, `Solicitud ${r.oficioNumber}: ${r.subject}`] as const),
    ]);
    const open = openItems(snapshot).filter((i) => i.dueDate);
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
      generatedAt: new Date().toISOString(),
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
    };
  }

  async render(ople: string, from: string, to: string, format: ReportFormat): Promise<ReportFile> {
    const report = await this.build(ople, from, to);
    const fileName = `informe-${ople}-${from}-${to}.${format === ReportFormat.MD ? 'md' : format === ReportFormat.TXT ? 'txt' : 'pdf'}`;
    switch (format) {
      case ReportFormat.MD:
        return {
          format,
          fileName,
          contentType: 'text/markdown; charset=utf-8',
          encoding: 'utf8',
          content: renderMarkdown(report),
        };
      case ReportFormat.TXT:
        return {
          format,
          fileName,
          contentType: 'text/plain; charset=utf-8',
          encoding: 'utf8',
          content: renderText(report),
        };
      case ReportFormat.PDF:
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
