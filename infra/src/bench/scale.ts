import { WithStartWorkflowOperation } from '@temporalio/client';
import { DOCUMENT_WORKFLOW_TYPE, DOCUMENTS_TASK_QUEUE, TIMER_PROBE_WORKFLOW_TYPE, submitDocumentUpdate } from '@seguimiento/contracts';
import { OPLES } from '@seguimiento/domain';
import { rssMiB } from './bench-stack';
import { type BenchContext, type Figure, caughtUp, progress } from './context';
import { pool, summarize } from './stats';


/**
 * Scale: `count` open document workflows on the one worker, each waiting on INE's review with its
 * escalation timers pending, started at concurrency 64 the way the gateway starts them (an
 * update-with-start of the document's workflow with its submission; the GraphQL layer, measured
 * by the throughput figure, is left out so that the start rate is the engine's); then the worker's and the
 * Temporal server's resident memory, and timer accuracy: probe workflows on the same task queue
 * sleep until instants spread over the next `windowS` seconds and report how late they woke.
 */
export async function scale(ctx: BenchContext, runId: string, count: number, probes: number, windowS: number): Promise<Figure[]> {
  const today = new Date().toISOString().slice(0, 10);
  const before = { worker: rssMiB(ctx.stack.pids.worker), temporal: rssMiB(ctx.stack.pids.temporal) };
  const tick = progress(ctx.log, 'open workflows', count);
  let done = 0;
  const started = await pool(count, 64, async (i) => {
    const ople = OPLES[i % OPLES.length].id;
    const documentId = `document:${ople}:scale-${runId}-${i}`;
    await ctx.temporal.workflow.executeUpdateWithStart(submitDocumentUpdate, {
      args: [{ documentId, ople, deliverable: 8, versionKind: 'PROYECTO', oficioNumber: `SCALE/${ople}/${i + 1}/2024`, submittedOn: today, actor: 'bench@ine' }],
      startWorkflowOperation: new WithStartWorkflowOperation(DOCUMENT_WORKFLOW_TYPE, {
        workflowId: documentId,
        taskQueue: DOCUMENTS_TASK_QUEUE,
        args: [{ documentId, ople }],
        workflowIdConflictPolicy: 'USE_EXISTING',
      }),
    });
    tick(++done);
  });
  await caughtUp(ctx.db);
  const open = Number((await ctx.db.query(`SELECT count(*) AS n FROM rm_documents WHERE id LIKE $1 AND status = 'UNDER_REVIEW'`, [`document:%:scale-${runId}-%`]))[0].n);

  ctx.log(`  timer probes: ${probes} over the next ${windowS} s…`);
  const t0 = Date.now() + 5000;
  const handles = await Promise.all(
    Array.from({ length: probes }, (_, i) =>
      ctx.temporal.workflow.start(TIMER_PROBE_WORKFLOW_TYPE, {
        workflowId: `probe-${runId}-${i}`,
        taskQueue: DOCUMENTS_TASK_QUEUE,
        args: [{ fireAt: new Date(t0 + Math.floor((i * windowS * 1000) / Math.max(1, probes))).toISOString() }],
      }),
    ),
  );
  const results = (await Promise.all(handles.map((h) => h.result()))) as Array<{ lateMs: number }>;
  const late = summarize(results.map((r) => r.lateMs));
  const after = { worker: rssMiB(ctx.stack.pids.worker), temporal: rssMiB(ctx.stack.pids.temporal) };
  const dataset = `${count} open documents (${open} confirmed open in the read model), ${probes} timer probes`;
  return [
    { name: 'scale.startAll', unit: 's', value: Math.round(started.wallMs / 100) / 10, baseline: null, ratio: null, dataset, details: { perSecond: Math.round((count / started.wallMs) * 1000), open } },
    { name: 'scale.workerRss', unit: 'MiB', value: after.worker, baseline: before.worker, ratio: null, dataset, details: { before: before.worker, after: after.worker } },
    { name: 'scale.temporalRss', unit: 'MiB', value: after.temporal, baseline: before.temporal, ratio: null, dataset, details: { before: before.temporal, after: after.temporal } },
    { name: 'scale.timerLateness.p99', unit: 'ms', value: late.p99, baseline: null, ratio: null, dataset, details: { ...late } },
  ];
}
