import { randomUUID } from 'node:crypto';
import { FaultLog } from './support/fault-log';
import { operator, settleAndCheck, underLoad } from './support/fault-scenario';
import { FaultStack } from './support/fault-stack';
import { checkInvariants } from './support/invariants';
import { playLives, progressLine } from './support/lifecycles';
import { size, sleep } from './support/scenario';

/**
 * Scenario 1: `kill -9` the worker while 500 documents are in the middle of their second round
 * (the OPLE's new versions and INE's final reviews in flight), start it again, and every document
 * still ends resolved, each oficio recorded once.
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
    // Round 1 for every document: submitted, observed (the ball is with the OPLE).
    await playLives(client, 'WK', documents, { from: 0, to: 1 }, 16, progressLine('round 1'));
    // Round 2 under way; a third of the way in, the worker dies without warning.
    await underLoad(
      stack,
      client,
      { tag: 'WK', documents, concurrency: 16, steps: { from: 2, to: 3 } },
      'kill -9 worker',
      async () => {
        await stack.killWorker(0);
        await sleep(3000);
        await stack.startWorker(0);
      },
    );

    const report = await settleAndCheck(stack, client, {
      name: 'worker killed (SIGKILL) mid-round',
      tag: 'WK',
      documents,
      started,
    });
    expect(report.violations).toEqual([]);
    expect({ stillRunning: report.stillRunning, resolved: report.resolved, oficios: report.oficiosChecked }).toEqual({
      stillRunning: 0,
      resolved: documents,
      oficios: 4 * documents,
    });
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
    expect(report.violations).toHaveLength(9);
  });
});
