import { Injectable } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { GraphQLError } from 'graphql';
import { checked } from '../documents/documents.service';
import type { RecordIneOficioInput } from '../documents/dto/record-ine-oficio.input';
import type { RecordOpleOficioInput } from '../oficios/dto/record-ople-oficio.input';
import type { IneOficioKind } from '../oficios/models/oficio-kinds';
import { OficiosService } from '../oficios/oficios.service';
import type { ReviewOutcome } from '../documents/models/enums';
import { type IngestStep, type ParsedOficio, parseCorrespondence, planIngest } from '@seguimiento/intake';
import { asImport } from './import-run';
import { type IngestReport, IngestResult, type IngestedOficio } from './models/ingest.models';

/** Errors about the data (not the system): the oficio is reported as FAILED and the rest go on. */
const ABOUT_THE_DATA = new Set(['BAD_USER_INPUT', 'CONFLICT', 'NOT_FOUND']);

/**
 * Correspondence text in, oficios recorded: parsed (libs/intake), planned (which door, with which
 * inputs), then recorded one by one in date order through the same doors as the GraphQL
 * mutations. What needs a person is reported, never recorded on a guess.
 */
@Injectable()
export class IntakeService {
  constructor(
    private readonly oficios: OficiosService,
    private readonly temporal: Client,
  ) {}

  async ingest(text: string, ople: string, dryRun: boolean, actor: string): Promise<IngestReport> {
    // The parser names its option options.ople; the caller sent the argument ople.
    const parsed = checked(() => parseCorrespondence(text, { ople }), { 'options.ople': 'ople' });
    const ordered = [...parsed.oficios].sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999'));
    const report: IngestReport = {
      oficios: [],
      created: 0,
      alreadyRecorded: 0,
      needsReview: 0,
      failed: 0,
      warnings: parsed.warnings,
      foundAtImport: [],
    };
    // History is imported as history: no case escalates until the import is over (import-run.ts).
    const recordAll = async () => {
      for (const oficio of ordered) await this.recordOne(oficio, ople, dryRun, actor, report);
    };
    if (dryRun) await recordAll();
    else [, report.foundAtImport] = await asImport(this.temporal, recordAll);
    return report;
  }

  private async recordOne(
    oficio: ParsedOficio,
    ople: string,
    dryRun: boolean,
    actor: string,
    report: IngestReport,
  ): Promise<void> {
    const step = planIngest(oficio, ople);
    const entry = describe(oficio, step);
    if (step.door !== 'NONE' && !dryRun) {
      Object.assign(entry, await this.record(step, actor));
      // An assumed version matters only where a document was touched (a receipt may close a request instead).
      if (!entry.targets.some((t) => t.startsWith('document:'))) entry.assumptions = [];
    }
    report.oficios.push(entry);
    if (entry.result === IngestResult.CREATED) report.created += 1;
    if (entry.result === IngestResult.ALREADY_RECORDED) report.alreadyRecorded += 1;
    if (entry.result === IngestResult.NEEDS_REVIEW) report.needsReview += 1;
    if (entry.result === IngestResult.FAILED) report.failed += 1;
  }

  private async record(
    step: Exclude<IngestStep, { door: 'NONE' }>,
    actor: string,
  ): Promise<Pick<IngestedOficio, 'result' | 'targets' | 'message'>> {
    try {
      if (step.door === 'OPLE') {
        const done = await this.oficios.recordOple(step.input as RecordOpleOficioInput, actor);
        const targets = [done.document?.id, done.request?.id].filter((t): t is string => Boolean(t));
        return {
          result: done.alreadyRecorded ? IngestResult.ALREADY_RECORDED : IngestResult.CREATED,
          targets,
          message: null,
        };
      }
      const done = await this.oficios.recordIne(step.input as unknown as RecordIneOficioInput, actor);
      const targets = [done.document?.id, done.request?.id, done.notice?.id, ...done.documents.map((d) => d.id)].filter(
        (t): t is string => Boolean(t),
      );
      return {
        result: done.alreadyRecorded ? IngestResult.ALREADY_RECORDED : IngestResult.CREATED,
        targets,
        message: null,
      };
    } catch (error) {
      const code = error instanceof GraphQLError ? String(error.extensions.code) : '';
      if (!ABOUT_THE_DATA.has(code)) throw error;
      return { result: IngestResult.FAILED, targets: [], message: `${code}: ${(error as Error).message}` };
    }
  }
}

function describe(o: ParsedOficio, step: IngestStep): IngestedOficio {
  return {
    number: o.number,
    date: o.date,
    kind: o.kind as IneOficioKind | null,
    outcome: o.outcome as ReviewOutcome | null,
    additionalObservations: o.additionalObservations,
    references: o.references,
    deadline: o.deadline,
    deliverable: o.deliverable,
    items: o.items.map((i) => ({ title: i.title, deliverable: i.deliverable, dueDate: i.dueDate })),
    meeting: o.meeting?.at ?? null,
    subject: o.subject,
    summary: o.summary,
    confidence: o.confidence,
    needsReview: step.door === 'NONE',
    reviewReasons: step.door === 'NONE' ? step.reasons : [],
    spanStart: o.span.start,
    spanEnd: o.span.end,
    result: step.door === 'NONE' ? IngestResult.NEEDS_REVIEW : IngestResult.PLANNED,
    targets: [],
    message: null,
    assumptions: step.door === 'NONE' ? [] : step.assumptions,
  };
}
