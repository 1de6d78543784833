import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DOCUMENTS_TASK_QUEUE, TIMER_PROBE_WORKFLOW_TYPE } from '@seguimiento/contracts';
import { type BackupManifest, type TemporalStore, restoreBackup, takeBackup } from '@seguimiento/infra/backup/backup';
import { SourceFiles } from '@seguimiento/persistence';
import type { TimerProbeResult } from '../../../workflows/src/timer-probe.workflow';
import { casePatterns, operator, underLoad } from './fault-scenario';
import type { FaultStack, FaultStackOptions } from './fault-stack';
import { checkInvariants } from './invariants';
import { documentLife, lifeLength } from './lifecycles';
import { Ledger } from './oficio-client';
import { recordScenario, sleep, timersFiredIn, waitForQuiet, waitForTimersSet } from './scenario';

/** A topology the drill backs up and restores. */
export interface DrillTopology {
  /** Describes the topology in the test's name and the scenario's figures. */
  name: string;
  /** Oficio numbers and document keys of the drill start with it. */
  tag: string;
  documents: number;
  /** Starts a stack of this topology; `prepare` runs once its PostgreSQL is up, before Temporal. */
  start(prepare?: FaultStackOptions['prepare']): Promise<FaultStack>;
  /** Where the running stack's Temporal keeps its state. */
  temporalStore(stack: FaultStack): TemporalStore;
  /** Where the fresh stack's Temporal will find it (its schema created first, for the full server). */
  restoreTarget(dataDir: string, postgres: { url: string; temporalUrl: string }): Promise<TemporalStore>;
}

/**
 * The backup and restore drill (dev server topology): a backup taken while operators record
 * oficios, restored into a fresh system (new PostgreSQL, new Temporal, new worker and gateway).
 * Every event of the copy and every read model come back, the workflows resume (an open document
 * moves on), timers that fell due between the copy and the restore fire once, nothing is recorded
 * twice; what was recorded after the copy is not in it.
 */
export function backupDrill(topology: DrillTopology): void {
  describe(`backup and restore drill (${topology.name}): a copy taken under load, restored into a fresh system`, () => {
    let source: FaultStack | null = null;
    let restored: FaultStack | null = null;
    const { documents, tag } = topology;
    const work = mkdtempSync(join(tmpdir(), 'seguimiento-backup-'));
    const copy = join(work, 'copia');

    beforeAll(async () => {
      source = await topology.start();
    });
    afterAll(async () => {
      await source?.stop();
      await restored?.stop();
      rmSync(work, { recursive: true, force: true });
    });

    it('brings back every event, read model, workflow and timer of the copy, once', async () => {
      const started = Date.now();
      const stack = source!;
      const client = operator(stack);
      const temporal = await stack.temporalClient();
      let manifest: BackupManifest | null = null;
      let acceptedBefore = new Set<string>();
      let probeIds: string[] = [];
      let lastFireAt = 0;
      await underLoad(stack, client, { tag, documents, concurrency: 8 }, 'backup under load', async () => {
        // Timers set before the copy, due after it and before the restore.
        const now = Date.now();
        probeIds = await Promise.all(
          Array.from({ length: 6 }, async (_, i) => {
            const fireAt = now + 6000 + i * 500;
            lastFireAt = fireAt;
            return (
              await temporal.workflow.start(TIMER_PROBE_WORKFLOW_TYPE, {
                workflowId: `${tag.toLowerCase()}-probe-${now}-${i}`,
                taskQueue: DOCUMENTS_TASK_QUEUE,
                args: [{ fireAt: new Date(fireAt).toISOString() }],
              })
            ).workflowId;
          }),
        );
        await waitForTimersSet(temporal, probeIds);
        // An original file kept with the oficio it yielded: the link names the file by foreign key,
        // so the restore must load the files before the links (it loaded them alphabetically once).
        const original = Buffer.from(`Oficio ${tag}/ORIGINAL/1/2024, de prueba del respaldo`);
        await new SourceFiles(await stack.db()).keep(
          {
            sha256: createHash('sha256').update(original).digest('hex'),
            name: 'oficio.txt',
            mediaType: 'text/plain',
            size: original.length,
            firstSeenBy: 'simulacro',
            ople: 'GRO',
            bytes: original,
          },
          [
            {
              ople: 'GRO',
              oficioNumber: `${tag}/ORIGINAL/1/2024`,
              caseId: `document:GRO:${tag.toLowerCase()}-original`,
            },
          ],
        );
        acceptedBefore = new Set(client.ledger.accepted.keys());
        manifest = await takeBackup({
          databaseUrl: stack.databaseUrl,
          temporal: topology.temporalStore(stack),
          to: copy,
        });
      });
      const taken = manifest!;
      expect(Date.parse(taken.takenAt)).toBeLessThan(lastFireAt);

      // What the source had when the copy was taken, and what it recorded after (which a restore loses).
      const db = await stack.db();
      const before: string[] = (
        await db.query('SELECT event_id FROM events WHERE position <= $1 ORDER BY 1', [taken.lastPosition])
      ).map((r: { event_id: string }) => r.event_id);
      const [{ after }] = await db.query('SELECT count(*)::int AS after FROM events WHERE position > $1', [
        taken.lastPosition,
      ]);
      const acceptedAfter = [...client.ledger.accepted.keys()].filter((n) => !acceptedBefore.has(n));
      await stack.stop();
      source = null;
      await sleep(Math.max(0, lastFireAt + 1000 - Date.now()));

      // A fresh system from the copy: every table's rows back (read models, outbox, users… included)
      // before anything runs on them.
      const restoredAt = Date.now();
      let loaded: Record<string, number> = {};
      restored = await topology.start(async (dataDir, postgres) => {
        await restoreBackup({
          from: copy,
          databaseUrl: postgres.url,
          temporal: await topology.restoreTarget(dataDir, postgres),
        });
        loaded = await rowCounts(
          postgres.url,
          taken.app.tables.map((t) => t.name),
        );
      });
      const again = restored;
      expect(loaded).toEqual(
        Object.fromEntries(taken.app.tables.map((t) => [t.name, t.name === 'migrations' ? loaded.migrations : t.rows])),
      );
      expect(taken.app.tables.find((t) => t.name === 'rm_documents')?.rows).toBeGreaterThan(0);
      expect(taken.app.tables.find((t) => t.name === 'source_file_oficios')?.rows).toBe(1);
      const rdb = await again.db();
      const rtemporal = await again.temporalClient();
      // Every event of the copy, at its position (the restored system appends after it: the work in
      // flight at the copy, retried).
      const back: string[] = (
        await rdb.query('SELECT event_id FROM events WHERE position <= $1 ORDER BY 1', [taken.lastPosition])
      ).map((r: { event_id: string }) => r.event_id);
      expect(back.length).toBe(taken.events);
      expect(back).toEqual(before);

      // Timers that fell due between the copy and the restore fired once each, after the restore.
      const probes: TimerProbeResult[] = await Promise.all(
        probeIds.map((id) => rtemporal.workflow.getHandle(id).result()),
      );
      expect(probes.filter((p) => Date.parse(p.firedAt) < restoredAt)).toEqual([]);
      expect(await Promise.all(probeIds.map((id) => timersFiredIn(rtemporal, id)))).toEqual(probeIds.map(() => 1));

      // Appends in flight at the copy are retried by the restored workflows; wait until none is pending.
      await waitForQuiet(rdb, rtemporal, casePatterns(tag), 'restored workflows');

      // The workflows resumed: open documents observed in the copy move on when the OPLE answers.
      const rclient = operator(again);
      const observed = Array.from({ length: documents }, (_, i) => i)
        .filter((i) => lifeLength(i) === 2 && acceptedBefore.has(String(documentLife(tag, i)[1].input.oficioNumber)))
        .slice(0, 3);
      expect(observed.length).toBeGreaterThan(0);
      for (const i of observed) {
        const answer = documentLife(tag, i, undefined, 3)[2];
        expect((await rclient.record(answer.door, answer.input)).document?.status).toBe('UNDER_REVIEW');
      }

      // The invariants on the restored system, for every oficio accepted before the copy.
      const ledger = new Ledger();
      for (const n of [...acceptedBefore, ...rclient.ledger.accepted.keys()]) ledger.accepted.set(n, 'INE');
      const report = await checkInvariants(rdb, rtemporal, ledger, again.log);
      recordScenario({
        scenario: `backup under load (${topology.name}), restored into a fresh system`,
        faultsInjected: 0,
        seconds: (Date.now() - started) / 1000,
        documents,
        eventsInCopy: taken.events,
        eventsAfterCopyLost: after,
        oficiosAfterCopyLost: acceptedAfter.length,
        timersFiredAfterRestore: probes.length,
        ...report,
      });
      expect(report.violations).toEqual([]);
      expect(report.runningWorkflowsChecked).toBeGreaterThan(0);
      expect(report.oficiosChecked).toBe(acceptedBefore.size + observed.length);
    });
  });
}

/** How many rows each table has, read before the restored system starts. */
async function rowCounts(url: string, tables: string[]): Promise<Record<string, number>> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const counts: Record<string, number> = {};
    for (const t of tables) counts[t] = (await client.query(`SELECT count(*)::int AS n FROM public."${t}"`)).rows[0].n;
    return counts;
  } finally {
    await client.end();
  }
}
