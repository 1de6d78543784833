/** After `maxFailures` wrong passwords in a row, the account is locked for `lockMs`. */
export interface LockoutPolicy {
  maxFailures: number;
  lockMs: number;
}

export const DEFAULT_LOCKOUT: LockoutPolicy = { maxFailures: 5, lockMs: 15 * 60_000 };

/** What the users table keeps of a user's failed sign-ins. */
export interface FailureState {
  failedAttempts: number;
  lockedUntil: Date | null;
}

/** The milliseconds the account stays locked at `now`; 0 when it is not locked. */
export const lockedFor = (state: FailureState, now: Date): number =>
  state.lockedUntil ? Math.max(0, state.lockedUntil.getTime() - now.getTime()) : 0;

/**
 * The state after one more wrong password at `now`. A lock that has run out starts the count
 * again (the user gets `maxFailures` new tries, not one); the failure that reaches `maxFailures`
 * locks the account for `lockMs` from now. A failure while locked is not counted (it was not
 * checked: the gateway refuses a locked account before it verifies any password).
 */
export function afterFailure(state: FailureState, now: Date, policy: LockoutPolicy): FailureState {
  if (lockedFor(state, now) > 0) return state;
  const expired = state.lockedUntil !== null;
  const failedAttempts = (expired ? 0 : state.failedAttempts) + 1;
  return failedAttempts >= policy.maxFailures
    ? { failedAttempts, lockedUntil: new Date(now.getTime() + policy.lockMs) }
    : { failedAttempts, lockedUntil: null };
}

/** The state after a right password: the count starts again. */
export const afterSuccess = (): FailureState => ({ failedAttempts: 0, lockedUntil: null });

/** Whole minutes to wait, rounded up (what the lockout message says): never 0 while locked. */
export const minutesToWait = (ms: number): number => Math.max(1, Math.ceil(ms / 60_000));
