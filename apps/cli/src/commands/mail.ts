import { join } from 'node:path';
import { readCaughtMail, readMailIndex } from '@seguimiento/infra/mail-catcher';
import { repoRoot } from '@seguimiento/runtime';
import { simpleParser } from 'mailparser';
import { parse } from '../args';
import type { Io } from '../io';
import { EXIT, HELP, UsageError } from '../usage';

/** `seguimiento mail list|show`: the mail npm start's local SMTP server received (no server needed). */
export async function mail(args: string[], io: Io, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const [action, ...rest] = args;
  if (!action || action === '--help' || action === '-h') {
    io.out(HELP.mail);
    return action ? EXIT.OK : EXIT.USAGE;
  }
  const dir = join(env.SEGUIMIENTO_DATA_DIR || join(repoRoot(), '.data'), 'mail');
  if (action === 'list') {
    const { values } = parse(rest, { limit: { type: 'string' } });
    if (values.help) return help(io);
    const limit = values.limit === undefined ? 50 : Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1)
      throw new UsageError(`--limit: "${values.limit}" debe ser un número entero mayor que 0`);
    const index = readMailIndex(dir);
    if (index.length === 0) {
      io.out(`No se ha recibido correo (${dir}).`);
      return EXIT.OK;
    }
    for (const m of index.slice(-limit).reverse())
      io.out(
        `${m.n}\t${m.receivedAt}\t${m.to.join(', ')}\t${m.subject}${m.duplicateOf ? `\t(reenvío del ${m.duplicateOf})` : ''}`,
      );
    return EXIT.OK;
  }
  if (action === 'show') {
    const { values, positionals } = parse(rest, {}, 1);
    if (values.help) return help(io);
    const [id] = positionals;
    if (!id) throw new UsageError('falta ID: el número que muestra "seguimiento mail list" o el Message-ID');
    const found = readCaughtMail(dir, id);
    if (!found) throw new UsageError(`ID: no hay un correo "${id}" en ${dir}`);
    const parsed = await simpleParser(found.raw);
    io.out(`De: ${parsed.from?.text ?? found.entry.from}`);
    io.out(`Para: ${found.entry.to.join(', ')}`);
    io.out(`Asunto: ${parsed.subject ?? ''}`);
    io.out(`Fecha: ${parsed.date?.toISOString() ?? found.entry.receivedAt}`);
    io.out(`Message-ID: ${parsed.messageId ?? '—'}`);
    const attachments = parsed.attachments.map((a) => a.filename ?? a.contentType);
    if (attachments.length) io.out(`Adjuntos: ${attachments.join(', ')}`);
    io.out('');
    io.out((parsed.text ?? '').trimEnd());
    return EXIT.OK;
  }
  throw new UsageError(`acción desconocida "${action}" (list o show; seguimiento mail --help)`);
}

function help(io: Io): number {
  io.out(HELP.mail);
  return EXIT.OK;
}
