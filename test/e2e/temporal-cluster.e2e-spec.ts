import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect as tlsConnect } from 'node:tls';
import type { INestApplication } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, type Worker } from '@temporalio/worker';
import type { DataSource } from 'typeorm';
import { Tokens } from '@seguimiento/auth';
import { DOCUMENTS_TASK_QUEUE, TIMER_PROBE_WORKFLOW_TYPE } from '@seguimiento/contracts';
import { graphql } from '@seguimiento/infra/graphql-client';
import {
  type RunningTemporalCluster,
  type TemporalServerBinaries,
  ensureTemporalServerBinaries,
  setupTemporalSchema,
  startTemporalCluster,
} from '@seguimiento/infra/temporal-cluster';
import {
  type CertificateFiles,
  type ClusterTls,
  createCertificateAuthority,
  ensureClusterCertificates,
  issueCertificate,
  temporalTlsEnv,
} from '@seguimiento/infra/temporal-tls';
import { openDatabase } from '@seguimiento/persistence';
import type { TemporalTls } from '@seguimiento/runtime';
import { startGateway } from '../../apps/gateway/src/bootstrap';
import { gatewayConfig } from '../../apps/gateway/src/config';
import { workerConfig } from '../../apps/worker/src/config';
import { createWorker } from '../../apps/worker/src/worker';
import { quietTemporalLogs } from '../support/quiet-logs';
import { type TestPostgres, startTestPostgres } from '../support/test-postgres';
import { waitFor } from '../support/wait-for';

/**
 * The full Temporal server (not the dev server) on a real PostgreSQL, with mutual TLS on its
 * frontend and between its services: clients without a certificate of its client CA are
 * refused; the project's worker and gateway, configured by TEMPORAL_TLS_* as in production,
 * record an oficio end to end; the worker runs a durable timer, the server is killed with
 * SIGKILL while the timer is pending, and after a restart on the same database the workflow is
 * still there and its timer still fires.
 */
describe('full Temporal server on PostgreSQL, with mutual TLS', () => {
  let binaries: TemporalServerBinaries;
  let pg: TestPostgres;
  let dataDir: string;
  let tls: ClusterTls;
  let cluster: RunningTemporalCluster;
  let client: Client;
  let db: DataSource;
  let worker: { worker: Worker; connection: NativeConnection; running: Promise<void> } | null = null;
  let gateway: INestApplication | null = null;
  const jwtSecret = 'e2e-cluster-secret-'.padEnd(40, 'x');

  beforeAll(async () => {
    quietTemporalLogs();
    // Built once into .cache/temporal-server/ (≈2 minutes with a warm Go build cache, longer cold).
    binaries = await ensureTemporalServerBinaries((line) => console.log(line));
    pg = await startTestPostgres();
    dataDir = mkdtempSync(join(tmpdir(), 'seguimiento-temporal-cluster-'));
    tls = ensureClusterCertificates(join(dataDir, 'tls'));
    cluster = await startTemporalCluster({ postgres: pg.temporalUrl, dataDir, binaries, tls });
    client = new Client({
      connection: await Connection.connect({ address: cluster.address, tls: cluster.clientTls }),
      namespace: cluster.namespace,
    });
    db = await openDatabase(pg.url, { applicationName: 'seguimiento-e2e-cluster' });
    // The worker and the gateway read their certificates from TEMPORAL_TLS_*, as `npm run start:worker` and `start:gateway` do.
    const env = { TEMPORAL_ADDRESS: cluster.address, TEMPORAL_NAMESPACE: cluster.namespace, DATABASE_URL: pg.url };
    const config = workerConfig({ ...env, ...temporalTlsEnv(tls, 'worker') });
    const created = await createWorker({
      connection: { address: config.temporalAddress, tls: config.temporalTls },
      namespace: config.namespace,
      dataSource: db,
      notifier: { notify: async () => undefined },
    });
    worker = { ...created, running: created.worker.run() };
    const schemaFile = join(dataDir, 'schema.gql');
    gateway = await startGateway(
      gatewayConfig({ ...env, ...temporalTlsEnv(tls, 'gateway'), JWT_SECRET: jwtSecret, PORT: '0' }),
      { schemaFile, logger: false, requestLog: () => undefined },
    );
  }, 45 * 60_000);

  afterAll(async () => {
    await gateway?.close();
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

  it('serves the namespace from PostgreSQL, on loopback only, requiring client certificates', async () => {
    const described = await client.workflowService.describeNamespace({ namespace: cluster.namespace });
    expect(described.namespaceInfo?.name).toBe(cluster.namespace);
    const config = readFileSync(cluster.configFile, 'utf8');
    expect(config).toContain('pluginName: "postgres12"');
    expect(config.match(/requireClientAuth: true/g)).toHaveLength(2);
    expect(config).not.toMatch(/0\.0\.0\.0/);
    expect(cluster.address).toBe(`127.0.0.1:${cluster.ports.frontend.grpc}`);
    // The schema is already up to date: applying it again changes nothing and succeeds.
    await expect(setupTemporalSchema({ postgres: pg.temporalUrl, sqlTool: binaries.sqlTool })).resolves.toBeUndefined();
  });

  describe('refuses every client without a certificate of its client CA', () => {
    let stranger: CertificateFiles;
    const serverCa = () => readFileSync(tls.serverCaFile);
    const pair = (files: CertificateFiles) => ({ crt: readFileSync(files.cert), key: readFileSync(files.key) });

    beforeAll(() => {
      // Another CA, and a client certificate it signed: well formed, but not the cluster's.
      const dir = join(dataDir, 'stranger');
      mkdirSync(dir, { mode: 0o700 });
      const ca = { cert: join(dir, 'ca.pem'), key: join(dir, 'ca.key') };
      createCertificateAuthority(ca, 'some other CA');
      stranger = { cert: join(dir, 'worker.pem'), key: join(dir, 'worker.key') };
      issueCertificate(ca, stranger, { commonName: 'seguimiento-worker', usage: 'client', days: 30 });
    });

    /** What the client got for describeNamespace: 'served', or the error it was refused with. */
    const call = async (tlsConfig: TemporalTls | undefined): Promise<string> => {
      let connection: Connection | undefined;
      try {
        connection = await Connection.connect({ address: cluster.address, tls: tlsConfig, connectTimeout: 2000 });
        await connection.workflowService.describeNamespace({ namespace: cluster.namespace });
        return 'served';
      } catch (error) {
        return `refused: ${(error as Error).message}`;
      } finally {
        await connection?.close().catch(() => undefined);
      }
    };
    /** The same for the worker's connection (the SDK's Rust core, not grpc-js). */
    const workerCall = async (tlsConfig: TemporalTls | undefined): Promise<string> => {
      try {
        const connection = await NativeConnection.connect({ address: cluster.address, tls: tlsConfig });
        try {
          await connection.workflowService.describeNamespace({ namespace: cluster.namespace });
          return 'served';
        } finally {
          await connection.close();
        }
      } catch (error) {
        return `refused: ${(error as Error).message}`;
      }
    };

    it('serves the certificates the cluster issued', async () => {
      expect(await call(cluster.clientTls)).toBe('served');
      expect(await workerCall(cluster.clientTls)).toBe('served');
    });

    it('refuses plain gRPC', async () => {
      expect(await call(undefined)).toMatch(/^refused: /);
      // The native connection's words depend on when the server hangs up ("transport error",
      // "connection closed", "broken pipe"): refused is what matters; the TLS alerts are checked by handshake().
      expect(await workerCall(undefined)).toMatch(/^refused: /);
      expect(await call(cluster.clientTls)).toBe('served'); // the server is up meanwhile
    });

    it('refuses TLS without a client certificate', async () => {
      const noCertificate = { serverRootCACertificate: serverCa(), serverNameOverride: tls.serverName };
      expect(await call(noCertificate)).toMatch(/^refused: /);
      expect(await workerCall(noCertificate)).toMatch(/^refused: /);
      expect(await handshake(cluster.ports.frontend.grpc, tls, null)).toBe(
        'refused: ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED',
      );
      expect(await call(cluster.clientTls)).toBe('served');
    });

    it('refuses a client certificate signed by another CA', async () => {
      const otherCa = {
        serverRootCACertificate: serverCa(),
        serverNameOverride: tls.serverName,
        clientCertPair: pair(stranger),
      };
      expect(await call(otherCa)).toMatch(/^refused: /);
      expect(await workerCall(otherCa)).toMatch(/^refused: /);
      expect(await handshake(cluster.ports.frontend.grpc, tls, stranger)).toBe(
        'refused: ERR_SSL_TLSV1_ALERT_UNKNOWN_CA',
      );
      expect(await call(cluster.clientTls)).toBe('served');
    });

    it("refuses the product's certificates on the internode ports (history, matching), which take only the server's own", async () => {
      for (const service of ['history', 'matching'] as const) {
        const port = cluster.ports[service].grpc;
        expect(await handshake(port, tls, tls.server)).toBe('accepted');
        expect(await handshake(port, tls, tls.clients.worker)).toBe('refused: ERR_SSL_TLSV1_ALERT_UNKNOWN_CA');
        expect(await handshake(port, tls, tls.clients.gateway)).toBe('refused: ERR_SSL_TLSV1_ALERT_UNKNOWN_CA');
        expect(await handshake(port, tls, null)).toBe('refused: ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED');
      }
      // And the frontend the other way round: the client CA's certificates, not the server's.
      expect(await handshake(cluster.ports.frontend.grpc, tls, tls.clients.worker)).toBe('accepted');
      expect(await handshake(cluster.ports.frontend.grpc, tls, tls.server)).toBe(
        'refused: ERR_SSL_TLSV1_ALERT_UNKNOWN_CA',
      );
    });
  });

  it('records an oficio through the gateway and the worker, both on mutual TLS', async () => {
    const url = `${(await gateway!.getUrl()).replace('[::1]', '127.0.0.1')}`;
    const ready = await fetch(`${url}/ready`);
    expect(await ready.json()).toEqual({ status: 'ready', postgres: 'ok', temporal: 'ok' });
    const token = new Tokens(jwtSecret).issue({ subject: 'operador@ine', role: 'OPERATOR', institution: 'INE' });
    const answer = await graphql<{
      recordOpleOficio: { alreadyRecorded: boolean; document: { id: string; status: string } };
    }>(
      `${url}/graphql`,
      `
        mutation ($input: RecordOpleOficioInput!) {
          recordOpleOficio(input: $input) {
            alreadyRecorded
            document {
              id
              status
            }
          }
        }
      `,
      {
        input: {
          ople: 'GRO',
          oficioNumber: `IEPC/GRO/MTLS/${Date.now() % 10_000}/2026`,
          date: '2026-11-02',
          deliverable: 6,
          versionKind: 'PROYECTO',
          documentKey: `mtls-${Date.now()}`,
        },
      },
      { authorization: `Bearer ${token}` },
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.recordOpleOficio).toMatchObject({
      alreadyRecorded: false,
      document: { status: 'UNDER_REVIEW' },
    });
  });

  it('keeps a workflow and its pending timer across a SIGKILL of the server', async () => {
    const workflowId = `cluster-timer-${Date.now()}`;
    const fireAt = new Date(Date.now() + 10_000).toISOString();
    const handle = await client.workflow.start(TIMER_PROBE_WORKFLOW_TYPE, {
      workflowId,
      taskQueue: DOCUMENTS_TASK_QUEUE,
      args: [{ fireAt }],
    });
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

/**
 * A bare TLS handshake (ALPN h2, as gRPC) to 127.0.0.1:port presenting `certificate` (or none):
 * 'accepted' when the server then speaks (its HTTP/2 SETTINGS), else why it was refused.
 */
function handshake(port: number, tls: ClusterTls, certificate: CertificateFiles | null): Promise<string> {
  return new Promise((resolve) => {
    const socket = tlsConnect({
      host: '127.0.0.1',
      port,
      servername: tls.serverName,
      ca: readFileSync(tls.serverCaFile),
      ...(certificate ? { cert: readFileSync(certificate.cert), key: readFileSync(certificate.key) } : {}),
      ALPNProtocols: ['h2'],
    });
    const done = (outcome: string) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(outcome);
    };
    const timer = setTimeout(() => done('no answer in 5 s'), 5000);
    socket.once('data', () => done('accepted'));
    socket.once('error', (error: NodeJS.ErrnoException) => done(`refused: ${error.code ?? error.message}`));
    socket.once('close', () => done('refused: closed'));
  });
}
