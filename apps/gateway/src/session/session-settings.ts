import { DEFAULT_LOCKOUT, type LockoutPolicy } from '@seguimiento/auth';

/** How long a console session lasts, and when repeated wrong passwords lock an account. */
export interface SessionSettings {
  /** The token's lifetime, and the cookie's Max-Age. */
  lifetimeSeconds: number;
  lockout: LockoutPolicy;
}

/** SESSION_HOURS, SIGN_IN_MAX_FAILURES and SIGN_IN_LOCKOUT_MINUTES when they are not set: a working day; 5 tries, then 15 minutes. */
export const DEFAULT_SESSION_SETTINGS: SessionSettings = { lifetimeSeconds: 12 * 3600, lockout: DEFAULT_LOCKOUT };

/** The session's variables, each a whole number (at least 1). */
export function sessionSettings(env: NodeJS.ProcessEnv): SessionSettings {
  const hours = whole(
    env,
    'SESSION_HOURS',
    DEFAULT_SESSION_SETTINGS.lifetimeSeconds / 3600,
    'hours a console session lasts',
  );
  const maxFailures = whole(
    env,
    'SIGN_IN_MAX_FAILURES',
    DEFAULT_LOCKOUT.maxFailures,
    'wrong passwords in a row that lock an account',
  );
  const minutes = whole(
    env,
    'SIGN_IN_LOCKOUT_MINUTES',
    DEFAULT_LOCKOUT.lockMs / 60_000,
    'minutes a locked account stays locked',
  );
  return { lifetimeSeconds: hours * 3600, lockout: { maxFailures, lockMs: minutes * 60_000 } };
}

function whole(env: NodeJS.ProcessEnv, name: string, fallback: number, what: string): number {
  const value = env[name];
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < 1)
    throw new Error(`${name}: "${value}" must be a whole number of at least 1: ${what} (default ${fallback})`);
  return n;
}
