export { documentWorkflow } from './document.workflow';
export { requestWorkflow } from './request.workflow';
export { timerProbeWorkflow } from './timer-probe.workflow';
export { benchSignalWorkflow } from './bench-signal.workflow';
export { digestWorkflow } from './digest.workflow';
