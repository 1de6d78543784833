export { documentWorkflow } from './document.workflow';
export { requestWorkflow } from './request.workflow';
export { timerProbeWorkflow } from './timer-probe.workflow';
export { digestWorkflow } from './digest.workflow';
