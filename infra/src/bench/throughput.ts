import { BENCH_SIGNAL_NAME, BENCH_SIGNAL_WORKFLOW_TYPE, DOCUMENTS_TASK_QUEUE } from '@seguimiento/contracts';
import { OPLES } from '@seguimiento/domain';
import { type BenchContext, type Figure, progress, ratio } from './context';
import { scrapeCounter } from './gateway-metrics';
import { pool, summarize } from './stats';

const SUBMIT = `mutation($input: SubmitDocumentInput!) { submitDocument(input: $input) { alreadyRecorded document { id status } } }`;
const TIMEOUTS = 'seguimiento_read_your_writes_timeouts_total';

/**
 * Oficios per second recorded end to end: each a submitDocument of a new document (GraphQL →
 * update-with-start of its workflow → events appended → read models updated; the mutation answers
 * only once they are visible). Read-your-writes gives up after 2 s: every such time-out during the
 * phase is counted from the gateway's /metrics, reported, and fails the figure (its mutations did
 * not all wait for the read models). Baseline: a real empty workflow (benchSignalWorkflow) started
 * with its signal (signal-with-start) on the same task queue, polled by the same worker, timed
 * until it has handled the signal and completed, at the same concurrency.
 */
export async function throughput(ctx: BenchContext, runId: string, concurrency: number, count: number): Promise<Figure> {
  const today = new Date().toISOString().slice(0, 10);
  const tick = progress(ctx.log, `throughput ×${concurrency}`, count);
  const timeoutsBefore = await scrapeCounter(ctx.stack.graphqlUrl, ctx.token, TIMEOUTS);
  const spansBefore = await scrapeSpans(ctx);
  let notRecorded = 0;
  const ours = await pool(count, concurrency, async (i) => {
    const ople = OPLES[i % OPLES.length].id;
    const answer = await ctx.gql<{ submitDocument: { alreadyRecorded: boolean; document: { status: string } | null } }>(SUBMIT, {
      input: { ople, deliverable: 6, versionKind: 'PROYECTO', documentKey: `bench-${runId}-c${concurrency}-${i}`, oficioNumber: `BENCH/${ople}/${concurrency}/${i + 1}/2024`, submittedOn: today },
    });
    if (answer.submitDocument.alreadyRecorded || answer.submitDocument.document?.status !== 'UNDER_REVIEW') notRecorded++;
    tick(i + 1);
  });
  const timeoutsAfter = await scrapeCounter(ctx.stack.graphqlUrl, ctx.token, TIMEOUTS);
  const spansAfter = await scrapeSpans(ctx);
  const raw = await pool(count, concurrency, async (i) => {
    const handle = await ctx.temporal.workflow.signalWithStart(BENCH_SIGNAL_WORKFLOW_TYPE, {
      workflowId: `bench-baseline-${runId}-c${concurrency}-${i}`,
      taskQueue: DOCUMENTS_TASK_QUEUE,
      signal: BENCH_SIGNAL_NAME,
      signalArgs: [],
      workflowExecutionTimeout: '5 minutes',
    });
    await handle.result();
  });
  const value = Math.round((count / ours.wallMs) * 1000 * 10) / 10;
  const baseline = Math.round((count / raw.wallMs) * 1000 * 10) / 10;
  const readYourWritesTimeouts = timeoutsBefore === null || timeoutsAfter === null ? null : timeoutsAfter - timeoutsBefore;
  const failures: string[] = [];
  if (readYourWritesTimeouts === null) failures.push(`${TIMEOUTS} could not be read from the gateway's /metrics: time-outs of read-your-writes unknown`);
  else if (readYourWritesTimeouts > 0) failures.push(`${readYourWritesTimeouts} of ${count} mutations answered before the read models had their events (read-your-writes timed out)`);
  if (notRecorded > 0) failures.push(`${notRecorded} of ${count} mutations did not answer a new document under review`);
  for (const f of failures) ctx.log(`  ! ${f}`);
  return {
    name: `throughput.c${concurrency}`,
    unit: 'oficios/s',
    value,
    baseline,
    ratio: ratio(value, baseline),
    dataset: `${count} oficios, concurrency ${concurrency}`,
    details: {
      wallMs: Math.round(ours.wallMs),
      baselineWallMs: Math.round(raw.wallMs),
      // Each oficio's round trip (the wait an operator feels), and the raw call's, in ms.
      roundTripMs: summarize(ours.durations),
      baselineRoundTripMs: summarize(raw.durations),
      readYourWritesTimeouts,
      // Where the round trip went, mean ms per oficio from the gateway's histograms: the command
      // through Temporal (update-with-start, decision, append, answer) and the read-your-writes wait.
      meanMs: meanSpans(spansBefore, spansAfter),
    },
    failures,
  };
}

const SPANS = { temporalCommand: 'seguimiento_case_command_seconds', readYourWrites: 'seguimiento_read_your_writes_wait_seconds' };
type Spans = Record<keyof typeof SPANS, { sum: number | null; count: number | null }>;

async function scrapeSpans(ctx: BenchContext): Promise<Spans> {
  const spans = {} as Spans;
  for (const [key, name] of Object.entries(SPANS) as Array<[keyof typeof SPANS, string]>)
    spans[key] = {
      sum: await scrapeCounter(ctx.stack.graphqlUrl, ctx.token, `${name}_sum`),
      count: await scrapeCounter(ctx.stack.graphqlUrl, ctx.token, `${name}_count`),
    };
  return spans;
}

/** The mean of each span over the phase, in ms (null when the gateway does not expose it). */
function meanSpans(before: Spans, after: Spans): Record<string, number | null> {
  const mean: Record<string, number | null> = {};
  for (const key of Object.keys(SPANS) as Array<keyof typeof SPANS>) {
    const [b, a] = [before[key], after[key]];
    const n = a.count === null || b.count === null ? 0 : a.count - b.count;
    mean[key] = n > 0 && a.sum !== null && b.sum !== null ? Math.round(((a.sum - b.sum) / n) * 1000 * 10) / 10 : null;
  }
  return mean;
}
