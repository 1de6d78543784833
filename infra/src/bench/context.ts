import { Tokens } from '@seguimiento/auth';
import { Client, Connection } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import { openDatabase, waitForPosition } from '@seguimiento/persistence';
import { graphql } from '../graphql-client';
import type { BenchStack } from './bench-stack';

/** One figure of the benchmark: its value beside the raw baseline measured in the same run. */
export interface Figure {
  name: string;
  unit: string;
  value: number | null;
  baseline: number | null;
  /** value / baseline (for times: how many times slower; for rates: the fraction achieved). */
  ratio: number | null;
  dataset: string;
  /** Other numbers worth keeping (percentiles, counts). */
  details: Record<string, unknown>;
  /**
   * Why the figure cannot be trusted (its baseline returned another payload, mutations answered
   * before the read models had their events): a figure with any is failed, whatever its value.
   */
  failures?: string[];
}

export interface BenchContext {
  stack: BenchStack;
  db: DataSource;
  temporal: Client;
  token: string;
  log(line: string): void;
  /** A GraphQL call as INE's administrator; throws on errors. */
  gql<T>(query: string, variables?: Record<string, unknown>): Promise<T>;
  close(): Promise<void>;
}

export async function benchContext(stack: BenchStack, log: (line: string) => void): Promise<BenchContext> {
  const db = await openDatabase(stack.databaseUrl, { applicationName: 'seguimiento-bench', poolSize: 40 });
  const temporal = new Client({ connection: await Connection.connect({ address: stack.temporalAddress, tls: stack.temporalTls }) });
  const token = new Tokens(stack.jwtSecret).issue({ subject: 'bench@ine', role: 'ADMIN', institution: 'INE' }, '2h');
  return {
    stack,
    db,
    temporal,
    token,
    log,
    async gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
      const answer = await graphql<T>(stack.graphqlUrl, query, variables, { authorization: `Bearer ${token}` });
      if (answer.errors?.length) throw new Error(`GraphQL: ${answer.errors[0].extensions?.code ?? ''} ${answer.errors[0].message}`);
      return answer.data as T;
    },
    async close() {
      await temporal.connection.close();
      await db.destroy();
    },
  };
}

export const ratio = (value: number | null, baseline: number | null): number | null =>
  value === null || baseline === null || baseline === 0 ? null : Math.round((value / baseline) * 100) / 100;

/** A progress line on stderr, rewritten in place: "label: done/total". */
export function progress(log: (line: string) => void, label: string, total: number): (done: number) => void {
  let last = 0;
  return (done) => {
    const now = Date.now();
    if (done === total || now - last > 1000) {
      last = now;
      log(`  ${label}: ${done}/${total}`);
    }
  };
}

/** Waits until the projector has folded every event in the log. */
export async function caughtUp(db: DataSource, timeoutMs = 600_000): Promise<void> {
  const [{ max }] = await db.query('SELECT coalesce(max(position), 0)::text AS max FROM events');
  if (!(await waitForPosition(db, max, timeoutMs))) throw new Error('the projector did not catch up in time');
}

