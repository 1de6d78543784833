import { NativeConnection, Worker } from '@temporalio/worker';
import { DOCUMENTS_TASK_QUEUE } from '@seguimiento/contracts';
import { EventStore } from '@seguimiento/persistence';
import type { DataSource } from 'typeorm';
import { createActivities } from './activities';
import { withWorkspaceAliases, workflowsPath } from './workflow-bundling';

export interface WorkerDeps {
  temporalAddress: string;
  namespace: string;
  dataSource: DataSource;
  taskQueue?: string;
}

/** Creates (but does not run) the worker that hosts the document workflows and their activities. */
export async function createWorker(deps: WorkerDeps): Promise<{ worker: Worker; connection: NativeConnection }> {
  const connection = await NativeConnection.connect({ address: deps.temporalAddress });
  const worker = await Worker.create({
    connection,
    namespace: deps.namespace,
    taskQueue: deps.taskQueue ?? DOCUMENTS_TASK_QUEUE,
    workflowsPath: workflowsPath(),
    bundlerOptions: { webpackConfigHook: withWorkspaceAliases },
    activities: createActivities({ eventStore: new EventStore(deps.dataSource) }),
  });
  return { worker, connection };
}
