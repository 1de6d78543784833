import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EscalationNotice } from '@seguimiento/contracts';
import { LogNotifier } from './log.notifier';
import { WebhookNotifier } from './webhook.notifier';

const notice: EscalationNotice = {
  key: 'REQUEST:OPLE:2024-03-05T06:00:00.000Z:OVERDUE',
  streamId: 'request:GRO:ine-utsi-1221-2024',
  ople: 'GRO',
  step: 'OVERDUE',
  recipient: 'Parte responsable del plazo',
  deadline: { party: 'OPLE', kind: 'REQUEST', dueDate: '2024-03-04', dueAt: '2024-03-05T06:00:00.000Z' },
  subject: 'Solicitud INE/UTSI/1221/2024: estatus de la contratación',
  firedAt: '2024-03-05T06:00:00.000Z',
};

describe('notifiers', () => {
  it('the log notifier writes one JSON line with the step in Spanish and the whole notice', async () => {
    const lines: string[] = [];
    await new LogNotifier((l) => lines.push(l)).notify(notice);
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0])).toMatchObject({
      level: 'warn',
      kind: 'escalation',
      msg: `Plazo vencido — ${notice.subject}`,
      key: notice.key,
    });
  });

  describe('the webhook notifier', () => {
    let server: Server;
    let status = 204;
    const received: Array<{ headers: IncomingMessage['headers']; body: unknown }> = [];
    let url: string;

    beforeAll(async () => {
      server = createServer((req, res) => {
        let body = '';
        req.on('data', (c) => (body += c));
        req.on('end', () => {
          received.push({ headers: req.headers, body: JSON.parse(body) });
          res.writeHead(status).end();
        });
      });
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/escalaciones`;
    });
    afterAll(() => new Promise((r) => server.close(r)));

    it('POSTs the notice as JSON with the escalation key as Idempotency-Key', async () => {
      await new WebhookNotifier(url).notify(notice);
      expect(received[0].headers['idempotency-key']).toBe(notice.key);
      expect(received[0].headers['content-type']).toBe('application/json');
      expect(received[0].body).toEqual(notice);
    });

    it('throws on a non-2xx answer, so the activity retries', async () => {
      status = 503;
      await expect(new WebhookNotifier(url).notify(notice)).rejects.toThrow('answered 503');
      status = 204;
    });

    it('refuses a malformed URL when it is configured', () => {
      expect(() => new WebhookNotifier('not a url')).toThrow();
    });
  });
});
