import { randomBytes } from 'node:crypto';
import { Tokens } from '@seguimiento/auth';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Client, Connection } from '@temporalio/client';
import type { NativeConnection, Worker } from '@temporalio/worker';
import { startGateway } from '../../apps/gateway/src/bootstrap';
import type { GatewayConfig } from '../../apps/gateway/src/config';
import { createWorker } from '../../apps/worker/src/worker';
import type { RunningTemporal } from '@seguimiento/infra/temporal-server';
import { startTemporalOnFreePort } from './temporal-on-free-port';
import { graphql, type GraphQLResponse } from '@seguimiento/infra/graphql-client';
import type { EscalationNotice } from '@seguimiento/contracts';
import { Projector, openDatabase } from '@seguimiento/persistence';
import { quietTemporalLogs } from './quiet-logs';
import { startTestPostgres } from './test-postgres';

/**
 * The real stack for end-to-end tests: an embedded PostgreSQL in a temporary folder, a Temporal
 * dev server in memory, the worker and the gateway in this process. Every port is picked free at
 * start, so a running `npm start` never collides with a test run.
 */
export interface TestStack {
  databaseUrl: string;
  /** The schema this gateway generated, to compare with the committed one. */
  generatedSchema: string;
  temporalAddress: string;
  graphqlUrl: string;
  db: DataSource;
  temporal: Client;
  /** The projector that keeps the read models (stop it to see what does not wait for them). */
  projector: Projector;
  /** Escalations the worker announced, in order. */
  notices: EscalationNotice[];
  /** A GraphQL request as INE's administrator. */
  gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  /** A GraphQL request with this bearer token (or none). */
  gqlAs<T = Record<string, unknown>>(
    token: string | null,
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphQLResponse<T>>;
  /** Issues tokens signed with this gateway's secret. */
  tokens: Tokens;
  adminToken: string;
  /** The gateway's own connection pool (to count its SQL statements). */
  gatewayDb: DataSource;
  /** The gateway's JSON request log lines. */
  requestLines: string[];
  /** Another gateway on the same PostgreSQL and Temporal, with its own secret and these settings (closed by `stop`). */
  anotherGateway(
    settings?: Partial<GatewayConfig>,
    requestLog?: (line: string) => void,
  ): Promise<{ url: string; tokens: Tokens; app: INestApplication }>;
  stop(): Promise<void>;
}

export async function startTestStack(): Promise<TestStack> {
  quietTemporalLogs();
  const cleanups: Array<() => Promise<unknown>> = [];
  const stop = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch((e) => console.error(e));
  };
  try {
    // Both start at once; if one fails, the other is stopped too (a PostgreSQL left running kept
    // Jest from exiting after a run whose Temporal died at start).
    const [startedPostgres, startedTemporal] = await Promise.allSettled([
      startTestPostgres(),
      startTemporalOnFreePort(),
    ]);
    if (startedPostgres.status === 'fulfilled') cleanups.push(startedPostgres.value.stop);
    if (startedTemporal.status === 'fulfilled') cleanups.push(startedTemporal.value.stop);
    if (startedPostgres.status === 'rejected') throw startedPostgres.reason;
    if (startedTemporal.status === 'rejected') throw startedTemporal.reason;
    const postgres: { url: string; stop(): Promise<void> } = startedPostgres.value;
    const temporalServer: RunningTemporal = startedTemporal.value;

    const db = await openDatabase(postgres.url, { applicationName: 'seguimiento-e2e' });
    cleanups.push(() => db.destroy());

    const workerDb = await openDatabase(postgres.url, { applicationName: 'seguimiento-e2e-worker' });
    const notices: EscalationNotice[] = [];
    const { worker, connection }: { worker: Worker; connection: NativeConnection } = await createWorker({
      connection: { address: temporalServer.address },
      namespace: 'default',
      dataSource: workerDb,
      notifier: { notify: async (notice) => void notices.push(notice) },
    });
    const running = worker.run();
    const projector = new Projector(workerDb, { databaseUrl: postgres.url });
    projector.start();
    cleanups.push(() => projector.stop());
    cleanups.push(async () => {
      worker.shutdown();
      await running;
      await connection.close();
      await workerDb.destroy();
    });

    /** A gateway on this stack's PostgreSQL and Temporal, with a new secret: its app, URL and token issuer. */
    const listen = async (settings: Partial<GatewayConfig>, schemaFile: string, requestLog: (line: string) => void) => {
      const jwtSecret = randomBytes(32).toString('hex');
      const app: INestApplication = await startGateway(
        {
          port: 0,
          host: '127.0.0.1',
          temporalAddress: temporalServer.address,
          namespace: 'default',
          databaseUrl: postgres.url,
          jwtSecret,
          ...settings,
        },
        { schemaFile, logger: false, requestLog },
      );
      cleanups.push(() => app.close());
      return {
        app,
        url: `${(await app.getUrl()).replace('[::1]', '127.0.0.1')}/graphql`,
        tokens: new Tokens(jwtSecret),
      };
    };
    const newSchemaFile = () => join(mkdtempSync(join(tmpdir(), 'seguimiento-schema-')), 'schema.gql');
    const requestLines: string[] = [];
    const generatedSchema = newSchemaFile();
    const { app, url: graphqlUrl, tokens } = await listen({}, generatedSchema, (line) => requestLines.push(line));
    const admin = tokens.issue({ subject: 'admin@ine', role: 'ADMIN', institution: 'INE' });

    const temporal = new Client({ connection: await Connection.connect({ address: temporalServer.address }) });
    cleanups.push(() => temporal.connection.close());

    return {
      databaseUrl: postgres.url,
      generatedSchema,
      temporalAddress: temporalServer.address,
      graphqlUrl,
      db,
      temporal,
      projector,
      notices,
      gql: (query, variables) => graphql(graphqlUrl, query, variables, { authorization: `Bearer ${admin}` }),
      gqlAs: (token, query, variables) =>
        graphql(graphqlUrl, query, variables, token ? { authorization: `Bearer ${token}` } : {}),
      tokens,
      adminToken: admin,
      gatewayDb: app.get(DataSource),
      requestLines,
      anotherGateway: (settings = {}, requestLog = () => undefined) => listen(settings, newSchemaFile(), requestLog),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
