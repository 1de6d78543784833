import { type FailureState, afterFailure, afterSuccess, lockedFor, minutesToWait } from './lockout';

describe('the lockout after repeated wrong passwords', () => {
  const policy = { maxFailures: 5, lockMs: 15 * 60_000 };
  const t0 = new Date('2024-03-01T10:00:00Z');
  const at = (ms: number) => new Date(t0.getTime() + ms);
  const fresh: FailureState = { failedAttempts: 0, lockedUntil: null };
  const fail = (state: FailureState, times: number, when = t0) => {
    for (let i = 0; i < times; i++) state = afterFailure(state, when, policy);
    return state;
  };

  it('counts four wrong passwords without locking, and locks for 15 minutes at the fifth', () => {
    expect(fail(fresh, 4)).toEqual({ failedAttempts: 4, lockedUntil: null });
    const locked = fail(fresh, 5);
    expect(locked).toEqual({ failedAttempts: 5, lockedUntil: at(15 * 60_000) });
    expect(lockedFor(locked, t0)).toBe(15 * 60_000);
    expect(lockedFor(locked, at(14 * 60_000))).toBe(60_000);
    expect(lockedFor(locked, at(15 * 60_000))).toBe(0);
  });

  it('does not count (nor extend the lock for) a failure while locked', () => {
    const locked = fail(fresh, 5);
    expect(afterFailure(locked, at(60_000), policy)).toBe(locked);
  });

  it('gives the whole allowance again once the lock has run out, not one try', () => {
    const afterLock = afterFailure(fail(fresh, 5), at(16 * 60_000), policy);
    expect(afterLock).toEqual({ failedAttempts: 1, lockedUntil: null });
    expect(fail(afterLock, 3, at(16 * 60_000)).lockedUntil).toBeNull();
    expect(fail(afterLock, 4, at(16 * 60_000)).lockedUntil).toEqual(at(31 * 60_000));
  });

  it('starts the count again after a right password', () => {
    expect(fail(afterSuccess(), 4).lockedUntil).toBeNull();
    expect(afterSuccess()).toEqual(fresh);
  });

  it('follows a configured policy', () => {
    const strict = { maxFailures: 2, lockMs: 1000 };
    const state = afterFailure(afterFailure(fresh, t0, strict), t0, strict);
    expect(state.lockedUntil).toEqual(at(1000));
  });

  it('says whole minutes, rounded up, never 0 while locked', () => {
    expect(minutesToWait(15 * 60_000)).toBe(15);
    expect(minutesToWait(14 * 60_000 + 1)).toBe(15);
    expect(minutesToWait(1)).toBe(1);
  });
});
