import { DOCUMENTS_TASK_QUEUE } from '@seguimiento/contracts';
import { OPLES } from '@seguimiento/domain';
import { type BenchContext, type Figure, progress, ratio } from './context';
import { pool } from './stats';

const SUBMIT = `mutation($input: SubmitDocumentInput!) { submitDocument(input: $input) { alreadyRecorded document { id status } } }`;

/**
 * Oficios per second recorded end to end: each a submitDocument of a new document (GraphQL →
 * update-with-start of its workflow → events appended → read models updated; the mutation answers
 * only once they are visible). Baseline: signal-with-start of an empty workflow on the same
 * server, nothing else (the cheapest durable write Temporal offers), at the same concurrency.
 */
export async function throughput(ctx: BenchContext, runId: string, concurrency: number, count: number): Promise<Figure> {
  const today = new Date().toISOString().slice(0, 10);
  const tick = progress(ctx.log, `throughput ×${concurrency}`, count);
  const ours = await pool(count, concurrency, async (i) => {
    const ople = OPLES[i % OPLES.length].id;
    await ctx.gql(SUBMIT, {
      input: { ople, deliverable: 6, versionKind: 'PROYECTO', documentKey: `bench-${runId}-c${concurrency}-${i}`, oficioNumber: `BENCH/${ople}/${concurrency}/${i + 1}/2024`, submittedOn: today },
    });
    tick(i + 1);
  });
  const raw = await pool(count, concurrency, async (i) => {
    await ctx.temporal.workflow.signalWithStart('benchEmptyWorkflow', {
      workflowId: `bench-baseline-${runId}-c${concurrency}-${i}`,
      taskQueue: `${DOCUMENTS_TASK_QUEUE}-bench-baseline`,
      signal: 'noop',
      signalArgs: [],
      workflowExecutionTimeout: '5 minutes',
    });
  });
  const value = Math.round((count / ours.wallMs) * 1000 * 10) / 10;
  const baseline = Math.round((count / raw.wallMs) * 1000 * 10) / 10;
  return {
    name: `throughput.c${concurrency}`,
    unit: 'oficios/s',
    value,
    baseline,
    ratio: ratio(value, baseline),
    dataset: `${count} oficios, concurrency ${concurrency}`,
    details: { wallMs: Math.round(ours.wallMs), baselineWallMs: Math.round(raw.wallMs) },
  };
}
