import { WithStartWorkflowOperation } from '@temporalio/client';
import { DOCUMENT_WORKFLOW_TYPE, DOCUMENTS_TASK_QUEUE, TIMER_PROBE_WORKFLOW_TYPE, submitDocumentUpdate } from '@seguimiento/contracts';
import { OPLES } from '@seguimiento/domain';
import { rssMiB } from './bench-stack';
import { samplePeak } from './peak';
import { type BenchContext, type Figure, caughtUp, progress } from './context';
import { pool, summarize } from './stats';

/**
 * Scale: `count` open document workflows on the one worker, each waiting on INE's review with its
 * escalation timers pending, started at concurrency 64 the way the gateway starts them (an
 * update-with-start of the document's workflow with its submission; the GraphQL layer, measured
 * by the throughput figure, is left out so that the start rate is the engine's). Timer accuracy
 * under that load: as the starts begin, probe workflows on the same task queue are set to sleep
 * until instants spread over `windowS` seconds from 5 s on, and report how late they woke (how
 * many fired while starts were still going is kept). Memory: the worker's and the Temporal
 * server's resident set read every 500 ms over the whole phase (starts, projection, probes); the
 * figure is the peak, beside the value before the phase, with the worker's workflow cache size.
 */
export async function scale(ctx: BenchContext, runId: string, count: number, probes: number, windowS: number): Promise<Figure[]> {
  const today = new Date().toISOString().slice(0, 10);
  const before = { worker: rssMiB(ctx.stack.pids.worker), temporal: rssMiB(ctx.stack.pids.temporal) };
  const memory = { worker: samplePeak(() => rssMiB(ctx.stack.pids.worker), 500), temporal: samplePeak(() => rssMiB(ctx.stack.pids.temporal), 500) };
  const tick = progress(ctx.log, 'open workflows', count);
  let done = 0;
  ctx.log(`  timer probes: ${probes} over ${windowS} s from 5 s into the starts…`);
  const t0 = Date.now() + 5000;
  const fireAt = (i: number) => t0 + Math.floor((i * windowS * 1000) / Math.max(1, probes));
  const probing = Promise.all(
    Array.from({ length: probes }, (_, i) =>
      ctx.temporal.workflow.start(TIMER_PROBE_WORKFLOW_TYPE, {
        workflowId: `probe-${runId}-${i}`,
        taskQueue: DOCUMENTS_TASK_QUEUE,
        args: [{ fireAt: new Date(fireAt(i)).toISOString() }],
      }),
    ),
  ).then((handles) => Promise.all(handles.map((h) => h.result() as Promise<{ lateMs: number }>)));
  probing.catch(() => undefined); // awaited below, once the starts are done: a failure is not unhandled meanwhile
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
  const loadEnded = Date.now();
  await caughtUp(ctx.db);
  const open = Number((await ctx.db.query(`SELECT count(*) AS n FROM rm_documents WHERE id LIKE $1 AND status = 'UNDER_REVIEW'`, [`document:%:scale-${runId}-%`]))[0].n);
  const results = await probing;
  const peak = { worker: memory.worker.stop(), temporal: memory.temporal.stop() };
  const late = summarize(results.map((r) => r.lateMs));
  const firedDuringLoad = Array.from({ length: probes }, (_, i) => fireAt(i)).filter((at) => at <= loadEnded).length;
  const after = { worker: rssMiB(ctx.stack.pids.worker), temporal: rssMiB(ctx.stack.pids.temporal) };
  const cacheSize = ctx.stack.workerCacheSize;
  const dataset = `${count} open documents (${open} confirmed open in the read model), ${probes} timer probes (${firedDuringLoad} due while starting)`;
  const memoryDetails = (which: 'worker' | 'temporal') => ({ before: before[which], peak: peak[which].value, after: after[which], samples: peak[which].samples });
  return [
    { name: 'scale.startAll', unit: 's', value: Math.round(started.wallMs / 100) / 10, baseline: null, ratio: null, dataset, details: { perSecond: Math.round((count / started.wallMs) * 1000), open } },
    { name: 'scale.workerRss', unit: 'MiB', value: peak.worker.value, baseline: before.worker, ratio: null, dataset, details: { ...memoryDetails('worker'), cacheSize } },
    { name: 'scale.temporalRss', unit: 'MiB', value: peak.temporal.value, baseline: before.temporal, ratio: null, dataset, details: memoryDetails('temporal') },
    { name: 'scale.timerLateness.p99', unit: 'ms', value: late.p99, baseline: null, ratio: null, dataset, details: { ...late, firedDuringLoad } },
  ];
}
