import { findOple } from '@seguimiento/domain';
import type { EntityManager } from 'typeorm';

/**
 * Who is responsible, per institution: each OPLE's people per rung of the escalation ladder, and
 * INE's UTSI. Every change is an event on the institution's `directory:<OPLE|INE>` stream; the
 * `directory_contacts` table is its projection, written in the append's transaction (so the
 * outbox, written in the same transaction, sees the directory as of that event).
 */
export type DirectoryRole = 'RESPONSABLE' | 'AREA_RESPONSABLE' | 'SECRETARIA_TECNICA' | 'COMISION' | 'UTSI';
export const DIRECTORY_ROLES: readonly DirectoryRole[] = [
  'RESPONSABLE',
  'AREA_RESPONSABLE',
  'SECRETARIA_TECNICA',
  'COMISION',
  'UTSI',
];
export const ROLE_LABELS: Record<DirectoryRole, string> = {
  RESPONSABLE: 'Responsable de los entregables (parte responsable del plazo)',
  AREA_RESPONSABLE: 'Área responsable',
  SECRETARIA_TECNICA: 'Secretaría Técnica de la Comisión',
  COMISION: 'Comisión',
  UTSI: 'UTSI (INE)',
};

/** IMMEDIATE: each mail as it happens, and the digest; DIGEST: only the daily digest. */
export type MailPreference = 'IMMEDIATE' | 'DIGEST';
export const MAIL_PREFERENCES: readonly MailPreference[] = ['IMMEDIATE', 'DIGEST'];

/** The institution a directory belongs to: an OPLE's id (GRO) or INE. */
export const INE = 'INE';

export interface Contact {
  institution: string;
  role: DirectoryRole;
  email: string;
  name: string;
  preference: MailPreference;
}

export type DirectoryContactSetData = Contact;
export interface DirectoryContactRemovedData {
  institution: string;
  role: DirectoryRole;
  email: string;
}
export type DirectoryEvent =
  | { type: 'DirectoryContactSet'; data: DirectoryContactSetData }
  | { type: 'DirectoryContactRemoved'; data: DirectoryContactRemovedData };

export const directoryStreamId = (institution: string): string => `directory:${institution}`;

/** How a contact's fields are called in Spanish messages (the CLI's flags use the same words). */
const FIELD_LABELS: Record<string, string> = {
  institution: 'institucion',
  role: 'rol',
  email: 'correo',
  name: 'nombre',
  preference: 'preferencia',
};

/** A contact refused: `field` is the input's own field name (institution, role, email…), the message Spanish. */
export class DirectoryInputError extends Error {
  constructor(
    readonly field: string,
    reason: string,
  ) {
    super(`${FIELD_LABELS[field] ?? field}: ${reason}`);
  }
}

const EMAIL = /^[^\s@<>(),;:"]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/;

/** The institution's key, checked: INE or an OPLE's ISO code. */
export function checkInstitution(raw: unknown): string {
  const value = typeof raw === 'string' ? raw.trim().toUpperCase() : '';
  if (value !== INE && !findOple(value))
    throw new DirectoryInputError(
      'institution',
      `"${String(raw).slice(0, 40)}" no es INE ni un OPLE conocido (use la clave ISO del estado, p. ej. GRO)`,
    );
  return value;
}

export function checkRole(institution: string, raw: unknown): DirectoryRole {
  const role = typeof raw === 'string' ? (raw.trim().toUpperCase() as DirectoryRole) : null;
  if (!role || !DIRECTORY_ROLES.includes(role))
    throw new DirectoryInputError('role', `"${String(raw).slice(0, 40)}" no es un rol (${DIRECTORY_ROLES.join(', ')})`);
  if ((institution === INE) !== (role === 'UTSI'))
    throw new DirectoryInputError(
      'role',
      institution === INE ? 'el directorio del INE solo tiene el rol UTSI' : `UTSI es del INE, no de ${institution}`,
    );
  return role;
}

export function checkEmail(raw: unknown): string {
  const email = typeof raw === 'string' ? raw.trim().toLowerCase() : '';
  if (!EMAIL.test(email) || email.length > 254)
    throw new DirectoryInputError(
      'email',
      `"${String(raw).slice(0, 80)}" no es una dirección de correo (p. ej. nombre@example.org)`,
    );
  return email;
}

/** A contact as given (file, CLI, GraphQL), checked and normalised; each failure names its field. */
export function checkContact(raw: {
  institution: unknown;
  role: unknown;
  email: unknown;
  name: unknown;
  preference?: unknown;
}): Contact {
  const institution = checkInstitution(raw.institution);
  const role = checkRole(institution, raw.role);
  const email = checkEmail(raw.email);
  const name = typeof raw.name === 'string' ? raw.name.trim().replace(/\s+/g, ' ') : '';
  if (!name) throw new DirectoryInputError('name', 'es obligatorio: el nombre de la persona');
  if (name.length > 200) throw new DirectoryInputError('name', 'no puede exceder 200 caracteres');
  const preference = (
    raw.preference === undefined || raw.preference === null ? 'IMMEDIATE' : String(raw.preference).trim().toUpperCase()
  ) as MailPreference;
  if (!MAIL_PREFERENCES.includes(preference))
    throw new DirectoryInputError(
      'preference',
      `"${String(raw.preference).slice(0, 40)}" debe ser IMMEDIATE (cada correo) o DIGEST (solo el resumen diario)`,
    );
  return { institution, role, email, name, preference };
}

/** Applies directory events to the `directory_contacts` table (in the append's transaction). */
export async function projectDirectory(
  tx: EntityManager,
  streamId: string,
  events: ReadonlyArray<{ type: string; data: Record<string, unknown> }>,
): Promise<void> {
  if (!streamId.startsWith('directory:')) return;
  for (const e of events) {
    if (e.type === 'DirectoryContactSet') {
      const c = e.data as unknown as Contact;
      await tx.query(
        `INSERT INTO directory_contacts (institution, role, email, name, preference) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (institution, role, email) DO UPDATE SET name = excluded.name, preference = excluded.preference`,
        [c.institution, c.role, c.email, c.name, c.preference],
      );
    } else if (e.type === 'DirectoryContactRemoved') {
      const c = e.data as unknown as DirectoryContactRemovedData;
      await tx.query('DELETE FROM directory_contacts WHERE institution = $1 AND role = $2 AND email = $3', [
        c.institution,
        c.role,
        c.email,
      ]);
    }
  }
}

/** Rebuilds the table from the log (the migration that creates it; a repair). */
export async function rebuildDirectory(tx: EntityManager): Promise<void> {
  await tx.query('DELETE FROM directory_contacts');
  const rows: Array<{ stream_id: string; type: string; data: Record<string, unknown> }> = await tx.query(
    "SELECT stream_id, type, data FROM events WHERE stream_id LIKE 'directory:%' ORDER BY position",
  );
  for (const r of rows) await projectDirectory(tx, r.stream_id, [r]);
}

export async function listContacts(manager: EntityManager, institution?: string): Promise<Contact[]> {
  const rows: Contact[] = await manager.query(
    `SELECT institution, role, email, name, preference FROM directory_contacts
     WHERE $1::text IS NULL OR institution = $1 ORDER BY institution, role, email`,
    [institution ?? null],
  );
  return rows;
}

/** The people of some roles of one institution (any preference: the caller decides). */
export async function contactsOf(
  manager: EntityManager,
  institution: string,
  roles: readonly DirectoryRole[],
): Promise<Contact[]> {
  return manager.query(
    `SELECT institution, role, email, name, preference FROM directory_contacts
     WHERE institution = $1 AND role = ANY($2::text[]) ORDER BY role, email`,
    [institution, roles],
  );
}
