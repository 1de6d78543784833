import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import type { NativeConnection, Worker } from '@temporalio/worker';
import type { DataSource } from 'typeorm';
import { DOCUMENTS_TASK_QUEUE, TIMER_PROBE_WORKFLOW_TYPE } from '@seguimiento/contracts';
import {
  type RunningTemporalCluster,
  type TemporalServerBinaries,
  ensureTemporalServerBinaries,
  setupTemporalSchema,
  startTemporalCluster,
} from '@seguimiento/infra/temporal-cluster';
import { openDatabase } from '@seguimiento/persistence';
import { createWorker } from '../../apps/worker/src/worker';
import { quietTemporalLogs } from '../support/quiet-logs';
import { type TestPostgres, startTestPostgres } from '../support/test-postgres';
import { waitFor } from '../support/wait-for';

/**
 * The full Temporal server (not the dev server) on a real PostgreSQL: the project's worker runs a
 * durable timer through it, the server is killed with SIGKILL while the timer is pending, and
 * after a restart on the same database the workflow is still there and its timer still fires.
 */
describe('full Temporal server on PostgreSQL', () => {
  let binaries: TemporalServerBinaries;
  let pg: TestPostgres;
  let dataDir: string;
  let cluster: RunningTemporalCluster;
  let client: Client;
  let db: DataSource;
  let worker: { worker: Worker; connection: NativeConnection; running: Promise<void> } | null = null;

  beforeAll(async () => {
    quietTemporalLogs();
    // Built once into .cache/temporal-server/ (≈2 minutes with a warm Go build cache, longer cold).
    binaries = await ensureTemporalServerBinaries((line) => console.log(line));
    pg = await startTestPostgres();
    dataDir = mkdtempSync(join(tmpdir(), 'seguimiento-temporal-cluster-'));
    cluster = await startTemporalCluster({ postgres: pg.temporalUrl, dataDir, binaries });
    client = new Client({ connection: await Connection.connect({ address: cluster.address }), namespace: cluster.namespace });
    db = await openDatabase(pg.url, { applicationName: 'seguimiento-e2e-cluster' });
    const created = await createWorker({
      connection: { address: cluster.address },
      namespace: cluster.namespace,
      dataSource: db,
      notifier: { notify: async () => undefined },
    });
    worker = { ...created, running: created.worker.run() };
  }, 45 * 60_000);

  afterAll(async () => {
    if (worker) {
      worker.worker.shutdown();
      await worker.running.catch(() => undefined);
      await worker.connection.close();
    }
    await client?.connection.close();
    await db?.destroy();
    await cluster?.stop();
    await pg?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves the namespace from PostgreSQL, on loopback only', async () => {
    const described = await client.workflowService.describeNamespace({ namespace: cluster.namespace });
    expect(described.namespaceInfo?.name).toBe(cluster.namespace);
    const config = readFileSync(cluster.configFile, 'utf8');
    expect(config).toContain('pluginName: "postgres12"');
    expect(config).not.toMatch(/0\.0\.0\.0/);
    expect(cluster.address).toBe(`127.0.0.1:${cluster.ports.frontend.grpc}`);
    // The schema is already up to date: applying it again changes nothing and succeeds.
    await expect(setupTemporalSchema({ postgres: pg.temporalUrl, sqlTool: binaries.sqlTool })).resolves.toBeUndefined();
  });

  it('keeps a workflow and its pending timer across a SIGKILL of the server', async () => {
    const workflowId = `cluster-timer-${Date.now()}`;
    const fireAt = new Date(Date.now() + 10_000).toISOString();
    const handle = await client.workflow.start(TIMER_PROBE_WORKFLOW_TYPE, { workflowId, taskQueue: DOCUMENTS_TASK_QUEUE, args: [{ fireAt }] });
    // The worker has run the first task once the timer is in the history.
    await waitFor(async () => {
      const history = await handle.fetchHistory();
      return history.events?.some((e) => e.timerStartedEventAttributes) ?? false;
    }, 30_000);

    const killedPid = cluster.process.pid;
    await cluster.kill();
    expect(cluster.process.running).toBe(false);
    await cluster.restart();
    expect(cluster.process.pid).not.toBe(killedPid);

    // Still there after the crash: read back from PostgreSQL by the new process.
    const after = await handle.describe();
    expect(after.status.name).toBe('RUNNING');
    // The timer fires on the restarted server and the (reconnected) worker completes the workflow.
    const result = (await handle.result()) as { fireAt: string; lateMs: number };
    expect(result.fireAt).toBe(fireAt);
    expect((await handle.describe()).status.name).toBe('COMPLETED');
  });
});
