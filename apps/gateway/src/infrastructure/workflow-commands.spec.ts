import { WorkflowNotFoundError } from '@temporalio/common';
import type { Client } from '@temporalio/client';
import { defineUpdate } from '@temporalio/workflow';
import type { Metrics } from '../observability/metrics';
import { CaseClosed, Unavailable } from '@seguimiento/application';
import { WorkflowCommands } from './workflow-commands';

const update = defineUpdate<string, [object]>('prueba');
const target = { workflowType: 'documentWorkflow', workflowId: 'document:GRO:e6-proyecto', startArgs: [] };

/** A Temporal client whose update answers are scripted, and whose workflow is RUNNING or COMPLETED. */
function fakeTemporal(answers: Array<() => Promise<string>>, status: 'RUNNING' | 'COMPLETED' | 'NONE') {
  let sent = 0;
  const answer = () => answers[Math.min(sent++, answers.length - 1)]();
  const handle = {
    executeUpdate: answer,
    describe: async () => {
      if (status === 'NONE') throw new WorkflowNotFoundError('not found', target.workflowId, undefined);
      return { status: { name: status } };
    },
  };
  return {
    client: { workflow: { getHandle: () => handle, executeUpdateWithStart: answer } } as unknown as Client,
    sent: () => sent,
  };
}
const lost = () => Promise.reject(new WorkflowNotFoundError('update not found', target.workflowId, undefined));
const metrics = {
  workflowStarts: { inc: () => undefined },
  caseCommandSeconds: { startTimer: () => () => undefined },
} as unknown as Metrics;

describe('WorkflowCommands', () => {
  it('sends again an update the server lost while the workflow still runs', async () => {
    const temporal = fakeTemporal([lost, async () => 'hecho'], 'RUNNING');
    await expect(new WorkflowCommands(temporal.client, metrics).send(target, update, {}, false, 'op')).resolves.toBe(
      'hecho',
    );
    expect(temporal.sent()).toBe(2);
  });

  it('says the service is unavailable (retry) when the running workflow keeps losing it', async () => {
    const temporal = fakeTemporal([lost], 'RUNNING');
    await expect(
      new WorkflowCommands(temporal.client, metrics).send(target, update, {}, false, 'op'),
    ).rejects.toBeInstanceOf(Unavailable);
    expect(temporal.sent()).toBe(3);
  });

  it('reports a closed or unknown case as closed, without sending again', async () => {
    for (const status of ['COMPLETED', 'NONE'] as const) {
      const temporal = fakeTemporal([lost], status);
      await expect(
        new WorkflowCommands(temporal.client, metrics).send(target, update, {}, false, 'op'),
      ).rejects.toBeInstanceOf(CaseClosed);
      expect(temporal.sent()).toBe(1);
    }
  });

  it('sends again a command that may open the case when no workflow exists (its start was lost), and never reports it closed', async () => {
    const temporal = fakeTemporal([lost, async () => 'abierto'], 'NONE');
    await expect(new WorkflowCommands(temporal.client, metrics).send(target, update, {}, true, 'op')).resolves.toBe(
      'abierto',
    );
    expect(temporal.sent()).toBe(2);
    const stillLost = fakeTemporal([lost], 'NONE');
    await expect(
      new WorkflowCommands(stillLost.client, metrics).send(target, update, {}, true, 'op'),
    ).rejects.toBeInstanceOf(Unavailable);
  });

  it('reports a closed case as closed even to a command that may open one', async () => {
    const temporal = fakeTemporal([lost], 'COMPLETED');
    await expect(
      new WorkflowCommands(temporal.client, metrics).send(target, update, {}, true, 'op'),
    ).rejects.toBeInstanceOf(CaseClosed);
    expect(temporal.sent()).toBe(1);
  });
});
