import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WithStartWorkflowOperation } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import type { NativeConnection, Worker } from '@temporalio/worker';
import { createTransport } from 'nodemailer';
import type { DataSource } from 'typeorm';
import {
  DIGEST_WORKFLOW_TYPE,
  DOCUMENT_WORKFLOW_TYPE,
  type DigestResult,
  expectDocumentUpdate,
} from '@seguimiento/contracts';
import { DEFAULT_POLICY, addCountedDays, localDateOf } from '@seguimiento/domain';
import { ensureTemporalTestServer } from '@seguimiento/infra/temporal-test-server';
import {
  DirectoryWriter,
  EventStore,
  OutboxQueue,
  Projector,
  mailDeliveries,
  markBounced,
  openDatabase,
} from '@seguimiento/persistence';
import { DateTime } from 'luxon';
import { OutboxSender, type SenderOptions, messageIdOf } from '../../apps/worker/src/mail/outbox-sender';
import { createWorker } from '../../apps/worker/src/worker';
import { quietTemporalLogs } from '../support/quiet-logs';
import { type TestSmtp, startTestSmtp } from '../support/smtp-catcher';
import { startTestPostgres } from '../support/test-postgres';

/**
 * Mail against a real SMTP server on loopback (issue 18): the outbox written with the events, the
 * sender, the per-day rule, the import summary, and an SMTP server that refuses for a while.
 */
describe('mail: outbox, sender and a real SMTP server', () => {
  let env: TestWorkflowEnvironment;
  let pg: { url: string; stop(): Promise<void> };
  let db: DataSource;
  let smtp: TestSmtp;
  let worker: { worker: Worker; running: Promise<void> };
  const taskQueue = `mail-${randomUUID()}`;

  /** A sender whose clock is past the grouping window (grouped rows wait a minute for their group). */
  const sender = (options: Partial<SenderOptions> = {}, transport = createTransport(smtp.url)) =>
    new OutboxSender(new OutboxQueue(db), transport, {
      consoleUrl: 'https://consola.example.org',
      from: 'Seguimiento PREP <seguimiento@example.org>',
      baseDelayMs: 10,
      now: () => new Date(Date.now() + 5 * 60_000),
      ...options,
    });
  const to = (address: string) => smtp.received().filter((m) => m.to.includes(address));
  const BOUNCES = 'rebotes@seguimiento.example.org';

  beforeAll(async () => {
    quietTemporalLogs();
    const [server, postgres, catcher] = await Promise.all([
      ensureTemporalTestServer(),
      startTestPostgres(),
      startTestSmtp({
        bounceAddress: BOUNCES,
        onBounce: async (messageId, reason) => void (await markBounced(db.manager, messageId, reason)),
      }),
    ]);
    pg = postgres;
    smtp = catcher;
    env = await TestWorkflowEnvironment.createTimeSkipping({
      server: { executable: { type: 'existing-path', path: server } },
    });
    db = await openDatabase(pg.url);
    const file = join(tmpdir(), `directory-${randomUUID()}.json`);
    const person = (institution: string, role: string, email: string, preference = 'IMMEDIATE') => ({
      institution,
      role,
      email,
      name: `Persona ${email}`,
      preference,
    });
    writeFileSync(
      file,
      JSON.stringify({
        contacts: [
          person('GRO', 'RESPONSABLE', 'resp@example.org'),
          person('GRO', 'AREA_RESPONSABLE', 'area@example.org'),
          person('GRO', 'SECRETARIA_TECNICA', 'st@example.org'),
          person('GRO', 'COMISION', 'com@example.org'),
          person('GRO', 'COMISION', 'solo-resumen@example.org', 'DIGEST'),
          person('MEX', 'AREA_RESPONSABLE', 'doble@example.org'),
          person('MEX', 'SECRETARIA_TECNICA', 'doble@example.org'),
          person('INE', 'UTSI', 'utsi@example.org'),
          person('JAL', 'RESPONSABLE', 'resp-jal@example.org'),
          person('JAL', 'RESPONSABLE', 'resumen-jal@example.org', 'DIGEST'),
          person('ZAC', 'RESPONSABLE', 'nada-zac@example.org'),
        ],
      }),
    );
    expect(await new DirectoryWriter(db, new EventStore(db)).seedFromFile(file)).toEqual([
      'GRO',
      'MEX',
      'INE',
      'JAL',
      'ZAC',
    ]);
    const { worker: w } = await createWorker({
      connection: env.nativeConnection as NativeConnection,
      namespace: env.namespace ?? 'default',
      dataSource: db,
      notifier: { notify: async () => undefined },
      taskQueue,
      options: { maxCachedWorkflows: 0 },
    });
    worker = { worker: w, running: w.run() };
  });
  afterAll(async () => {
    worker?.worker.shutdown();
    await worker?.running;
    await env?.teardown();
    await db?.destroy();
    await pg?.stop();
    await smtp?.stop();
  });

  it('the whole ladder of an overdue entregable sends the right mails to the right people, once each', async () => {
    const id = 'document:GRO:e16-final';
    const dueDate = addCountedDays(localDateOf(new Date(await env.currentTimeMs())), 5, DEFAULT_POLICY);
    const op = new WithStartWorkflowOperation(DOCUMENT_WORKFLOW_TYPE, {
      workflowId: id,
      taskQueue,
      args: [{ documentId: id, ople: 'GRO' }],
      workflowIdConflictPolicy: 'FAIL',
    }) as WithStartWorkflowOperation<never>;
    await env.client.workflow.executeUpdateWithStart(expectDocumentUpdate, {
      args: [
        {
          documentId: id,
          ople: 'GRO',
          deliverable: 16,
          versionKind: 'FINAL',
          dueDate,
          sourceOficio: 'INE/UTSI/1654/2024',
        },
      ],
      startWorkflowOperation: op as never,
    });
    await env.sleep('30 days');

    await sender().drain();
    // The subject without the case's line and the date.
    const subjects = (address: string) =>
      to(address).map((m) => m.subject.replace(/: (Entregable 16|vence el) .*$/, ''));
    expect(subjects('resp@example.org').sort()).toEqual(
      [`[GRO] Plazo nuevo`, '[GRO] Plazo vencido', '[GRO] Recordatorio: el plazo está por vencer'].sort(),
    );
    expect(subjects('area@example.org')).toEqual(['[GRO] Escalamiento nivel 1 (área responsable)']);
    expect(subjects('st@example.org').sort()).toEqual(
      [
        '[GRO] Escalamiento nivel 2 (Secretaría Técnica de la Comisión)',
        '[GRO] Recordatorio del INE INE/UTSI/1654/2024: 1 entregable con plazo máximo',
      ].sort(),
    );
    expect(subjects('com@example.org')).toEqual(['[GRO] Escalamiento nivel 3 (Comisión)']);
    expect(to('solo-resumen@example.org')).toEqual([]);
    expect(to('utsi@example.org')).toEqual([]);
    expect(smtp.received().filter((m) => m.duplicateOf !== null)).toEqual([]);

    // Sending again finds nothing to send.
    const before = smtp.received().length;
    expect(await sender().drain()).toBe(0);
    expect(smtp.received()).toHaveLength(before);
  });

  /** Appends raw events to a MEX request's stream, as a workflow (or an import) would. */
  async function appendToRequest(
    streamId: string,
    events: Array<{ type: string; data: Record<string, unknown> }>,
    occurredAt = new Date('2024-03-06T18:00:00Z'),
  ) {
    const store = new EventStore(db);
    const version = await store.currentVersion(db.manager, streamId);
    const result = await store.append(
      streamId,
      version,
      events.map((e) => ({ eventId: randomUUID(), ...e, occurredAt })),
    );
    expect(result.status).toBe('Appended');
  }
  const opened = (n: number) => ({
    type: 'RequestOpened',
    data: {
      requestId: `r${n}`,
      ople: 'MEX',
      oficioNumber: `INE/UTSI/${n}/2024`,
      date: '2024-02-20',
      subject: `Asunto ${n}`,
      deliverable: null,
      explicitDeadline: false,
      policy: DEFAULT_POLICY,
    },
  });
  const deadline = { party: 'OPLE', kind: 'REQUEST', dueDate: '2024-03-04', dueAt: '2024-03-05T06:00:00.000Z' };
  const raised = (step: string, firedAt: string, extra: Record<string, unknown> = {}) => ({
    type: 'EscalationRaised',
    data: {
      step,
      key: `REQUEST:OPLE:${deadline.dueAt}:${step}`,
      deadline,
      recipient: '',
      dueToFireAt: firedAt,
      firedAt,
      ...extra,
    },
  });

  it('one escalation mail per person, per case, per day, whatever the rungs; an import sends one summary per person', async () => {
    const before = to('doble@example.org').length;
    // doble@ is both level 1 and level 2 of MEX; both rungs fire the same local day.
    await appendToRequest('request:MEX:ine-utsi-1-2024', [
      opened(1),
      raised('LEVEL_1', '2024-03-06T16:00:00.000Z'),
      raised('LEVEL_2', '2024-03-06T20:00:00.000Z'),
    ]);
    // An import finds two other cases overdue (escalations marked foundAtImport).
    for (const n of [2, 3])
      await appendToRequest(`request:MEX:ine-utsi-${n}-2024`, [
        opened(n),
        raised('LEVEL_1', '2024-03-06T18:00:00.000Z', { foundAtImport: true }),
      ]);
    await sender().drain();
    const mails = to('doble@example.org').slice(before);
    expect(mails.map((m) => m.subject).sort()).toEqual(
      [
        '[MEX] Escalamiento nivel 1 (área responsable): Solicitud INE/UTSI/1/2024: Asunto 1',
        'Importación: 2 plazos vencidos',
      ].sort(),
    );
  });

  it('an SMTP server that refuses for a while: the mail waits and goes once; a 5xx refusal is recorded', async () => {
    const before = to('utsi@example.org').length;
    const ineDeadline = { ...deadline, party: 'INE', kind: 'REVIEW' };
    await appendToRequest('request:MEX:ine-utsi-4-2024', [
      opened(4),
      {
        type: 'EscalationRaised',
        data: { ...raised('OVERDUE', '2024-03-05T06:00:00.000Z').data, deadline: ineDeadline },
      },
    ]);
    smtp.refuseWith({ code: 421, message: 'servicio no disponible, intente más tarde' });
    await sender({ now: () => new Date() }).drain();
    const [waiting] = await db.query(
      "SELECT status, attempts, last_error FROM outbox WHERE recipient = 'utsi@example.org'",
    );
    expect(waiting).toMatchObject({ status: 'PENDING', attempts: 1 });
    expect(waiting.last_error).toMatch(/421/);
    expect(to('utsi@example.org')).toHaveLength(before);

    smtp.refuseWith(null);
    await sender().drain();
    await sender().drain();
    expect(
      to('utsi@example.org')
        .slice(before)
        .map((m) => m.subject),
    ).toEqual(['[MEX] Plazo vencido: Solicitud INE/UTSI/4/2024: Asunto 4']);

    // A permanent refusal is not retried: it is recorded where supervisors see it.
    await appendToRequest('request:MEX:ine-utsi-5-2024', [opened(5), raised('LEVEL_1', '2024-03-09T18:00:00.000Z')]);
    smtp.refuseWith({ code: 550, message: 'buzón inexistente' });
    await sender().drain();
    smtp.refuseWith(null);
    await sender().drain();
    const refused = await mailDeliveries(db.manager, { status: 'REFUSED', limit: 10 });
    expect(refused).toEqual([
      expect.objectContaining({
        recipient: 'doble@example.org',
        status: 'REFUSED',
        lastError: expect.stringMatching(/^550/),
      }),
    ]);
  });

  it('a mail the SMTP server accepted but the worker never marked is sent again with the same Message-ID', async () => {
    await appendToRequest('request:MEX:ine-utsi-6-2024', [opened(6), raised('LEVEL_1', '2024-03-12T18:00:00.000Z')]);
    const real = createTransport(smtp.url);
    // The worker "dies" after SMTP accepted the message, before its transaction marks it sent.
    const dying = {
      sendMail: async (mail: Parameters<typeof real.sendMail>[0]) => {
        await real.sendMail(mail);
        throw new Error('el worker murió antes de marcarlo');
      },
    } as unknown as typeof real;
    const before = smtp.received().length;
    await sender({}, dying).drain();
    await sender().drain();
    const [first, again] = smtp.received().slice(before);
    expect(again.messageId).toBe(first.messageId);
    expect(again.duplicateOf).toBe(first.n);
    const [row] = await db.query(
      "SELECT status FROM outbox WHERE cause_key LIKE '%:doble@example.org' AND payload->>'caseId' = 'request:MEX:ine-utsi-6-2024'",
    );
    expect(row.status).toBe('SENT');
  });

  /** A JAL request due on `dueDate` (the end of that day in Mexico City), opened and dated on 6 March 2024. */
  const jalRequest = (n: number, dueDate: string) => {
    const streamId = `request:JAL:ine-utsi-${n}-2024`;
    const dueAt = DateTime.fromISO(dueDate, { zone: 'America/Mexico_City' }).plus({ days: 1 }).toUTC().toISO()!;
    return appendToRequest(streamId, [
      {
        type: 'RequestOpened',
        data: {
          requestId: streamId,
          ople: 'JAL',
          oficioNumber: `INE/UTSI/${n}/2024`,
          date: '2024-03-06',
          subject: `Asunto ${n}`,
          deliverable: null,
          explicitDeadline: true,
          policy: DEFAULT_POLICY,
        },
      },
      { type: 'DeadlineSet', data: { deadline: { party: 'OPLE', kind: 'REQUEST', dueDate, dueAt } } },
    ]);
  };
  const digestOf = (date: string) =>
    env.client.workflow.execute(DIGEST_WORKFLOW_TYPE, {
      workflowId: `digest-${date}-${randomUUID()}`,
      taskQueue,
      args: [{ date }],
    }) as Promise<DigestResult>;

  it('the digest of a known day, run by its workflow: overdue with days late, due within 7 days, yesterday’s changes; once per person and day', async () => {
    await jalRequest(100, '2024-03-04');
    await jalRequest(101, '2024-03-12');
    await new Projector(db, { batchSize: 5000 }).catchUp();

    const first = await digestOf('2024-03-07');
    expect(first.date).toBe('2024-03-07');
    expect(first.written).toBeGreaterThanOrEqual(2);
    await sender().drain();
    for (const address of ['resp-jal@example.org', 'resumen-jal@example.org']) {
      const mails = to(address);
      // The digest-only person gets the digest, and nothing else (a DeadlineSet mails the responsible at once).
      expect(mails.map((m) => m.subject)).toContain(
        'Resumen diario del 7 de marzo de 2024: 1 vencido, 1 por vencer, 2 cambios',
      );
      const digest = mails.find((m) => m.subject.startsWith('Resumen diario'))!;
      expect(digest.messageId).toBe(messageIdOf([{ causeKey: `digest:2024-03-07:${address}` }]));
    }
    expect(to('resumen-jal@example.org')).toHaveLength(1);
    const [digest] = await db.query(
      "SELECT payload FROM outbox WHERE cause_key = 'digest:2024-03-07:resp-jal@example.org'",
    );
    expect(digest.payload.overdue).toEqual([
      expect.objectContaining({ caseId: 'request:JAL:ine-utsi-100-2024', dueDate: '2024-03-04', daysLate: 3 }),
    ]);
    expect(digest.payload.dueSoon).toEqual([
      expect.objectContaining({ caseId: 'request:JAL:ine-utsi-101-2024', dueDate: '2024-03-12' }),
    ]);
    expect(digest.payload.changedYesterday.map((c: { what: string }) => c.what)).toEqual([
      'el INE hizo una solicitud (oficio INE/UTSI/100/2024); corre un plazo nuevo: vence el 4 de marzo de 2024',
      'el INE hizo una solicitud (oficio INE/UTSI/101/2024); corre un plazo nuevo: vence el 12 de marzo de 2024',
    ]);
    // Nothing to say (ZAC has no case): no mail.
    expect(to('nada-zac@example.org')).toEqual([]);

    // The same day again (a retry, a catch-up): nothing new is written or sent.
    const before = smtp.received().length;
    expect((await digestOf('2024-03-07')).written).toBe(0);
    await sender().drain();
    expect(smtp.received()).toHaveLength(before);
  });

  it('quiet hours: a mail due at night waits in the outbox until they end, then goes once', async () => {
    // Tomorrow 23:00 in Mexico City (the sender's clock must not be behind the rows' creation).
    const night = DateTime.now()
      .setZone('America/Mexico_City')
      .plus({ days: 1 })
      .set({ hour: 23, minute: 0, second: 0, millisecond: 0 });
    const morning = night.plus({ days: 1 }).set({ hour: 8, minute: 0, second: 1 });
    const quiet = { JAL: { quietHours: { from: '20:00', to: '08:00' }, quietWeekends: false } };
    await sender({ now: () => new Date() }).drain(); // what other tests left
    const streamId = 'request:JAL:ine-utsi-102-2024';
    const deadline102 = { ...deadline, dueDate: '2024-03-04' };
    await appendToRequest(streamId, [
      {
        type: 'RequestOpened',
        data: {
          requestId: streamId,
          ople: 'JAL',
          oficioNumber: 'INE/UTSI/102/2024',
          date: '2024-03-01',
          subject: 'Asunto 102',
          deliverable: null,
          explicitDeadline: true,
          policy: DEFAULT_POLICY,
        },
      },
      {
        type: 'EscalationRaised',
        data: { ...raised('OVERDUE', '2024-03-05T06:00:00.000Z').data, deadline: deadline102 },
      },
    ]);
    const before = to('resp-jal@example.org').length;
    await sender({ quiet, now: () => night.toJSDate() }).drain();
    expect(to('resp-jal@example.org')).toHaveLength(before);
    const [held] = await db.query(
      "SELECT status, attempts, not_before FROM outbox WHERE recipient = 'resp-jal@example.org' AND kind = 'ESCALATION'",
    );
    expect(held).toMatchObject({ status: 'PENDING', attempts: 0 });
    expect(new Date(held.not_before).toISOString()).toBe(morning.set({ second: 0 }).toUTC().toISO());
    // Still night: nothing; the morning: sent, once.
    await sender({ quiet, now: () => night.plus({ hours: 4 }).toJSDate() }).drain();
    expect(to('resp-jal@example.org')).toHaveLength(before);
    await sender({ quiet, now: () => morning.toJSDate() }).drain();
    await sender({ quiet, now: () => morning.plus({ minutes: 5 }).toJSDate() }).drain();
    expect(
      to('resp-jal@example.org')
        .slice(before)
        .map((m) => m.subject),
    ).toEqual(['[JAL] Plazo vencido: Solicitud INE/UTSI/102/2024: Asunto 102']);
  });

  it('a bounce (a DSN to the bounce address) marks the message BOUNCED where supervisors see it', async () => {
    const streamId = 'request:MEX:ine-utsi-7-2024';
    await appendToRequest(streamId, [opened(7), raised('LEVEL_1', '2024-03-14T18:00:00.000Z')]);
    const before = smtp.received().length;
    await sender({ bounceAddress: BOUNCES }).drain();
    const [sent] = smtp.received().slice(before);
    expect(sent.from).toBe(BOUNCES);
    expect(sent.messageId).toMatch(/@seguimiento\.prep>$/);
    // The receiving server's delivery status notification, as RFC 3464 writes it.
    const dsn = [
      'From: MAILER-DAEMON@mx.example.org',
      `To: ${BOUNCES}`,
      'Subject: Undelivered Mail Returned to Sender',
      'Message-ID: <dsn-1@mx.example.org>',
      'MIME-Version: 1.0',
      'Content-Type: multipart/report; report-type=delivery-status; boundary="b"',
      '',
      '--b',
      'Content-Type: text/plain',
      '',
      'No se pudo entregar.',
      '--b',
      'Content-Type: message/delivery-status',
      '',
      'Final-Recipient: rfc822; doble@example.org',
      'Action: failed',
      'Status: 5.1.1',
      'Diagnostic-Code: smtp; 550 5.1.1 buzón inexistente',
      '--b',
      'Content-Type: text/rfc822-headers',
      '',
      `Message-ID: ${sent.messageId}`,
      `Subject: ${sent.subject}`,
      '--b--',
      '',
    ].join('\r\n');
    await createTransport(smtp.url).sendMail({ envelope: { from: '', to: BOUNCES }, raw: dsn });
    const bounced = await mailDeliveries(db.manager, { status: 'BOUNCED', limit: 10 });
    expect(bounced).toEqual([
      expect.objectContaining({
        messageId: sent.messageId,
        recipient: 'doble@example.org',
        status: 'BOUNCED',
        lastError: 'rebote: smtp; 550 5.1.1 buzón inexistente',
      }),
    ]);
    expect(smtp.received().at(-1)!.bounces).toEqual([sent.messageId]);
    // The operator's word (seguimiento mail bounce): the same message again changes nothing; an unknown one is refused.
    expect((await markBounced(db.manager, sent.messageId!, 'otra vez')).status).toBe('ALREADY_BOUNCED');
    expect((await markBounced(db.manager, '<no-existe@seguimiento.prep>', 'x')).status).toBe('UNKNOWN');
    expect(await mailDeliveries(db.manager, { status: 'BOUNCED', limit: 10 })).toEqual(bounced);
  });

  it('whoever records an INE reminder gets one summary of who was notified, if the directory knows their address', async () => {
    const store = new EventStore(db);
    const expected = async (key: string, deliverable: number, actor: string, oficio: string) => {
      const streamId = `document:GRO:${key}`;
      const result = await store.append(
        streamId,
        0,
        [
          {
            type: 'DocumentOpened',
            data: {
              openedBy: 'EXPECTATION',
              sourceOficio: oficio,
              deliverable,
              versionKind: 'FINAL',
              title: `Entregable ${deliverable}`,
            },
          },
          {
            type: 'DeadlineSet',
            data: {
              deadline: { party: 'OPLE', kind: 'DELIVERY', dueDate: '2024-04-05', dueAt: '2024-04-06T06:00:00.000Z' },
            },
          },
        ].map((e) => ({
          eventId: randomUUID(),
          ...e,
          metadata: { actor },
          occurredAt: new Date('2024-03-20T18:00:00Z'),
        })),
      );
      expect(result.status).toBe('Appended');
    };
    // UTSI records INE/UTSI/1700/2024 (two items); an operator the directory does not know records 1701.
    await expected('e5-1700', 5, 'UTSI@example.org', 'INE/UTSI/1700/2024');
    await expected('e6-1700', 6, 'utsi@example.org', 'INE/UTSI/1700/2024');
    await expected('e7-1701', 7, 'operador.gro', 'INE/UTSI/1701/2024');
    const before = smtp.received().length;
    await sender().drain();
    const sent = smtp.received().slice(before);
    const summaries = sent.filter((m) => m.subject.includes('se notificó'));
    expect(summaries.map((m) => [m.to, m.subject])).toEqual([
      [['utsi@example.org'], '[GRO] Recordatorio INE/UTSI/1700/2024: se notificó a 1 persona'],
    ]);
    expect(
      sent
        .filter((m) => m.to.includes('st@example.org'))
        .map((m) => m.subject)
        .sort(),
    ).toEqual([
      '[GRO] Recordatorio del INE INE/UTSI/1700/2024: 2 entregables con plazo máximo',
      '[GRO] Recordatorio del INE INE/UTSI/1701/2024: 1 entregable con plazo máximo',
    ]);
  });
});
