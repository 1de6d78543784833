import mammoth from 'mammoth';
import { type FileText, FileRefused } from '../file-text';
import { htmlToText } from './html-to-text';

/** Reads a Word document (DOCX) through mammoth: paragraphs, lists and tables (rows as ` | ` cells). */
export async function readDocx(bytes: Uint8Array, name: string): Promise<FileText> {
  let result: { value: string; messages: Array<{ type: string; message: string }> };
  try {
    result = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
  } catch (error) {
    throw new FileRefused(
      name,
      `el documento de Word está dañado (detalle técnico del lector: ${(error as Error).message})`,
    );
  }
  const notes = result.messages.filter((m) => m.type === 'error').map((m) => `mammoth: ${m.message}`);
  return { name, kind: 'docx', text: htmlToText(result.value), notes };
}
