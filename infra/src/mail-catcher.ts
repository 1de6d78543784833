import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** One message the catcher received, as its index keeps it. */
export interface CaughtMail {
  /** Its number in the order received (1, 2, …). */
  n: number;
  file: string;
  messageId: string | null;
  from: string;
  to: string[];
  subject: string;
  receivedAt: string;
  /** The number of an earlier message with the same Message-ID: the same message sent again. */
  duplicateOf: number | null;
  /** For a delivery status notification: the Message-IDs of ours it says bounced. */
  bounces?: string[];
}

export interface MailCatcher {
  port: number;
  /** smtp://127.0.0.1:<port>, for SMTP_URL. */
  url: string;
  received(): CaughtMail[];
  stop(): Promise<void>;
}

const INDEX = 'index.jsonl';

/**
 * A local SMTP server (smtp-server) that accepts every message on loopback and keeps it under
 * `dir` as <n>.eml, with a line in index.jsonl. What npm start sends mail to when SMTP_URL is not
 * set, and what the tests send to. `refuse`, asked for each message, may answer an SMTP error code
 * (4xx: try later; 5xx: refused) to play a server that does not accept mail.
 */
export async function startMailCatcher(options: {
  dir: string;
  port?: number;
  refuse?: () => { code: number; message: string } | null;
  /**
   * Called for each of our messages a delivery status notification (DSN) says bounced: a message
   * addressed to `bounceAddress`, or any multipart/report; the DSN itself is kept like any mail.
   */
  onBounce?: (messageId: string, reason: string) => Promise<void>;
  bounceAddress?: string;
  /**
   * Called once a message is kept (in the mailbox, on disk) and before the server answers 250:
   * the fault scenarios cut the sender's connection here, the moment after which a crash leaves
   * the message delivered but its sender unaware of it.
   */
  onStored?: (mail: CaughtMail) => Promise<void> | void;
}): Promise<MailCatcher> {
  mkdirSync(options.dir, { recursive: true, mode: 0o700 });
  const received = readMailIndex(options.dir);
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    banner: 'seguimiento: servidor de correo local',
    size: 25 * 1024 * 1024,
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const refusal = options.refuse?.();
        if (refusal) {
          const error = Object.assign(new Error(refusal.message), { responseCode: refusal.code });
          callback(error);
          return;
        }
        const raw = Buffer.concat(chunks);
        simpleParser(raw)
          .then((parsed) => {
            const n = received.length + 1;
            const file = `${String(n).padStart(6, '0')}.eml`;
            writeFileSync(join(options.dir, file), raw, { mode: 0o600 });
            const messageId = parsed.messageId ?? null;
            const earlier = messageId ? received.find((m) => m.messageId === messageId) : undefined;
            const entry: CaughtMail = {
              n,
              file,
              messageId,
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              to: session.envelope.rcptTo.map((r) => r.address),
              subject: parsed.subject ?? '',
              receivedAt: new Date().toISOString(),
              duplicateOf: earlier ? earlier.n : null,
            };
            const toBounces = !!options.bounceAddress && entry.to.includes(options.bounceAddress.toLowerCase());
            const report = /^content-type:\s*multipart\/report/im.test(raw.toString('utf8', 0, 8000));
            const bounce = toBounces || report ? readBounce(raw.toString('utf8'), messageId) : null;
            if (bounce?.messageIds.length) entry.bounces = bounce.messageIds;
            received.push(entry);
            appendFileSync(join(options.dir, INDEX), `${JSON.stringify(entry)}\n`, { mode: 0o600 });
            return Promise.resolve(options.onStored?.(entry)).then(() => ({ bounce }));
          })
          .then(({ bounce }) => {
            if (options.onBounce && bounce) {
              return Promise.all(bounce.messageIds.map((id) => options.onBounce!(id, bounce.reason))).then(() =>
                callback(),
              );
            }
            callback();
          })
          .catch((error: Error) => callback(error));
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  // A client that goes away in the middle of a transaction (a worker killed while sending) is the
  // client's affair: smtp-server reports it as an 'error' event, which without a listener would
  // stop the whole process; the unfinished message is not kept, and the client sends it again.
  server.on('error', () => undefined);
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    received: () => [...received],
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The index of what the catcher kept in `dir` (empty when it received nothing yet). */
export function readMailIndex(dir: string): CaughtMail[] {
  const file = join(dir, INDEX);
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as CaughtMail);
}

/** One kept message, by its number or its Message-ID, with its raw text; null when unknown. */
export function readCaughtMail(dir: string, id: string): { entry: CaughtMail; raw: string } | null {
  const index = readMailIndex(dir);
  const wanted = id.replace(/^<|>$/g, '');
  const entry = /^\d+$/.test(id)
    ? index.find((m) => m.n === Number(id))
    : index.find((m) => m.messageId?.replace(/^<|>$/g, '') === wanted);
  if (!entry) return null;
  return { entry, raw: readFileSync(join(dir, entry.file), 'utf8') };
}

/** Our Message-IDs (see the worker's messageIdOf) are a 40-hex hash at seguimiento.prep. */
const OUR_MESSAGE_ID = /<[0-9a-f]{40}@seguimiento\.prep>/g;

/**
 * What a delivery status notification says: the Message-IDs of ours it reports (from the
 * returned headers it carries), and why (its Diagnostic-Code, else its Status, else its subject).
 */
export function readBounce(raw: string, ownMessageId: string | null): { messageIds: string[]; reason: string } {
  const messageIds = [...new Set(raw.match(OUR_MESSAGE_ID) ?? [])].filter((id) => id !== ownMessageId);
  const field = (name: string) => new RegExp(`^${name}:\\s*(.+)$`, 'im').exec(raw)?.[1]?.trim();
  const reason =
    field('Diagnostic-Code') ?? (field('Status') ? `estado ${field('Status')}` : field('Subject')) ?? 'rebote';
  return { messageIds, reason };
}
