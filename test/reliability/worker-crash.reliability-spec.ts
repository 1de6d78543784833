import { randomUUID } from 'node:crypto';
import { DOCUMENTS_TASK_QUEUE, TIMER_PROBE_WORKFLOW_TYPE } from '@seguimiento/contracts';
import { OPLES } from '@seguimiento/domain';
import type { TimerProbeResult } from '../../workflows/src/timer-probe.workflow';
import { FaultLog } from './support/fault-log';
import { expectSettled, openCasesFor, operator, settleAndCheck, underLoad } from './support/fault-scenario';
import { FaultStack } from './support/fault-stack';
import { checkInvariants } from './support/invariants';
import { oficiosOf, playLives, progressLine } from './support/lifecycles';
import { size, sleep, timersFiredIn, waitForTimersSet } from './support/scenario';

/**
 * Scenario 1: `kill -9` the worker while 500 documents are in the middle of their second round
 * (the OPLE's new versions and INE's final reviews in flight), start it again, and every document
 * whose life ends resolved is resolved, every open one still runs, each oficio recorded once. Durable
 * timers set before the kill fall due while the worker is down: each fires after it is back, once.
 */
describe('scenario 1: the worker killed with SIGKILL while 500 documents are mid-round', () => {
  let stack: FaultStack;
  const documents = size('RELIABILITY_DOCUMENTS', 500);

  beforeAll(async () => {
    stack = await FaultStack.start({ workers: 1, gateways: 1 });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('restarts the worker and every document finishes, with every invariant kept', async () => {
    const started = Date.now();
    const client = operator(stack);
    const temporal = await stack.temporalClient();
    // Round 1 for every document: submitted, observed (the ball is with the OPLE).
    await playLives(client, 'WK', documents, { from: 0, to: 1 }, 16, progressLine('round 1'));
    // Round 2 under way; a third of the way in, the worker dies without warning, while timers
    // it had set fall due.
    const down = { from: 0, to: 0 };
    let probeIds: string[] = [];
    await underLoad(
      stack,
      client,
      { tag: 'WK', documents, concurrency: 16, steps: { from: 2, to: 3 } },
      'kill -9 worker',
      async () => {
        const now = Date.now();
        probeIds = await Promise.all(
          Array.from({ length: 8 }, async (_, i) => {
            const probe = await temporal.workflow.start(TIMER_PROBE_WORKFLOW_TYPE, {
              workflowId: `wk-probe-${now}-${i}`,
              taskQueue: DOCUMENTS_TASK_QUEUE,
              args: [{ fireAt: new Date(now + 4000 + i * 250).toISOString() }],
            });
            return probe.workflowId;
          }),
        );
        await waitForTimersSet(temporal, probeIds);
        down.from = Date.now();
        await stack.killWorker(0);
        await sleep(Math.max(3000, now + 4000 + 8 * 250 + 1000 - Date.now()));
        down.to = Date.now();
        await stack.startWorker(0);
      },
    );
    const probes: TimerProbeResult[] = await Promise.all(
      probeIds.map((id) => temporal.workflow.getHandle(id).result()),
    );
    const timersFired = await Promise.all(probeIds.map((id) => timersFiredIn(temporal, id)));

    const report = await settleAndCheck(stack, client, {
      name: 'worker killed (SIGKILL) mid-round',
      tag: 'WK',
      documents,
      started,
      extra: { timersDueWhileWorkerDown: probes.filter((p) => Date.parse(p.fireAt) >= down.from).length },
    });
    expect(report.violations).toEqual([]);
    expectSettled(report);
    expect(report.oficiosChecked).toBe(oficiosOf(documents) + 2 * openCasesFor(documents));
    // Every timer fell due while the worker was down, and fired once, after it was back.
    expect(probes).toHaveLength(8);
    expect(probes.filter((p) => Date.parse(p.fireAt) < down.from || Date.parse(p.fireAt) > down.to)).toEqual([]);
    expect(probes.filter((p) => Date.parse(p.firedAt) < down.to)).toEqual([]);
    expect(timersFired).toEqual(probeIds.map(() => 1));
  });

  it('the invariants catch each kind of damage they guard against', async () => {
    const db = await stack.db();
    const temporal = await stack.temporalClient();
    const client = operator(stack);
    // A lost oficio: the client was told it was accepted, the store never got it.
    client.ledger.accepted.set('INE/UTSI/PERDIDO/1/2026', 'INE');
    // A duplicate, a gap and an escalation fired twice, appended behind the workflows' backs.
    const append = (stream: string, version: number, type: string, data: object) =>
      db.query(
        'INSERT INTO events (event_id, stream_id, stream_version, type, data, occurred_at) VALUES ($1, $2, $3, $4, $5, now())',
        [randomUUID(), stream, version, type, data],
      );
    await append('dano:duplicado', 1, 'IneAnswerRecorded', { oficioNumber: 'INE/UTSI/DANO/1/2026' });
    await append('dano:duplicado', 2, 'IneAnswerRecorded', { oficioNumber: 'INE/UTSI/DANO/1/2026' });
    const escalation = {
      step: 'OVERDUE',
      key: 'x:OPLE:2026-01-01:OVERDUE',
      deadline: { party: 'OPLE', kind: 'ANSWER', dueDate: '2026-01-01', dueAt: '2026-01-02T06:00:00Z' },
    };
    await append('dano:hueco', 1, 'EscalationRaised', escalation);
    await append('dano:hueco', 3, 'EscalationRaised', escalation);
    // An accepted oficio recorded by the same kind of event in two streams (each stream alone looks fine).
    client.ledger.accepted.set('INE/UTSI/DANO/2/2026', 'INE');
    await append('dano:uno', 1, 'IneAnswerRecorded', { oficioNumber: 'INE/UTSI/DANO/2/2026' });
    await append('dano:dos', 1, 'IneAnswerRecorded', { oficioNumber: 'INE/UTSI/DANO/2/2026' });
    // A case in the store whose workflow never existed (invariant 4).
    // (A copy of a finished document's events under another id: valid events, which the projector
    // reads like any others, and no workflow of that id.)
    await db.query(
      `INSERT INTO events (event_id, stream_id, stream_version, type, data, occurred_at)
       SELECT gen_random_uuid(), 'document:BCN:dano-sin-flujo', stream_version, type,
              replace(data::text, 'wk-1', 'dano-sin-flujo')::jsonb, occurred_at
       FROM events WHERE stream_id = 'document:BCN:wk-1' ORDER BY stream_version`,
    );
    // A read model that drifted from the log — and says open a document whose workflow has ended (invariant 4).
    await db.query(`UPDATE rm_documents SET title = 'alterado', status = 'OBSERVED' WHERE id = 'document:BCN:wk-1'`);
    // An open document (wk-4, OBSERVED) whose stream moved on behind its running workflow's back:
    // a copy of its escalation under another key, one version past the workflow's.
    const behind = `document:${OPLES[4].id}:wk-4`;
    const [last] = await db.query(
      `SELECT stream_version AS v, data FROM events WHERE stream_id = $1 AND type = 'EscalationRaised' ORDER BY stream_version DESC LIMIT 1`,
      [behind],
    );
    const [{ top }] = await db.query('SELECT max(stream_version)::int AS top FROM events WHERE stream_id = $1', [
      behind,
    ]);
    await append(behind, top + 1, 'EscalationRaised', { ...last.data, key: `${String(last.data.key)}:copia` });
    // An error no fault explains.
    const log = new FaultLog();
    log.line('gateway-1', '{"level":"error","msg":"unexpected error"}');

    const report = await checkInvariants(db, temporal, client.ledger, log);
    const said = report.violations.join('\n');
    expect(said).toMatch(/1 accepted oficios are not in the event store: INE\/UTSI\/PERDIDO\/1\/2026/);
    expect(said).toMatch(/INE\/UTSI\/DANO\/1\/2026 in dano:duplicado ×2/);
    expect(said).toMatch(/dano:hueco \(2 events, last version 3\)/);
    expect(said).toMatch(/dano:hueco x:OPLE:2026-01-01:OVERDUE ×2/);
    expect(said).toMatch(/rm_documents differs from its rebuild/);
    expect(said).toMatch(
      /1 accepted oficios are recorded in more than one stream: INE\/UTSI\/DANO\/2\/2026 \(IneAnswerRecorded\) in dano:(uno and dano:dos|dos and dano:uno)/,
    );
    expect(said).toMatch(/1 cases in the event store have no workflow: document:BCN:dano-sin-flujo/);
    expect(said).toMatch(/1 open documents have no running workflow: document:BCN:wk-1/);
    expect(said).toMatch(/errors outside any injected fault:[\s\S]*unexpected error/);
    expect(said).toContain(`${behind}: the workflow is at version ${top}, its stream at ${top + 1}`);
    expect(report.violations).toHaveLength(10);
    // Invariant 4 inspected the open cases' workflows, not an empty set.
    expect(report.runningWorkflowsChecked).toBeGreaterThanOrEqual(documents / 3);
  });
});
