import {
  ROLES,
  type Role,
  defaultInstitution,
  hashPassword,
  normalUsername,
  passwordProblem,
  usernameProblem,
} from '@seguimiento/auth';
import { findOple } from '@seguimiento/domain';
import type { NewUser } from './user-store';

/** A user's data that cannot be stored: `field` names what is wrong (username, password, role, ople, name, institution). */
export class UserInputError extends Error {
  constructor(
    readonly field: 'username' | 'password' | 'role' | 'ople' | 'name' | 'institution',
    message: string,
  ) {
    super(message);
  }
}

export interface UserInput {
  username: string;
  password: string;
  role: string;
  /** An OPLE's id (GRO), or null / "INE" for INE. */
  ople: string | null;
  displayName: string;
  /** Absent: "INE" or the OPLE's acronym. */
  institution?: string;
}

/** The row for a new user: checked (a UserInputError names the first field that is wrong) and the password hashed. */
export async function prepareUser(input: UserInput): Promise<NewUser> {
  const user = checkUser(input);
  const weak = passwordProblem(input.password, user.username);
  if (weak) throw new UserInputError('password', weak);
  return { ...user, passwordHash: await hashPassword(input.password) };
}

/** Everything but the password, checked and normalised (before asking for a password, so a typo is said first). */
export function checkUser(input: Omit<UserInput, 'password'>): Omit<NewUser, 'passwordHash'> {
  const username = normalUsername(input.username);
  const bad = usernameProblem(username);
  if (bad) throw new UserInputError('username', bad);
  const role = input.role.trim().toUpperCase();
  if (!ROLES.includes(role as Role))
    throw new UserInputError('role', `rol: "${input.role}" no es un rol (${ROLES.join(', ')})`);
  const given = input.ople?.trim().toUpperCase() || null;
  const ople = given === 'INE' ? null : given;
  if (ople !== null && !findOple(ople))
    throw new UserInputError(
      'ople',
      `OPLE: "${input.ople}" no es un OPLE conocido (clave ISO del estado, p. ej. GRO, o INE)`,
    );
  const displayName = input.displayName.trim();
  if (displayName === '' || displayName.length > 200)
    throw new UserInputError('name', 'nombre: falta el nombre de la persona (a lo más 200 caracteres)');
  const institution = input.institution?.trim() || defaultInstitution(ople);
  if (institution.length > 200) throw new UserInputError('institution', 'institución: a lo más 200 caracteres');
  return { username, displayName, role: role as Role, ople, institution };
}
