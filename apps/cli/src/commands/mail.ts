import { join } from 'node:path';
import { readCaughtMail, readMailIndex } from '@seguimiento/infra/mail-catcher';
import { repoRoot } from '@seguimiento/runtime';
import { simpleParser } from 'mailparser';
import { markBounced } from '@seguimiento/persistence';
import { parse } from '../args';
import { openCliDatabase } from './users';
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
    const bounced = new Map(index.flatMap((m) => (m.bounces ?? []).map((id) => [id, m.n] as const)));
    for (const m of index.slice(-limit).reverse()) {
      const notes = [
        m.duplicateOf ? `(reenvío del ${m.duplicateOf})` : null,
        m.messageId && bounced.has(m.messageId) ? `(REBOTADO: aviso ${bounced.get(m.messageId)})` : null,
        m.bounces?.length ? `(aviso de rebote de ${m.bounces.length})` : null,
      ].filter(Boolean);
      io.out(`${m.n}\t${m.receivedAt}\t${m.to.join(', ')}\t${m.subject}${notes.length ? `\t${notes.join(' ')}` : ''}`);
    }
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
  if (action === 'bounce') {
    const { values, positionals } = parse(rest, { motivo: { type: 'string' } }, 1);
    if (values.help) return help(io);
    const [id] = positionals;
    if (!id || !/^<?[^\s<>@]+@[^\s<>@]+>?$/.test(id))
      throw new UsageError(
        `MESSAGE-ID: ${id ? `"${id}" no es un Message-ID` : 'falta'} (el que muestra "seguimiento mail show" o mailDeliveries)`,
      );
    const reason = (values.motivo ?? 'rebote registrado a mano').trim() || 'rebote registrado a mano';
    const db = await openCliDatabase(env);
    try {
      const outcome = await markBounced(db.manager, id, reason);
      if (outcome.status === 'UNKNOWN')
        throw new UsageError(
          `MESSAGE-ID: no hay un correo enviado con el Message-ID ${outcome.messageId}; no se cambió nada`,
        );
      io.out(
        `${outcome.status === 'BOUNCED' ? 'rebotado' : 'ya estaba rebotado'}: ${outcome.messageId}\t${outcome.recipient}\t${outcome.subject}`,
      );
      return EXIT.OK;
    } finally {
      await db.destroy();
    }
  }
  throw new UsageError(`acción desconocida "${action}" (list, show o bounce; seguimiento mail --help)`);
}

function help(io: Io): number {
  io.out(HELP.mail);
  return EXIT.OK;
}
