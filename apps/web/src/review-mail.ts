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

/** The fields the ingest reads of an oficio (ReviewRead), in the domain's words. */
export const READ_FIELD: Record<string, string> = {
  number: 'Número del oficio',
  date: 'Fecha',
  kind: 'Tipo de oficio',
  outcome: 'Lo que resuelve',
  additionalObservations: 'Observaciones adicionales',
  references: 'Oficios que cita',
  deliverable: 'Entregable',
  deliverables: 'Entregables',
  deliverableVersion: 'Versión',
  subject: 'Asunto',
  summary: 'Resumen',
  deadline: 'Fecha límite',
  meetingAt: 'Reunión',
  items: 'Elementos',
  item: 'Elemento por revisar',
  title: 'Título',
  version: 'Versión',
  dueDate: 'Plazo máximo',
};

const READ_VALUE: Record<string, Record<string, string>> = {
  kind: {
    REVIEW: 'Revisión de un documento',
    REQUEST: 'Solicitud',
    REMINDER: 'Recordatorio',
    INVITATION: 'Invitación',
    NOTICE: 'Aviso',
  },
  outcome: {
    OBSERVATIONS: 'Remite observaciones',
    PARTIALLY_ADDRESSED: 'Observaciones atendidas en parte',
    ADDRESSED: 'Observaciones atendidas',
    ACCEPTED: 'Recibido sin observaciones',
  },
  deliverableVersion: { PROYECTO: 'Proyecto', FINAL: 'Versión final' },
  version: { PROYECTO: 'Proyecto', FINAL: 'Versión final' },
};

/** One value read, in words: Sí/No, lists joined, known codes in Spanish, objects as «campo: valor» pairs. */
function readValue(key: string, value: unknown): string {
  if (typeof value === 'boolean') return value ? 'Sí' : 'No';
  if (typeof value === 'string') return READ_VALUE[key]?.[value] ?? value;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.map((v) => readValue(key, v)).join('; ');
  if (value && typeof value === 'object')
    return Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== null && v !== undefined)
      .map(([k, v]) => `${READ_FIELD[k] ?? k}: ${readValue(k, v)}`)
      .join(', ');
  return String(value);
}

/** What was read of the oficio (a JSON object) as label/value lines in Spanish; the raw text if it is not JSON. */
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
    .map(([k, v]) => [READ_FIELD[k] ?? k, readValue(k, v)]);
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
