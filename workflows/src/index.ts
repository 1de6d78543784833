export { documentWorkflow } from './document.workflow';
export { requestWorkflow } from './request.workflow';
