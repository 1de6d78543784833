import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UsageError } from '../usage';
import { mail } from './mail';

describe('seguimiento mail', () => {
  let dataDir: string;
  const lines: string[] = [];
  const io = { out: (l: string) => void lines.push(l), err: () => undefined, writeFile: () => undefined };
  const ours = '<0123456789abcdef0123456789abcdef01234567@seguimiento.prep>';

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'seguimiento-cli-mail-'));
    const entry = (n: number, subject: string, extra: Record<string, unknown> = {}) =>
      JSON.stringify({
        n,
        file: `${n}.eml`,
        messageId: n === 1 ? ours : `<dsn-${n}@mx.example.org>`,
        from: 'seguimiento@example.org',
        to: ['st@example.org'],
        subject,
        receivedAt: '2024-03-07T14:00:00.000Z',
        duplicateOf: null,
        ...extra,
      });
    const dir = join(dataDir, 'mail');
    mkdirSync(dir);
    writeFileSync(
      join(dir, 'index.jsonl'),
      `${entry(1, 'Resumen diario')}\n${entry(2, 'Undelivered Mail', { bounces: [ours] })}\n`,
    );
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('list flags a bounced message and the notice that reported it', async () => {
    lines.length = 0;
    await mail(['list'], io, { SEGUIMIENTO_DATA_DIR: dataDir });
    expect(lines).toEqual([
      '2\t2024-03-07T14:00:00.000Z\tst@example.org\tUndelivered Mail\t(aviso de rebote de 1)',
      '1\t2024-03-07T14:00:00.000Z\tst@example.org\tResumen diario\t(REBOTADO: aviso 2)',
    ]);
  });

  it('bounce refuses a missing or malformed Message-ID before touching the database', async () => {
    await expect(mail(['bounce'], io, {})).rejects.toThrow(UsageError);
    await expect(mail(['bounce', 'no es un id'], io, {})).rejects.toThrow(
      /MESSAGE-ID: "no es un id" no es un Message-ID/,
    );
  });
});
