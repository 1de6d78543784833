import { simpleParser } from 'mailparser';
import { type FileText, FileRefused } from '../file-text';

type ReadAttachment = (bytes: Uint8Array, name: string) => Promise<FileText>;

/**
 * Reads an e-mail message (.eml): its headers and body (the text part, or the HTML part's text),
 * then each attachment through `readAttachment`; the message's text is the body followed by the
 * attachments' texts. An attachment that cannot be read is noted, not fatal: the rest still counts.
 */
export async function readEml(bytes: Uint8Array, name: string, readAttachment: ReadAttachment): Promise<FileText> {
  let mail: Awaited<ReturnType<typeof simpleParser>>;
  try {
    mail = await simpleParser(Buffer.from(bytes), { skipImageLinks: true });
  } catch (error) {
    throw new FileRefused(
      name,
      `el mensaje de correo está dañado (detalle técnico del lector: ${(error as Error).message})`,
    );
  }
  const head = [
    mail.from && `De: ${mail.from.value.map((a) => (a.name ? `${a.name} <${a.address}>` : a.address)).join(', ')}`,
    mail.date && `Fecha: ${mail.date.toISOString().slice(0, 10)}`,
    mail.subject && `Asunto: ${mail.subject}`,
  ].filter(Boolean);
  const body = (mail.text ?? (typeof mail.html === 'string' ? htmlText(mail.html) : '')).trim();
  const attachments: FileText[] = [];
  const notes: string[] = [];
  for (const [i, attachment] of mail.attachments.entries()) {
    const fileName = attachment.filename ?? `adjunto-${i + 1}`;
    try {
      attachments.push(await readAttachment(new Uint8Array(attachment.content), fileName));
    } catch (error) {
      if (!(error instanceof FileRefused)) throw error;
      notes.push(`adjunto no leído: ${error.message}`);
    }
  }
  const text = [[...head, '', body].join('\n').trim(), ...attachments.map((a) => a.text)].filter(Boolean).join('\n\n');
  notes.push(...attachments.map((a) => `adjunto leído: ${a.name}`));
  return { name, kind: 'eml', text, notes, attachments };
}

const htmlText = (html: string) =>
  html
    .replace(/<(br|\/p|\/div|\/li|\/tr)\b[^>]*>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&');
