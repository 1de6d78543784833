/** Words and small pure helpers of the review queue, sent mail and originals pages. */

export const REVIEW_STATUS: Record<string, string> = {
  PENDING: 'Pendiente',
  RESOLVED: 'Resuelta',
  DISMISSED: 'Descartada',
};

export const MAIL_STATUS: Record<string, string> = {
  PENDING: 'Por enviar',
  SENT: 'Enviado',
  REFUSED: 'Rechazado por el servidor',
  FAILED: 'Falló',
  BOUNCED: 'Rebotó',
};

export const MAIL_KIND: Record<string, string> = {
  ESCALATION: 'Escalamiento',
  REMINDER_ITEMS: 'Elementos de un recordatorio',
  INVITATION: 'Invitación',
  DEADLINE: 'Plazo',
  IMPORT_SUMMARY: 'Resumen de importación',
  DIGEST: 'Resumen diario',
};

/** The first `max` characters of a text, on one line, with «…» when cut. */
export function snippet(text: string, max = 120): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length <= max ? line : `${line.slice(0, max - 1).trimEnd()}…`;
}

/** A size in bytes in words: «512 B», «2.4 KiB», «1.3 MiB». */
export function formatBytes(size: number): string {
  if (size < 1024) return `${size} B`;
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(1)} KiB`;
  return `${(size / (1024 * 1024)).toFixed(1)} MiB`;
}

/** What was read of the oficio (a JSON object) as label/value lines; the raw text if it is not JSON. */
export function readFields(read: string): Array<[string, string]> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(read);
  } catch {
    return [['Texto', read]];
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return [['Valor', read]];
  return Object.entries(parsed as Record<string, unknown>)
    .filter(([, v]) => v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0))
    .map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]);
}

export interface ResolveValues {
  deliverable: string;
  version: string;
  documentId: string;
  dueDate: string;
  note: string;
}

/** The resolveReview input from the form, or the field that is wrong and why (nothing is sent then). */
export function resolveInput(
  id: string,
  v: ResolveValues,
):
  | {
      input: {
        id: string;
        deliverable: number;
        version?: 'PROYECTO' | 'FINAL';
        documentId?: string;
        dueDate?: string;
        note?: string;
      };
    }
  | { field: keyof ResolveValues; message: string } {
  const deliverable = Number(v.deliverable.trim());
  if (!v.deliverable.trim()) return { field: 'deliverable', message: 'Entregable: es obligatorio (1 a 34).' };
  if (!Number.isInteger(deliverable) || deliverable < 1 || deliverable > 34)
    return { field: 'deliverable', message: `Entregable: «${v.deliverable}» no es un número de 1 a 34.` };
  if (v.version && v.version !== 'PROYECTO' && v.version !== 'FINAL')
    return { field: 'version', message: 'Versión: elija proyecto o versión final.' };
  if (v.dueDate && !/^\d{4}-\d{2}-\d{2}$/.test(v.dueDate))
    return { field: 'dueDate', message: 'Plazo máximo: escriba un día (AAAA-MM-DD).' };
  return {
    input: {
      id,
      deliverable,
      ...(v.version ? { version: v.version as 'PROYECTO' | 'FINAL' } : {}),
      ...(v.documentId.trim() ? { documentId: v.documentId.trim() } : {}),
      ...(v.dueDate ? { dueDate: v.dueDate } : {}),
      ...(v.note.trim() ? { note: v.note.trim() } : {}),
    },
  };
}
