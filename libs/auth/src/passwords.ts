import { type Algorithm, hash, verify } from '@node-rs/argon2';

/** The shortest password accepted (NIST SP 800-63B asks for at least 8; a shared office machine warrants more). */
export const PASSWORD_MIN_LENGTH = 12;
/** The longest: argon2 hashes whatever it is given, so the length is bounded to bound the work. */
export const PASSWORD_MAX_LENGTH = 256;

/**
 * Why `password` cannot be a user's password, in Spanish naming the field, or null when it can.
 * Length is counted in characters (an "ñ" is one), control characters are refused (a pasted
 * newline would make a password nobody can type again), and the user's own name is not a password.
 */
export function passwordProblem(password: string, username?: string): string | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH)
    return `contraseña: debe tener al menos ${PASSWORD_MIN_LENGTH} caracteres (tiene ${length})`;
  if (length > PASSWORD_MAX_LENGTH) return `contraseña: debe tener a lo más ${PASSWORD_MAX_LENGTH} caracteres`;
  if ([...password].some((c) => c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127))
    return 'contraseña: no puede contener caracteres de control (saltos de línea, tabuladores)';
  if (username && password.toLowerCase().includes(username.toLowerCase()))
    return 'contraseña: no puede contener el nombre de usuario';
  return null;
}

/**
 * argon2id with OWASP's minimum parameters (19 MiB, 2 passes, 1 lane): about 60 ms a hash here.
 * `Algorithm` is a const enum in the package's types; its value is spelled out for isolatedModules.
 */
const ARGON2ID = { algorithm: 2 as Algorithm.Argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 };

/** The PHC string of `password` hashed with argon2id and a fresh random salt. */
export const hashPassword = (password: string): Promise<string> => hash(password, ARGON2ID);

/** Whether `password` matches `stored` (a PHC string); false, never an exception, for a malformed hash. */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}
