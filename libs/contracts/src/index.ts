export * from './task-queues';
export * from './workflow-ids';
export * from './document.contract';
