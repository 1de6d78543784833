/** The task queue the document workflows and their activities run on. */
export const DOCUMENTS_TASK_QUEUE = 'seguimiento-documents';

/** Workflow type names, so callers start workflows without importing workflow code. */
export const DOCUMENT_WORKFLOW_TYPE = 'documentWorkflow';
export const REQUEST_WORKFLOW_TYPE = 'requestWorkflow';
/** The benchmark's timer probe (see workflows/src/timer-probe.workflow.ts). */
export const TIMER_PROBE_WORKFLOW_TYPE = 'timerProbeWorkflow';
/** The benchmark's empty workflow (workflows/src/bench-signal.workflow.ts) and the signal it waits for. */
export const BENCH_SIGNAL_WORKFLOW_TYPE = 'benchSignalWorkflow';
export const BENCH_SIGNAL_NAME = 'benchSignal';
