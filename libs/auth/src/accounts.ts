import { findOple } from '@seguimiento/domain';
import type { Principal, Role } from './principal';

/** A user name: 3 to 64 of a–z, 0–9, ".", "-", "_", "@", starting with a letter or digit (stored in lower case). */
const USERNAME = /^[a-z0-9][a-z0-9._@-]{2,63}$/;

/** The user name as stored and compared: trimmed, in lower case. */
export const normalUsername = (username: string): string => username.trim().toLowerCase();

/** Why `username` (already normalised) cannot name a user, in Spanish naming the field, or null. */
export function usernameProblem(username: string): string | null {
  if (username === '') return 'usuario: falta el nombre de usuario';
  if (!USERNAME.test(username))
    return `usuario: "${username.slice(0, 64)}" no es válido (de 3 a 64 letras sin acento, dígitos, ".", "-", "_" o "@", empezando con letra o dígito)`;
  return null;
}

/** What a signed-in user is to the API: the same principal an API token carries (null OPLE: INE). */
export const principalOf = (user: { username: string; role: Role; ople: string | null }): Principal => ({
  subject: user.username,
  role: user.role,
  institution: user.ople ?? 'INE',
});

/** The institution's name when none is given: "INE", or the OPLE's acronym ("IEPC Guerrero"). */
export const defaultInstitution = (ople: string | null): string => (ople ? (findOple(ople)?.acronym ?? ople) : 'INE');
