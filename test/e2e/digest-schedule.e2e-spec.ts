import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { DIGEST_WORKFLOW_TYPE, type DigestActivities } from '@seguimiento/contracts';
import type { RunningTemporal } from '@seguimiento/infra/temporal-server';
import { startTemporalOnFreePort } from '../support/temporal-on-free-port';
import { ensureDigestSchedule } from '../../apps/worker/src/mail/digest-schedule';
import { withWorkspaceAliases, workflowsPath } from '../../apps/worker/src/workflow-bundling';
import { quietTemporalLogs } from '../support/quiet-logs';
import { waitFor } from '../support/wait-for';

/**
 * The daily digest runs on a Temporal Schedule, not a timer in a process (issue 18, item 3): the
 * worker creates it at start-up if absent (a second start finds it), at 08:00 America/Mexico_City,
 * and what it starts is digestWorkflow, whose activity composes the day's digest.
 */
describe('the daily digest’s Temporal Schedule', () => {
  let server: RunningTemporal;
  let client: Client;

  beforeAll(async () => {
    quietTemporalLogs();
    server = await startTemporalOnFreePort();
    client = new Client({ connection: await Connection.connect({ address: server.address }) });
  });
  afterAll(async () => {
    await client?.connection.close();
    await server?.stop();
  });

  it('is created once, at 08:00 Mexico City, and a run of it composes the digest of its day', async () => {
    const taskQueue = `digest-${randomUUID()}`;
    const scheduleId = `digest-${randomUUID()}`;
    expect(await ensureDigestSchedule(client, taskQueue, scheduleId)).toBe('created');
    expect(await ensureDigestSchedule(client, taskQueue, scheduleId)).toBe('exists');
    const handle = client.schedule.getHandle(scheduleId);
    const described = await handle.describe();
    expect(described.spec.timezone).toBe('America/Mexico_City');
    expect(described.spec.calendars).toEqual([
      expect.objectContaining({ hour: [{ start: 8, end: 8, step: 1 }], minute: [{ start: 0, end: 0, step: 1 }] }),
    ]);
    expect(described.action).toMatchObject({ type: 'startWorkflow', workflowType: DIGEST_WORKFLOW_TYPE, taskQueue });

    // Trigger it now (as 08:00 would): the workflow asks its activity for the digest of today.
    const calls: Array<{ date: string | null; at: string }> = [];
    const activities: DigestActivities = {
      composeDailyDigest: async (input) => {
        calls.push(input);
        return { date: '2026-01-01', written: 0, withNews: 0, skipped: 0 };
      },
    };
    const connection = await NativeConnection.connect({ address: server.address });
    const worker = await Worker.create({
      connection,
      taskQueue,
      workflowsPath: workflowsPath(),
      bundlerOptions: { webpackConfigHook: withWorkspaceAliases },
      activities,
    });
    await worker.runUntil(async () => {
      await handle.trigger();
      await waitFor(async () => calls.length === 1);
    });
    await connection.close();
    expect(calls).toEqual([{ date: null, at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/) }]);
    await handle.delete();
  });
});
