/** Who is asking, from their token. */
export type Role = 'SUPERVISOR' | 'OPERATOR' | 'ADMIN';
export const ROLES: readonly Role[] = ['SUPERVISOR', 'OPERATOR', 'ADMIN'];

export interface Principal {
  /** The user's id (the token's `sub`): recorded as the actor of what they record. */
  subject: string;
  role: Role;
  /** 'INE' for INE's users (they see every OPLE), or an OPLE id (they see only theirs). */
  institution: string;
}

/** The OPLE a principal is confined to, or null when it sees all of them (INE). */
export const confinedTo = (p: Principal): string | null => (p.institution === 'INE' ? null : p.institution);

/**
 * One user, as the gateway counts them (rate limits, slots for expensive work, subscriptions):
 * the token's subject, role and institution — a new token for the same user is the same user.
 */
export const userKey = (p: Principal): string => `${p.institution}\u0000${p.role}\u0000${p.subject}`;
