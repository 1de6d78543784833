import type { DataSource, EntityManager } from 'typeorm';
import type { MailKind } from './outbox-writer';

export interface OutboxMessageRow {
  id: string;
  causeKey: string;
  kind: MailKind;
  recipient: string;
  recipientName: string;
  payload: Record<string, unknown>;
  attempts: number;
}

/** What became of one attempt at a message (a batch of rows to one person). */
export type SendOutcome =
  | { status: 'SENT'; messageId: string; subject: string }
  | { status: 'RETRY'; error: string; delayMs: number }
  /** Not sent, not attempted: the recipient's institution is in quiet time until `until`. */
  | { status: 'HOLD'; until: Date }
  | { status: 'REFUSED' | 'FAILED'; error: string; messageId: string; subject: string };

/** Any constant; held while due rows are grouped into messages, so two senders never split a group. */
const BATCH_LOCK = 7_201_830_251;

/**
 * The sender's side of the outbox. A message is a batch: rows due are first grouped (a row alone,
 * or every pending row of its group) and the batch committed, so its membership — and the
 * Message-ID derived from its causes — is fixed before anything is sent. Then each batch is
 * claimed with FOR UPDATE SKIP LOCKED, sent, and marked in the claim's transaction.
 */
export class OutboxQueue {
  constructor(private readonly dataSource: DataSource) {}

  /** Groups the rows due at `now` into messages. */
  async batchDue(now: Date): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [BATCH_LOCK]);
      await tx.query(
        `UPDATE outbox o SET batch_id = g.first
         FROM (SELECT coalesce(group_key, id::text) AS k, min(id) AS first FROM outbox
               WHERE status = 'PENDING' AND batch_id IS NULL
               GROUP BY 1 HAVING min(not_before) <= $1) g
         WHERE o.status = 'PENDING' AND o.batch_id IS NULL AND coalesce(o.group_key, o.id::text) = g.k`,
        [now],
      );
    });
  }

  /**
   * Claims one due message and hands its rows to `send`; its outcome is written in the same
   * transaction. False when nothing is due. A crash before the commit leaves the rows pending:
   * they are sent again, with the same Message-ID.
   */
  async sendNext(now: Date, send: (rows: OutboxMessageRow[]) => Promise<SendOutcome>): Promise<boolean> {
    return this.dataSource.transaction(async (tx) => {
      const [first]: Array<{ batch_id: string }> = await tx.query(
        `SELECT batch_id FROM outbox WHERE status = 'PENDING' AND batch_id IS NOT NULL AND not_before <= $1
         ORDER BY not_before, id LIMIT 1 FOR UPDATE SKIP LOCKED`,
        [now],
      );
      if (!first) return false;
      const rows: OutboxMessageRow[] = (
        await tx.query(
          `SELECT id, cause_key, kind, recipient, recipient_name, payload, attempts FROM outbox
           WHERE batch_id = $1 AND status = 'PENDING' ORDER BY id FOR UPDATE`,
          [first.batch_id],
        )
      ).map((r: Record<string, unknown>) => ({
        id: String(r.id),
        causeKey: r.cause_key,
        kind: r.kind,
        recipient: r.recipient,
        recipientName: r.recipient_name,
        payload: r.payload,
        attempts: Number(r.attempts),
      }));
      if (rows.length === 0) return true;
      const outcome = await send(rows);
      const ids = rows.map((r) => r.id);
      if (outcome.status === 'HOLD') {
        await tx.query('UPDATE outbox SET not_before = $2 WHERE id = ANY($1::bigint[])', [ids, outcome.until]);
      } else if (outcome.status === 'RETRY') {
        await tx.query(
          `UPDATE outbox SET attempts = attempts + 1, last_error = $2, not_before = $3::timestamptz + make_interval(secs => $4)
           WHERE id = ANY($1::bigint[])`,
          [ids, outcome.error.slice(0, 2000), now, outcome.delayMs / 1000],
        );
      } else {
        await tx.query(
          `UPDATE outbox SET status = $2, attempts = attempts + 1, message_id = $3, subject = $4, last_error = $5,
             sent_at = CASE WHEN $2 = 'SENT' THEN now() ELSE NULL END
           WHERE id = ANY($1::bigint[])`,
          [
            ids,
            outcome.status,
            outcome.messageId,
            outcome.subject,
            outcome.status === 'SENT' ? null : outcome.error.slice(0, 2000),
          ],
        );
      }
      return true;
    });
  }
}

export interface MailDeliveryRow {
  messageId: string;
  kind: string;
  recipient: string;
  subject: string;
  status: string;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}

/** The outbox as supervisors see it: one line per message (a batch), newest first. */
export async function mailDeliveries(
  manager: EntityManager,
  { ople = null, status, limit }: { ople?: string | null; status: string | null; limit: number },
): Promise<MailDeliveryRow[]> {
  const rows: Array<Record<string, unknown>> = await manager.query(
    `SELECT coalesce(max(message_id), 'pendiente:' || coalesce(batch_id, min(id))) AS message_id, min(kind) AS kind,
            min(recipient) AS recipient, coalesce(max(subject), '(sin enviar)') AS subject, min(status) AS status,
            max(attempts) AS attempts, max(last_error) AS last_error, min(created_at) AS created_at, max(sent_at) AS sent_at
     FROM outbox WHERE ($1::text IS NULL OR status = $1) AND ($3::text IS NULL OR payload->>'ople' = $3)
     GROUP BY coalesce(batch_id, id) , batch_id ORDER BY min(created_at) DESC, min(id) DESC LIMIT $2`,
    [status, limit, ople],
  );
  return rows.map((r) => ({
    messageId: String(r.message_id),
    kind: String(r.kind),
    recipient: String(r.recipient),
    subject: String(r.subject),
    status: String(r.status),
    attempts: Number(r.attempts),
    lastError: (r.last_error as string | null) ?? null,
    createdAt: new Date(r.created_at as string).toISOString(),
    sentAt: r.sent_at ? new Date(r.sent_at as string).toISOString() : null,
  }));
}

/** What became of a bounce: the message marked, already marked, or unknown (a Message-ID never sent). */
export type BounceOutcome =
  | { status: 'BOUNCED'; messageId: string; recipient: string; subject: string }
  | { status: 'ALREADY_BOUNCED'; messageId: string; recipient: string; subject: string }
  | { status: 'UNKNOWN'; messageId: string };

/**
 * Records that a sent message bounced (a delivery status notification arrived, or an operator
 * says so): its rows become BOUNCED, with the reason, where supervisors see them. The Message-ID
 * may come with or without its angle brackets. A message still pending, refused or failed is not
 * "bounced": it is reported UNKNOWN and nothing changes.
 */
export async function markBounced(
  manager: EntityManager,
  rawMessageId: string,
  reason: string,
): Promise<BounceOutcome> {
  const bare = rawMessageId.trim().replace(/^<|>$/g, '');
  const messageId = `<${bare}>`;
  return manager.transaction(async (tx) => {
    const rows: Array<{ recipient: string; subject: string; status: string }> = await tx.query(
      `SELECT recipient, subject, status FROM outbox WHERE message_id = $1 AND status IN ('SENT', 'BOUNCED') FOR UPDATE`,
      [messageId],
    );
    if (rows.length === 0) return { status: 'UNKNOWN', messageId } as const;
    const [row] = rows;
    if (row.status === 'BOUNCED')
      return { status: 'ALREADY_BOUNCED', messageId, recipient: row.recipient, subject: row.subject } as const;
    await tx.query(
      `UPDATE outbox SET status = 'BOUNCED', bounced_at = now(), last_error = $2 WHERE message_id = $1 AND status = 'SENT'`,
      [messageId, `rebote: ${reason}`.slice(0, 2000)],
    );
    return { status: 'BOUNCED', messageId, recipient: row.recipient, subject: row.subject } as const;
  });
}
