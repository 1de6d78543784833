export * from './task-queues';
export * from './workflow-ids';
export * from './activities.contract';
export * from './document.contract';
export * from './request.contract';
export * from './import.contract';
export * from './digest.contract';
