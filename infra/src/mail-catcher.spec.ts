import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTransport } from 'nodemailer';
import { type CaughtMail, type MailCatcher, readBounce, startMailCatcher } from './mail-catcher';

describe('reading a delivery status notification', () => {
  const ours = '<0123456789abcdef0123456789abcdef01234567@seguimiento.prep>';
  it('finds the Message-IDs of ours it returns, and the server’s reason', () => {
    const dsn = [
      'Message-ID: <dsn@mx.example.org>',
      'Content-Type: multipart/report; report-type=delivery-status; boundary="b"',
      '',
      '--b',
      'Status: 5.1.1',
      'Diagnostic-Code: smtp; 550 5.1.1 buzón inexistente',
      '--b',
      `Message-ID: ${ours}`,
      `In-Reply-To: ${ours}`,
      '--b--',
    ].join('\r\n');
    expect(readBounce(dsn, '<dsn@mx.example.org>')).toEqual({
      messageIds: [ours],
      reason: 'smtp; 550 5.1.1 buzón inexistente',
    });
  });

  it('without a Diagnostic-Code says the status; a message of no one of ours names none', () => {
    expect(readBounce(`Status: 4.4.7\r\n\r\nMessage-ID: ${ours}`, null)).toEqual({
      messageIds: [ours],
      reason: 'estado 4.4.7',
    });
    expect(readBounce('Subject: hola\r\nMessage-ID: <x@example.org>', null).messageIds).toEqual([]);
  });
});

describe('the catcher on loopback, when its client dies', () => {
  let dir: string;
  let catcher: MailCatcher;
  const stored: string[] = [];
  let hook: ((mail: CaughtMail) => Promise<void>) | null = null;
  const send = (id: string) =>
    createTransport(catcher.url).sendMail({
      from: 'a@example.org',
      to: 'b@example.org',
      subject: 'prueba',
      text: 'hola',
      messageId: id,
    });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'seguimiento-catcher-spec-'));
    catcher = await startMailCatcher({
      dir,
      onStored: async (mail) => {
        stored.push(String(mail.messageId));
        await hook?.(mail);
      },
    });
  });
  afterAll(async () => {
    await catcher.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  /** A client that talks SMTP by hand up to DATA's 354, then sends `body`; resolves with its socket. */
  async function rawClient(body: string) {
    const socket = connect(catcher.port, '127.0.0.1');
    const lines = ['EHLO x', 'MAIL FROM:<a@example.org>', 'RCPT TO:<b@example.org>', 'DATA'];
    await new Promise<void>((resolve) => {
      // One command after each answer: the banner, then EHLO, MAIL, RCPT; DATA's 354 ends it.
      let answers = 0;
      socket.on('data', (chunk: Buffer) => {
        for (const _ of chunk
          .toString()
          .split('\r\n')
          .filter((l) => /^\d{3} /.test(l))) {
          answers++;
          if (answers === 5) resolve();
          else socket.write(`${lines[answers - 1]}\r\n`);
        }
      });
    });
    socket.write(body);
    return socket;
  }

  it('keeps serving after clients reset their connections mid-message and before its 250', async () => {
    for (let i = 0; i < 2; i++) {
      // Cut in the middle of the message: not kept.
      (await rawClient('Subject: a medias\r\n')).resetAndDestroy();
      // Cut once the server has kept the message and before it answers (a sender killed there).
      let cut: () => void = () => undefined;
      const done = new Promise<void>((r) => (cut = r));
      let socket: ReturnType<typeof connect> | null = null;
      hook = async () => {
        socket?.resetAndDestroy();
        await new Promise((r) => setTimeout(r, 50));
        cut();
      };
      socket = await rawClient(`Message-ID: <cortado-${i}@example.org>\r\nSubject: entero\r\n\r\nhola\r\n.\r\n`);
      await done;
      hook = null;
      await new Promise((r) => setTimeout(r, 100));
    }
    await send('<despues@example.org>');
    expect(catcher.received().map((m) => m.messageId)).toEqual([
      '<cortado-0@example.org>',
      '<cortado-1@example.org>',
      '<despues@example.org>',
    ]);
  });

  it('answers 250 only once the hook after keeping a message has finished', async () => {
    const order: string[] = [];
    hook = async () => {
      await new Promise((r) => setTimeout(r, 50));
      order.push('hook');
    };
    await send('<en-duda@example.org>').then(() => order.push('250'));
    hook = null;
    expect(order).toEqual(['hook', '250']);
    expect(stored).toContain('<en-duda@example.org>');
  });
});
