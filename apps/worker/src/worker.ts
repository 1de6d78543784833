import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { DOCUMENTS_TASK_QUEUE } from '@seguimiento/contracts';
import { EventStore } from '@seguimiento/persistence';
import type { QuietSettings } from '@seguimiento/mail';
import type { TemporalTls } from '@seguimiento/runtime';
import type { DataSource } from 'typeorm';
import { createActivities } from './activities';
import { createDigestActivities } from './mail/digest-activity';
import type { Notifier } from './notifiers/notifier';
import { withWorkspaceAliases, workflowsPath } from './workflow-bundling';

export interface WorkerDeps {
  /** An open connection (tests hand in their environment's), or the address to connect to (with TLS for a cluster with mTLS). */
  connection: NativeConnection | { address: string; tls?: TemporalTls };
  namespace: string;
  dataSource: DataSource;
  /** The store the activities append to; default: the event store on `dataSource`. */
  eventStore?: EventStore;
  notifier: Notifier;
  /** Quiet hours and weekends per institution (the digest skips quiet weekend days). */
  quiet?: QuietSettings;
  taskQueue?: string;
  /** Extra worker options (tests use them; production keeps the defaults). */
  options?: Pick<WorkerOptions, 'maxCachedWorkflows' | 'stickyQueueScheduleToStartTimeout'>;
}

/** Creates (but does not run) the worker that hosts the workflows and their activities. */
export async function createWorker(deps: WorkerDeps): Promise<{ worker: Worker; connection: NativeConnection }> {
  const connection =
    deps.connection instanceof NativeConnection
      ? deps.connection
      : await NativeConnection.connect({ address: deps.connection.address, tls: deps.connection.tls });
  const worker = await Worker.create({
    connection,
    namespace: deps.namespace,
    taskQueue: deps.taskQueue ?? DOCUMENTS_TASK_QUEUE,
    workflowsPath: workflowsPath(),
    bundlerOptions: { webpackConfigHook: withWorkspaceAliases },
    activities: {
      ...createActivities({
        eventStore: deps.eventStore ?? new EventStore(deps.dataSource),
        notifier: deps.notifier,
      }),
      ...createDigestActivities({ dataSource: deps.dataSource, quiet: deps.quiet ?? {} }),
    },
    ...deps.options,
  });
  return { worker, connection };
}
