import { createHash } from 'node:crypto';
import {
  type MailContent,
  deadlineMail,
  digestMail,
  escalationMail,
  importSummaryMail,
  invitationMail,
  type QuietSettings,
  lateness,
  quietUntil,
  reminderItemsMail,
  reminderSenderSummaryMail,
} from '@seguimiento/mail';
import type { OutboxMessageRow, OutboxQueue, SendOutcome } from '@seguimiento/persistence';
import type { Transporter } from 'nodemailer';

export interface SenderOptions {
  /** The console's base URL, for the links (CONSOLE_URL). */
  consoleUrl: string;
  /** The From: of every mail (MAIL_FROM). */
  from: string;
  /** How often the outbox is looked at (ms). */
  pollMs?: number;
  /** First retry delay (ms); doubles each attempt up to `maxDelayMs`. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Attempts before a message is given up (FAILED, for supervisors to see). */
  maxAttempts?: number;
  /** Quiet hours and weekends per institution: a message due in quiet time waits until it ends. */
  quiet?: QuietSettings;
  /** The envelope's sender (Return-Path), where servers send bounces (MAIL_BOUNCE_ADDRESS). */
  bounceAddress?: string;
  /** The clock (tests fix it). */
  now?: () => Date;
  onError?: (error: unknown) => void;
}

/**
 * The Message-ID of a message: derived from its causes (event id + address of each row), so that
 * sending it again after a crash — SMTP accepted it, the worker died before marking it sent — is
 * recognisable as the same message by the receiving server and mail clients (and by the
 * embedded catcher, which marks it as a duplicate).
 */
export function messageIdOf(rows: ReadonlyArray<{ causeKey: string }>): string {
  const hash = createHash('sha256')
    .update(
      rows
        .map((r) => r.causeKey)
        .sort()
        .join('\n'),
    )
    .digest('hex');
  return `<${hash.slice(0, 40)}@seguimiento.prep>`;
}

/**
 * Sends the outbox: a loop in the worker process, beside the projector. A loop rather than a
 * Temporal activity because the outbox already is the durable queue: a row's state lives in
 * PostgreSQL, its claim is a row lock (FOR UPDATE SKIP LOCKED, so several workers share the work),
 * and "sent" is written in the claim's own transaction — an activity's retries would add a second
 * record of the same state, with no way to make SMTP and Temporal agree. A restart finds the rows
 * where it left them; an SMTP server that is down or answers 4xx makes the message wait, doubling
 * the delay; a 5xx refusal is recorded (REFUSED) where supervisors see it.
 */
export class OutboxSender {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = true;

  constructor(
    private readonly queue: OutboxQueue,
    private readonly transport: Pick<Transporter, 'sendMail'>,
    private readonly options: SenderOptions,
  ) {}

  start(): void {
    this.stopped = false;
    const tick = () => {
      if (this.stopped) return;
      this.running = this.drain()
        .then(() => undefined)
        .catch((error) => this.options.onError?.(error))
        .finally(() => {
          if (!this.stopped) this.timer = setTimeout(tick, this.options.pollMs ?? 2000);
        });
    };
    tick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** Sends everything due now; resolves when nothing is left due. Returns how many messages were handled. */
  async drain(): Promise<number> {
    const now = this.now();
    await this.queue.batchDue(now);
    let handled = 0;
    while (await this.queue.sendNext(now, (rows) => this.sendOne(rows))) handled++;
    return handled;
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  private async sendOne(rows: OutboxMessageRow[]): Promise<SendOutcome> {
    const institution = rows[0].payload.institution ?? rows[0].payload.ople;
    const until = quietUntil(this.now(), this.options.quiet?.[String(institution)]);
    if (until) return { status: 'HOLD', until };
    const messageId = messageIdOf(rows);
    let content: MailContent | null;
    try {
      content = render(rows, this.options.consoleUrl);
    } catch (error) {
      return { status: 'FAILED', error: `no se pudo componer: ${(error as Error).message}`, messageId, subject: '' };
    }
    if (!content) return { status: 'SENT', messageId, subject: '(nada que decir)' };
    const [first] = rows;
    try {
      const info = await this.transport.sendMail({
        from: this.options.from,
        to: { name: first.recipientName, address: first.recipient },
        subject: content.subject,
        text: content.text,
        html: content.html,
        messageId,
        headers: { 'X-Seguimiento-Tipo': first.kind },
        ...(this.options.bounceAddress ? { envelope: { from: this.options.bounceAddress, to: first.recipient } } : {}),
        ...(content.calendar ? { icalEvent: content.calendar } : {}),
      });
      if (info.rejected?.length)
        return {
          status: 'REFUSED',
          error: `el servidor rechazó ${info.rejected.join(', ')}: ${info.response ?? ''}`,
          messageId,
          subject: content.subject,
        };
      return { status: 'SENT', messageId, subject: content.subject };
    } catch (error) {
      const e = error as { responseCode?: number; response?: string; message?: string };
      const why = e.response ?? e.message ?? String(error);
      if (e.responseCode && e.responseCode >= 500 && e.responseCode < 600)
        return { status: 'REFUSED', error: `${e.responseCode}: ${why}`, messageId, subject: content.subject };
      const attempts = first.attempts + 1;
      if (attempts >= (this.options.maxAttempts ?? 30))
        return { status: 'FAILED', error: `tras ${attempts} intentos: ${why}`, messageId, subject: content.subject };
      const delayMs = Math.min(
        (this.options.baseDelayMs ?? 5000) * 2 ** first.attempts,
        this.options.maxDelayMs ?? 3_600_000,
      );
      return { status: 'RETRY', error: why, delayMs };
    }
  }
}

// The payload was written by the outbox writer for this kind; it is trusted as that kind's input.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Payload = any;

/** The mail a batch of rows makes (they share a kind and a recipient). */
export function render(rows: OutboxMessageRow[], consoleUrl: string): MailContent | null {
  const [first] = rows;
  const to = { name: first.recipientName, roleLabel: String(first.payload.roleLabel ?? '') };
  const p = first.payload as Payload;
  switch (first.kind) {
    case 'ESCALATION':
      return escalationMail({ ...p, to }, consoleUrl);
    case 'DEADLINE':
      return deadlineMail({ ...p, to }, consoleUrl);
    case 'INVITATION':
      return invitationMail({ ...p, to }, consoleUrl);
    case 'REMINDER_ITEMS':
      return reminderItemsMail(
        {
          to,
          ople: p.ople,
          oficioNumber: p.oficioNumber,
          items: rows.map((r) => {
            const q = r.payload as Payload;
            return { caseId: q.caseId, title: q.title, dueDate: q.dueDate };
          }),
        },
        consoleUrl,
      );
    case 'REMINDER_SENDER_SUMMARY':
      return reminderSenderSummaryMail(
        {
          to,
          ople: p.ople,
          oficioNumber: p.oficioNumber,
          items: rows.map((r) => {
            const q = r.payload as Payload;
            return { caseId: q.caseId, title: q.title, dueDate: q.dueDate };
          }),
          notified: rows.flatMap((r) => (r.payload as Payload).notified ?? []),
        },
        consoleUrl,
      );
    case 'IMPORT_SUMMARY': {
      // Several rungs of one case found at once: one line, the latest.
      const byCase = new Map<
        string,
        { caseId: string; ople: string; title: string; dueDate: string; daysLate: number }
      >();
      for (const r of rows) {
        const q = r.payload as unknown as {
          caseId: string;
          ople: string;
          title: string;
          deadline: { party: 'INE' | 'OPLE'; kind: string; dueDate: string; dueAt: string };
          firedAt: string;
        };
        const item = { ...q, dueDate: q.deadline.dueDate, daysLate: lateness(q.deadline, q.firedAt).daysLate };
        const seen = byCase.get(q.caseId);
        if (!seen || seen.daysLate < item.daysLate) byCase.set(q.caseId, item);
      }
      return importSummaryMail({ to, items: [...byCase.values()] }, consoleUrl);
    }
    case 'DIGEST':
      return digestMail({ ...p, to }, consoleUrl);
    default:
      throw new Error(`tipo de correo desconocido: ${String(first.kind)}`);
  }
}
