// Waiting until the server serves the namespace: registered if missing, then a probe workflow started.
import { Client, Connection } from '@temporalio/client';
import { msToTs } from '@temporalio/common/lib/time';
import type { TemporalTls } from '@seguimiento/runtime';
import type { ManagedProcess } from '../managed-process';
import { StartupError } from '../ports';
import { serverErrors } from './server-log';

/** Used by the readiness probe: a workflow type no worker serves, started and terminated at once. */
const READINESS_PROBE = {
  workflowId: 'temporal-cluster-readiness-probe',
  workflowType: 'TemporalClusterReadinessProbe',
  taskQueue: 'temporal-cluster-readiness-probe',
};

/**
 * Until the namespace exists (registering it if missing) and a workflow can be started in it:
 * frontend, persistence, the namespace registry and the history shards all answer.
 */
export async function waitUntilServing(
  address: string,
  namespace: string,
  server: ManagedProcess,
  timeoutMs: number,
  tls: TemporalTls | undefined,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    if (!server.running)
      throw new StartupError(`the Temporal server exited before it was ready:\n${serverErrors(server)}`);
    let connection: Connection | undefined;
    try {
      connection = await Connection.connect({ address, connectTimeout: 1000, tls });
      await ensureNamespace(connection, namespace);
      await probeWorkflowStart(connection, namespace);
      return;
    } catch (error) {
      lastError = error;
      await new Promise((r) => setTimeout(r, 500));
    } finally {
      await connection?.close().catch(() => undefined);
    }
  }
  throw new StartupError(
    `Temporal at ${address} did not serve namespace ${namespace} within ${timeoutMs / 1000} s: ${(lastError as Error)?.message}\n${serverErrors(server)}`,
  );
}

const GRPC_ALREADY_EXISTS = 6;
const GRPC_NOT_FOUND = 5;

async function ensureNamespace(connection: Connection, namespace: string): Promise<void> {
  try {
    await connection.workflowService.describeNamespace({ namespace });
    return;
  } catch (error) {
    if ((error as { code?: number }).code !== GRPC_NOT_FOUND) throw error;
  }
  try {
    await connection.workflowService.registerNamespace({
      namespace,
      workflowExecutionRetentionPeriod: msToTs('3 days'),
    });
  } catch (error) {
    if ((error as { code?: number }).code !== GRPC_ALREADY_EXISTS) throw error;
  }
  await connection.workflowService.describeNamespace({ namespace });
}

async function probeWorkflowStart(connection: Connection, namespace: string): Promise<void> {
  const client = new Client({ connection, namespace });
  const handle = await client.workflow.start(READINESS_PROBE.workflowType, {
    workflowId: READINESS_PROBE.workflowId,
    taskQueue: READINESS_PROBE.taskQueue,
    workflowIdConflictPolicy: 'TERMINATE_EXISTING',
    workflowExecutionTimeout: '1 minute',
  });
  await handle.terminate('readiness probe');
}
