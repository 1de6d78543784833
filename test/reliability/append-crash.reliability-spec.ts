import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { clusterOnPostgres } from './support/cluster-temporal';
import { operator } from './support/fault-scenario';
import { FaultStack, type FaultStackOptions } from './support/fault-stack';
import { checkInvariants } from './support/invariants';
import { documentLife } from './support/lifecycles';
import type { Recorded } from './support/oficio-client';

const SERVERS: Array<{ server: string; temporal: FaultStackOptions['temporal'] }> = [
  { server: 'the dev server', temporal: undefined },
  { server: 'the full Temporal server on PostgreSQL', temporal: clusterOnPostgres },
];

/**
 * Issue 19's correctness constraint. A command's events are appended inside the workflow task that
 * decided them (a local activity). The worker is killed with SIGKILL exactly after the append has
 * committed and before that workflow task completed (its fault hook, SEGUIMIENTO_FAULT_KILL_AFTER_APPEND,
 * writes what it appended and kills the process); then a new worker takes the task again. The
 * retried decision must write nothing different: the stream holds the killed task's events, each
 * once, under the same ids, the operator gets the answer (or retries cleanly), the workflow's state
 * is the stream's and the case goes on. On both servers.
 */
describe.each(SERVERS)(
  '$server: a worker killed between the append and the end of its workflow task',
  ({ temporal }) => {
    let stack: FaultStack;

    beforeAll(
      async () => {
        stack = await FaultStack.start({ workers: 1, gateways: 1, ...(temporal ? { temporal } : {}) });
      },
      45 * 60_000, // the full server's first run builds it from the Go module proxy
    );
    afterAll(async () => {
      await stack?.stop();
    });

    it('retries the decision, writes nothing twice or different, and answers the operator', async () => {
      const db = await stack.db();
      const temporalClient = await stack.temporalClient();
      const client = operator(stack);
      const marker = join(stack.dataDir, 'killed-after-append.json');
      const [submission, review] = documentLife('AK', 0);

      const answered = await stack.log.fault(
        'worker killed after the append, before its workflow task completed',
        async () => {
          await stack.killWorker(0);
          await stack.startWorker(0, { SEGUIMIENTO_FAULT_KILL_AFTER_APPEND: marker });
          const answer: Promise<Recorded> = client.record(submission.door, submission.input);
          await stack.workerExited(0);
          const killed = JSON.parse(readFileSync(marker, 'utf8')) as { streamId: string; eventIds: string[] };
          // The append committed before the kill: its events are in the stream already.
          const committed = await eventIdsOf(killed.streamId);
          expect(killed.eventIds.length).toBeGreaterThan(0);
          expect(committed).toEqual(killed.eventIds);
          await stack.startWorker(0);
          return { killed, recorded: await answer };
        },
      );

      const { killed, recorded } = answered;
      expect(recorded.document).toEqual({ id: killed.streamId, status: 'UNDER_REVIEW' });
      // The retried decision found its events under the same ids: each once, nothing else at their versions.
      const stream = await eventIdsOf(killed.streamId);
      expect(stream.slice(0, killed.eventIds.length)).toEqual(killed.eventIds);
      expect(new Set(stream).size).toBe(stream.length);
      const [{ submissions }] = await db.query(
        `SELECT count(*)::int AS submissions FROM events WHERE stream_id = $1 AND type = 'DocumentSubmitted'`,
        [killed.streamId],
      );
      expect(submissions).toBe(1);

      // The case goes on from the stream's version: INE's review is recorded at the next versions
      // (a workflow whose state missed the killed task's events would conflict here), and invariant 4
      // finds the workflow's state equal to the stream's.
      const next = await client.record(review.door, review.input);
      expect(next.document?.status).toBe(review.expect);

      const report = await checkInvariants(db, temporalClient, client.ledger, stack.log);
      expect(report.violations).toEqual([]);
      expect(report.oficiosChecked).toBe(2);
    });

    async function eventIdsOf(streamId: string): Promise<string[]> {
      const rows: Array<{ event_id: string }> = await (
        await stack.db()
      ).query('SELECT event_id FROM events WHERE stream_id = $1 ORDER BY stream_version', [streamId]);
      return rows.map((r) => r.event_id);
    }
  },
);
