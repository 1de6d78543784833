import {
  type Principal,
  type Tokens,
  defaultInstitution,
  hashPassword,
  lockedFor,
  minutesToWait,
  normalUsername,
  principalOf,
  usernameProblem,
  verifyPassword,
} from '@seguimiento/auth';
import type { StoredUser, UserStore } from '@seguimiento/persistence';
import jwt from 'jsonwebtoken';
import { RateLimiterMemory, type RateLimiterRes } from 'rate-limiter-flexible';
import type { SessionSettings } from './session-settings';

/** What a sign-in comes to. */
export type SignIn =
  | { outcome: 'signed-in'; token: string; user: StoredUser; expiresAt: Date }
  /** Unknown user, wrong password or disabled account: one answer for the three. */
  | { outcome: 'refused' }
  | { outcome: 'locked'; retryAfterSeconds: number };

/** What GET /auth/me says of the user behind a token. */
export interface SessionUser {
  username: string;
  displayName: string;
  role: Principal['role'];
  ople: string | null;
  institution: string;
  expiresAt: string;
}

/**
 * Sign-in against the users table: argon2id verification, the lockout, and the token — the same
 * the API accepts as a bearer, with the same claims (`principalOf`), issued by the gateway's
 * `Tokens`. An unknown user costs the same verification (against a hash made at start) and gets
 * the same answers as a known one, the lockout included (counted in memory for names that do not
 * exist), so neither the time nor the answer tells whether a name exists.
 */
export class SessionService {
  /** Verified when the user does not exist, so that a wrong name takes as long as a wrong password. */
  private readonly dummyHash: Promise<string>;
  /** Failures for user names that do not exist, so that they lock as a real account would. */
  private readonly phantoms: RateLimiterMemory;

  constructor(
    private readonly users: UserStore,
    private readonly tokens: Tokens,
    readonly settings: SessionSettings,
  ) {
    this.dummyHash = hashPassword(`dummy-${Math.random()}-${Date.now()}`);
    // A real account counts failures in a row without a time limit; a day comes close enough.
    this.phantoms = new RateLimiterMemory({ points: settings.lockout.maxFailures, duration: 24 * 3600 });
  }

  async signIn(givenUsername: string, password: string, now = new Date()): Promise<SignIn> {
    const username = normalUsername(givenUsername);
    const user = usernameProblem(username) ? null : await this.users.find(username);
    if (!user) return this.phantom(username, password);
    const locked = lockedFor(user, now);
    if (locked > 0) return lockedAnswer(locked);
    const right = await verifyPassword(user.passwordHash, password);
    // A disabled account is refused like a wrong password, after the same work, and its failures are not counted.
    if (user.disabled) return { outcome: 'refused' };
    if (!right) {
      const after = await this.users.recordFailure(username, now, this.settings.lockout);
      const nowLocked = after ? lockedFor(after, now) : 0;
      return nowLocked > 0 ? lockedAnswer(nowLocked) : { outcome: 'refused' };
    }
    const admitted = await this.users.recordSuccess(username, now);
    if (!admitted) return { outcome: 'refused' };
    if (admitted.lockedMs > 0) return lockedAnswer(admitted.lockedMs);
    const token = this.tokens.issue(principalOf(admitted.user), this.settings.lifetimeSeconds);
    return { outcome: 'signed-in', token, user: admitted.user, expiresAt: expiryOf(token) };
  }

  /**
   * Withdraws a token still valid until it expires (signing out); an invalid or expired one, or one
   * without an id, needs nothing: it is refused already, or (issued before tokens had ids) expires.
   */
  async signOut(token: string): Promise<void> {
    let identified: ReturnType<Tokens['identify']>;
    try {
      identified = this.tokens.identify(token);
    } catch {
      return;
    }
    if (identified) await this.users.withdrawToken(identified.tokenId, identified.subject, identified.expiresAt);
  }

  /** Who a valid token is, for the console: their user's name and institution, or what the token says (an API token's subject has no user). */
  async describe(principal: Principal, token: string): Promise<SessionUser | null> {
    const ople = principal.institution === 'INE' ? null : principal.institution;
    const user = await this.users.find(principal.subject);
    // A disabled user's session says so at once (the token itself stays valid until it expires).
    if (user?.disabled) return null;
    const same = user && user.role === principal.role && user.ople === ople;
    return {
      username: principal.subject,
      displayName: same ? user.displayName : principal.subject,
      role: principal.role,
      ople,
      institution: same ? user.institution : defaultInstitution(ople),
      expiresAt: expiryOf(token).toISOString(),
    };
  }

  /** A name that is not a user: the same verification, and the lockout a real account would get. */
  private async phantom(username: string, password: string): Promise<SignIn> {
    const seen = await this.phantoms.get(username);
    if (seen && seen.remainingPoints <= 0) return lockedAnswer(seen.msBeforeNext);
    await verifyPassword(await this.dummyHash, password);
    // Past the allowance (concurrent attempts), consume rejects with the same kind of answer.
    const after = await this.phantoms.consume(username).catch((rejection: RateLimiterRes) => rejection);
    if (after.remainingPoints > 0) return { outcome: 'refused' };
    // The failure that used up the allowance locks for the whole period, as afterFailure does.
    await this.phantoms.block(username, Math.ceil(this.settings.lockout.lockMs / 1000));
    return lockedAnswer(this.settings.lockout.lockMs);
  }
}

const lockedAnswer = (ms: number): SignIn => ({
  outcome: 'locked',
  retryAfterSeconds: Math.max(1, Math.ceil(ms / 1000)),
});

/** The token's expiry (its `exp`). */
const expiryOf = (token: string): Date => new Date(((jwt.decode(token) as jwt.JwtPayload).exp ?? 0) * 1000);

/** The lockout message of the contract: whole minutes, rounded up. */
export function lockedMessage(retryAfterSeconds: number): string {
  const minutes = minutesToWait(retryAfterSeconds * 1000);
  return `Cuenta bloqueada por intentos fallidos; intente de nuevo en ${minutes} ${minutes === 1 ? 'minuto' : 'minutos'}.`;
}
