import { defaultDocumentKey, documentWorkflowId } from '@seguimiento/contracts';
import { type ReviewRead, isCaseOf } from '@seguimiento/domain';
import { type IngestStep, type ParsedOficio, parseCorrespondence, planIngest } from '@seguimiento/intake';
import { ApplicationError, type ErrorCode, InvalidInput, checked } from '../errors';
import type { OficioDoors } from '../oficios/oficio-doors';
import type { FoundAtImport, ImportRuns } from '../ports';
import { type ReviewQueue, textHash } from '../reviews/review-queue';

/** What happened to one oficio of the text. */
export type IngestResult = 'PLANNED' | 'CREATED' | 'ALREADY_RECORDED' | 'NEEDS_REVIEW' | 'FAILED' | 'SKIPPED';

/** One oficio read from the text, and what happened when it was recorded. */
export interface IngestedOficio {
  number: string | null;
  date: string | null;
  kind: ParsedOficio['kind'];
  outcome: ParsedOficio['outcome'];
  additionalObservations: boolean | null;
  references: string[];
  deadline: string | null;
  deliverable: number | null;
  items: Array<{ title: string; deliverable: number | null; dueDate: string | null }>;
  meeting: string | null;
  subject: string | null;
  summary: string;
  confidence: number;
  needsReview: boolean;
  reviewReasons: string[];
  spanStart: number;
  spanEnd: number;
  result: IngestResult;
  targets: string[];
  message: string | null;
  assumptions: string[];
  /** The review queue's items this oficio left (the whole oficio, or a reminder's unread items). */
  reviewIds: string[];
}

export interface IngestReport {
  oficios: IngestedOficio[];
  created: number;
  alreadyRecorded: number;
  needsReview: number;
  failed: number;
  /** Left out by the caller (`skip`): neither recorded nor queued for review. */
  skipped: number;
  warnings: string[];
  /** Cases still overdue when the import ended: each raised one escalation, its highest rung. */
  foundAtImport: FoundAtImport[];
}

/** Refusals about the data (not the system): the oficio is reported as FAILED and the rest go on. */
const ABOUT_THE_DATA = new Set<ErrorCode>(['BAD_USER_INPUT', 'CONFLICT', 'NOT_FOUND']);

/**
 * Correspondence text in, oficios recorded: parsed (libs/intake), planned (which door, with which
 * command), then recorded one by one in date order through the same doors as an operator's
 * oficios. What needs a person is reported, never recorded on a guess.
 */
export class Ingest {
  constructor(
    private readonly doors: OficioDoors,
    private readonly imports: ImportRuns,
    private readonly reviews: ReviewQueue,
  ) {}

  /**
   * `options.skip`: positions in the report's `oficios` (date order, as a dry run of the same text
   * lists them) not to record — reported as SKIPPED, neither recorded nor queued for review.
   */
  async ingest(
    text: string,
    ople: string,
    dryRun: boolean,
    actor: string,
    options: { skip?: readonly number[] } = {},
  ): Promise<IngestReport> {
    // The parser names its option options.ople; the caller sent the argument ople.
    const parsed = checked(() => parseCorrespondence(text, { ople }), { 'options.ople': 'ople' });
    const ordered = [...parsed.oficios].sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999'));
    const skip = skippedPositions(options.skip ?? [], ordered.length);
    const report: IngestReport = {
      oficios: [],
      created: 0,
      alreadyRecorded: 0,
      needsReview: 0,
      failed: 0,
      skipped: 0,
      warnings: parsed.warnings,
      foundAtImport: [],
    };
    // History is imported as history: no case escalates until the import is over (ImportRuns).
    const source = { text, hash: textHash(text) };
    const recordAll = async () => {
      for (const [position, oficio] of ordered.entries())
        if (skip.has(position)) skipOne(oficio, ople, report);
        else await this.recordOne(oficio, ople, dryRun, actor, report, source);
    };
    if (dryRun) await recordAll();
    else [, report.foundAtImport] = await this.imports.run(recordAll);
    return report;
  }

  private async recordOne(
    oficio: ParsedOficio,
    ople: string,
    dryRun: boolean,
    actor: string,
    report: IngestReport,
    source: { text: string; hash: string },
  ): Promise<void> {
    const step = planIngest(oficio, ople);
    const entry = describe(oficio, step);
    // What is left for a person is stored in the review queue (rule 6), never lost.
    if (!dryRun) entry.reviewIds = await this.queueReviews(oficio, ople, step, actor, source);
    if (step.door !== 'NONE' && !dryRun) {
      Object.assign(entry, await this.record(step, actor));
      // An assumed version matters only where a document was touched (a receipt may close a request instead).
      if (!entry.targets.some((t) => isCaseOf('document', t))) entry.assumptions = [];
      // Refused for its data (a conflict with what is recorded, PostgreSQL refusing the event): a
      // person must look at it, so it waits in the review queue with the refusal as its reason.
      if (entry.result === 'FAILED')
        entry.reviewIds.push(await this.queueRefused(oficio, ople, entry.message ?? '', actor, source));
    }
    report.oficios.push(entry);
    if (entry.result === 'CREATED') report.created += 1;
    if (entry.result === 'ALREADY_RECORDED') report.alreadyRecorded += 1;
    if (entry.result === 'NEEDS_REVIEW') report.needsReview += 1;
    if (entry.result === 'FAILED') report.failed += 1;
  }

  /**
   * Queues the oficio when it cannot be recorded, or only a reminder's unread items when the
   * others can (rule 5). Idempotent: the same text queues the same items once.
   */
  private async queueReviews(
    oficio: ParsedOficio,
    ople: string,
    step: IngestStep,
    actor: string,
    source: { text: string; hash: string },
  ): Promise<string[]> {
    const read = readOf(oficio);
    const common = queuedFrom(oficio, ople, source);
    const parts: Array<{ part: string; reasons: string[]; read: ReviewRead }> = [];
    if (step.door === 'NONE') parts.push({ part: '', reasons: step.reasons, read });
    if (step.door === 'INE' && step.pending)
      for (const p of step.pending) {
        const index = oficio.items.findIndex((i) => i.title === p.title);
        const item = oficio.items[index];
        parts.push({
          part: `item:${index}`,
          reasons: [`elemento del recordatorio «${p.title.slice(0, 80)}»: ${p.reason}`],
          read: { ...read, item: { ...item } },
        });
      }
    const ids: string[] = [];
    for (const p of parts) {
      const { id } = await this.reviews.queue({ ...common, part: p.part, reasons: p.reasons, read: p.read }, actor);
      ids.push(id);
    }
    return ids;
  }

  /** Queues an oficio the doors refused, with the refusal as its reason (idempotent, like every queued item). */
  private async queueRefused(
    oficio: ParsedOficio,
    ople: string,
    refusal: string,
    actor: string,
    source: { text: string; hash: string },
  ): Promise<string> {
    const { id } = await this.reviews.queue(
      {
        ...queuedFrom(oficio, ople, source),
        part: 'refused',
        reasons: [`no se pudo registrar: ${refusal}`],
        read: readOf(oficio),
      },
      actor,
    );
    return id;
  }

  private async record(
    step: Exclude<IngestStep, { door: 'NONE' }>,
    actor: string,
  ): Promise<Pick<IngestedOficio, 'result' | 'targets' | 'message'>> {
    try {
      const ople = step.input.ople;
      // A review of several entregables is recorded on each one's document (rule 3).
      const inputs =
        step.door === 'INE' && step.each
          ? step.each.map((input) => ({
              ...input,
              documentId: documentWorkflowId(ople, defaultDocumentKey(input.deliverable!, input.versionKind!)),
            }))
          : [step.input];
      const all = [];
      for (const input of inputs)
        all.push(
          step.door === 'OPLE'
            ? { documents: [], notice: null, ...(await this.doors.recordOple(step.input, actor)) }
            : await this.doors.recordIne(input as typeof step.input, actor),
        );
      const targets = all.flatMap((done) =>
        [
          done.document?.documentId,
          done.request?.requestId,
          done.notice?.noticeId,
          ...done.documents.map((d) => d.documentId),
        ].filter((t): t is string => Boolean(t)),
      );
      const already = all.every((done) => done.alreadyRecorded);
      return { result: already ? 'ALREADY_RECORDED' : 'CREATED', targets, message: null };
    } catch (error) {
      if (!(error instanceof ApplicationError) || !ABOUT_THE_DATA.has(error.code)) throw error;
      return { result: 'FAILED', targets: [], message: `${error.code}: ${error.message}` };
    }
  }
}

/**
 * The positions to skip, checked against the oficios read: each a whole number from 0 to one less
 * than their count (a position the reading does not have is refused naming `skip`, before anything
 * is recorded).
 */
export function skippedPositions(skip: readonly number[], count: number): Set<number> {
  for (const position of skip)
    if (!Number.isInteger(position) || position < 0 || position >= count)
      throw new InvalidInput(
        'skip',
        count === 0
          ? `no hay oficio en la posición ${position}: no se leyó ningún oficio`
          : `no hay oficio en la posición ${position}: se ${count === 1 ? 'leyó 1 oficio (posición 0)' : `leyeron ${count} oficios (posiciones 0 a ${count - 1}, en el orden de la lectura)`}`,
      );
  return new Set(skip);
}

/** An oficio the caller left out: said as SKIPPED, nothing recorded, nothing queued. */
function skipOne(oficio: ParsedOficio, ople: string, report: IngestReport): void {
  const entry = describe(oficio, planIngest(oficio, ople));
  entry.result = 'SKIPPED';
  entry.message = 'omitido a petición de quien registra: no se registró ni pasó a revisión';
  report.oficios.push(entry);
  report.skipped += 1;
}

/** What every queued item of an oficio shares: its OPLE, number, date and exact span of the source text. */
function queuedFrom(oficio: ParsedOficio, ople: string, source: { text: string; hash: string }) {
  const span = { start: oficio.span.start, end: oficio.span.end };
  return {
    ople,
    oficioNumber: oficio.number,
    oficioDate: oficio.date,
    text: source.text.slice(span.start, span.end),
    span,
    sourceHash: source.hash,
  };
}

function describe(o: ParsedOficio, step: IngestStep): IngestedOficio {
  return {
    number: o.number,
    date: o.date,
    kind: o.kind,
    outcome: o.outcome,
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
    result: step.door === 'NONE' ? 'NEEDS_REVIEW' : 'PLANNED',
    targets: [],
    message: null,
    assumptions: step.door === 'NONE' ? [] : step.assumptions,
    reviewIds: [],
  };
}

/** What the intake read of an oficio, as the review queue keeps it. */
function readOf(o: ParsedOficio): ReviewRead {
  return {
    number: o.number,
    date: o.date,
    kind: o.kind,
    outcome: o.outcome,
    additionalObservations: o.additionalObservations,
    references: o.references,
    deliverable: o.deliverable,
    deliverables: o.deliverables,
    deliverableVersion: o.deliverableVersion,
    subject: o.subject,
    summary: o.summary,
    deadline: o.deadline,
    meetingAt: o.meeting?.at ?? null,
    items: o.items.map((i) => ({ title: i.title, deliverable: i.deliverable, version: i.version, dueDate: i.dueDate })),
  };
}
