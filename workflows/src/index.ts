export { documentWorkflow } from './document.workflow';
