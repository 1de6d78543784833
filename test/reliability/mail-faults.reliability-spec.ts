import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { OPLES } from '@seguimiento/domain';
import { repoRoot } from '@seguimiento/runtime';
import { type TestSmtp, startTestSmtp } from '../support/smtp-catcher';
import { waitFor } from '../support/wait-for';
import { expectSettled, operator, settleAndCheck, underLoad } from './support/fault-scenario';
import { FaultStack } from './support/fault-stack';
import { type OutboxRowSeen, mailExactlyOnce } from './support/invariant-rules';
import { size, sleep } from './support/scenario';
import { messageIdOf } from '../../apps/worker/src/mail/outbox-sender';

/** What the outbox holds now: rows waiting, waiting after the server refused them, sent. */
async function outboxNow(db: DataSource): Promise<{ rows: number; pending: number; refused: number; sent: number }> {
  const [figures] = await db.query(
    `SELECT count(*)::int AS rows,
            count(*) FILTER (WHERE status = 'PENDING')::int AS pending,
            count(*) FILTER (WHERE status = 'PENDING' AND attempts > 0 AND last_error IS NOT NULL)::int AS refused,
            count(*) FILTER (WHERE status = 'SENT')::int AS sent
     FROM outbox`,
  );
  return figures;
}

/** The outbox as supervisors see it (GraphQL mailDeliveries), through the gateway. */
async function mailDeliveries(
  stack: FaultStack,
  status: string,
): Promise<Array<{ messageId: string; status: string; attempts: number; lastError: string | null }>> {
  const response = await fetch(stack.graphqlUrls[0], {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${stack.adminToken}` },
    body: JSON.stringify({
      query: 'query ($s: String) { mailDeliveries(status: $s) { messageId status attempts lastError } }',
      variables: { s: status },
    }),
  });
  const body = (await response.json()) as { data?: { mailDeliveries: never[] }; errors?: unknown[] };
  if (!body.data) throw new Error(`mailDeliveries: ${JSON.stringify(body.errors)}`);
  return body.data.mailDeliveries;
}

/**
 * Scenario 8: the mail of escalations and deadlines through a real SMTP server on loopback (the
 * catcher) that answers 451 to every message for a minute (RELIABILITY_SMTP_REFUSAL_SECONDS),
 * while the load writes their outbox rows with the events that cause them. The worker is killed
 * with SIGKILL twice: while the server refuses, with messages committed and not sent (between
 * the event and the send); and, once the server accepts again, at the moment the server has kept
 * a message and not yet answered 250 — the message is delivered and its rows are not marked
 * sent. Then every message the outbox holds is SENT and reached the server once by its
 * Message-ID, none lost; the one message put in doubt is sent again with the same Message-ID,
 * which the table counts as duplicated (SMTP cannot tell the sender what it never heard).
 */
describe('scenario 8: mail through an SMTP server that refuses for a minute, the worker killed twice', () => {
  let stack: FaultStack;
  let smtp: TestSmtp;
  let dir: string;
  const documents = size('RELIABILITY_MAIL_DOCUMENTS', size('RELIABILITY_DOCUMENTS', 36));
  const refusalMs = size('RELIABILITY_SMTP_REFUSAL_SECONDS', 60) * 1000;

  beforeAll(async () => {
    smtp = await startTestSmtp();
    smtp.refuseWith({ code: 451, message: 'servicio no disponible temporalmente, intente más tarde' });
    // The demo directory without its quiet hours, so what is due goes out whatever the hour of the
    // run, and with every rung's person (told at once) for each OPLE it lacks, so each document's
    // deadlines and escalations and each reminder's items (one message of several rows) are mailed.
    dir = mkdtempSync(join(tmpdir(), 'seguimiento-mail-faults-'));
    const directory = JSON.parse(readFileSync(join(repoRoot(), 'config', 'directory.json'), 'utf8')) as {
      contacts: Array<{ institution: string }>;
    };
    const listed = new Set(directory.contacts.map((c) => c.institution));
    const more = OPLES.filter((o) => !listed.has(o.id)).flatMap((o) =>
      (['RESPONSABLE', 'AREA_RESPONSABLE', 'SECRETARIA_TECNICA', 'COMISION'] as const).map((role) => ({
        institution: o.id,
        role,
        email: `${role.toLowerCase()}.${o.id.toLowerCase()}@example.org`,
        name: `${role} del PREP, ${o.id}`,
        preference: 'IMMEDIATE',
      })),
    );
    writeFileSync(
      join(dir, 'directory.json'),
      JSON.stringify({ ...directory, institutions: {}, contacts: [...directory.contacts, ...more] }),
    );
    stack = await FaultStack.start({
      workers: 1,
      gateways: 1,
      workerEnv: { SMTP_URL: smtp.url, SEGUIMIENTO_DIRECTORY_FILE: join(dir, 'directory.json') },
    });
  });
  afterAll(async () => {
    await stack?.stop();
    await smtp?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('delivers every message of the outbox once, by its Message-ID, after the refusals and both kills', async () => {
    const started = Date.now();
    const client = operator(stack);
    const db = await stack.db();

    // 1. The load, with the server refusing; a third of the way in, the worker dies while
    //    messages are committed with their events, refused at least once, and not sent.
    let atFirstKill = { rows: 0, pending: 0, refused: 0, sent: 0 };
    await underLoad(
      stack,
      client,
      { tag: 'ML', documents, concurrency: 8 },
      'kill -9 worker while SMTP refuses, mail pending',
      async () => {
        await waitFor(async () => (await outboxNow(db)).refused > 0, 60_000);
        atFirstKill = await outboxNow(db);
        await stack.killWorker(0);
        await sleep(2000);
        await stack.startWorker(0);
      },
    );
    expect(atFirstKill.refused).toBeGreaterThan(0);
    expect(atFirstKill.sent).toBe(0);

    // 2. While the server refuses, supervisors see the messages waiting with the server's answer.
    const waiting = await mailDeliveries(stack, 'PENDING');
    const seenRefused = waiting.filter((m) => m.attempts > 0 && /451/.test(m.lastError ?? ''));
    expect(seenRefused.length).toBeGreaterThan(0);
    expect(await mailDeliveries(stack, 'SENT')).toEqual([]);
    expect(smtp.received()).toEqual([]);
    const refusedRows: Array<{ id: string }> = await db.query(
      `SELECT id::text FROM outbox WHERE status = 'PENDING' AND attempts > 0 AND last_error LIKE '%451%'`,
    );

    // 3. The server accepts again after its minute; the first message it keeps, the worker dies
    //    before the server's 250 reaches it: delivered, and its rows still PENDING.
    await sleep(Math.max(0, started + refusalMs - Date.now()));
    const refusedForMs = Date.now() - started;
    const inDoubt: string[] = [];
    await stack.log.fault('kill -9 worker after the SMTP server kept a message, before its 250', async () => {
      const cut = new Promise<void>((resolve) =>
        smtp.afterStored(async (mail) => {
          smtp.afterStored(null);
          inDoubt.push(String(mail.messageId));
          await stack.killWorker(0);
          resolve();
        }),
      );
      smtp.refuseWith(null);
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        cut,
        new Promise<never>((_, reject) => {
          timer = setTimeout(
            () => reject(new Error('no message reached the SMTP server within 180 s of its accepting again')),
            180_000,
          );
        }),
      ]).finally(() => clearTimeout(timer));
      // The message the server kept is still PENDING in the outbox: its rows' Message-ID is it.
      const batches: Array<{ keys: string[] }> = await db.query(
        `SELECT array_agg(cause_key) AS keys FROM outbox WHERE status = 'PENDING' AND batch_id IS NOT NULL GROUP BY batch_id`,
      );
      expect(batches.map((b) => messageIdOf(b.keys.map((causeKey) => ({ causeKey }))))).toContain(inDoubt[0]);
      await stack.startWorker(0);
    });

    // 4. Everything goes out: the back-off's next attempts, the grouped messages after their window.
    await waitFor(async () => (await outboxNow(db)).pending === 0, 180_000);
    const outbox: OutboxRowSeen[] = await db.query(
      `SELECT cause_key AS "causeKey", status, message_id AS "messageId" FROM outbox ORDER BY id`,
    );
    const mail = mailExactlyOnce(outbox, smtp.received(), inDoubt);
    const kinds: Array<{ kind: string; messages: number; rows: number }> = await db.query(
      `SELECT kind, count(DISTINCT message_id)::int AS messages, count(*)::int AS rows FROM outbox GROUP BY kind ORDER BY kind`,
    );
    const [refusedThenSent] = await db.query(
      `SELECT count(*) FILTER (WHERE status = 'SENT' AND attempts > 1)::int AS sent, count(*)::int AS all
       FROM outbox WHERE id = ANY($1::bigint[])`,
      [refusedRows.map((r) => r.id)],
    );

    const report = await settleAndCheck(stack, client, {
      name: `SMTP refusing (451) ${Math.round(refusedForMs / 1000)} s, worker killed (SIGKILL) with mail pending and after the server kept a message`,
      tag: 'ML',
      documents,
      started,
      extra: {
        faultsInjected: stack.log.faults.length + 1,
        mailsExpected: mail.expected,
        mailsDelivered: mail.delivered,
        mailsLost: mail.lost.length,
        mailsDuplicated: mail.duplicated,
        mailsResentInDoubt: mail.resentInDoubt,
        outboxRows: outbox.length,
        mailsRefusedSeen: seenRefused.length,
        rowsPendingAtFirstKill: atFirstKill.pending,
        mailKinds: Object.fromEntries(kinds.map((k) => [k.kind, k.messages])),
      },
    });
    process.stderr.write(
      `\n  | mails expected | delivered | lost | duplicated (re-sent in doubt, same Message-ID) | refused while SMTP refused (seen in mailDeliveries) |\n` +
        `  |---|---|---|---|---|\n` +
        `  | ${mail.expected} | ${mail.delivered} | ${mail.lost.length} | ${mail.duplicated} (${mail.resentInDoubt}) | ${seenRefused.length} |\n\n`,
    );
    expect(mail.violations).toEqual([]);
    expect(report.violations).toEqual([]);
    expectSettled(report);
    expect(mail).toMatchObject({ delivered: mail.expected, lost: [] });
    // Messages of one row and messages of several (a reminder's items) were both among them.
    expect(kinds.find((k) => k.kind === 'REMINDER_ITEMS' && k.rows > k.messages)).toBeDefined();
    expect(kinds.filter((k) => ['DEADLINE', 'ESCALATION', 'IMPORT_SUMMARY'].includes(k.kind)).length).toBeGreaterThan(
      1,
    );
    // The one message the second kill put in doubt went out again, with the same Message-ID, once.
    expect(inDoubt).toHaveLength(1);
    expect(mail.resentInDoubt).toBe(1);
    // Every row the server refused while it refused was sent once it accepted again.
    expect(refusedThenSent).toEqual({ sent: refusedRows.length, all: refusedRows.length });
  });
});
