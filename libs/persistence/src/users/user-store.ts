import {
  type FailureState,
  type LockoutPolicy,
  type Role,
  afterFailure,
  afterSuccess,
  lockedFor,
} from '@seguimiento/auth';
import type { DataSource, EntityManager } from 'typeorm';

/** A user as the table keeps it (the password only as its argon2id hash). */
export interface StoredUser extends FailureState {
  username: string;
  displayName: string;
  role: Role;
  /** null: INE (every OPLE). */
  ople: string | null;
  institution: string;
  passwordHash: string;
  disabled: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export type NewUser = Pick<StoredUser, 'username' | 'displayName' | 'role' | 'ople' | 'institution' | 'passwordHash'>;

/** A user without the hash: what a listing shows. */
export type ListedUser = Omit<StoredUser, 'passwordHash'>;

const COLUMNS = `username, display_name AS "displayName", role, ople, institution, password_hash AS "passwordHash",
  disabled, failed_attempts AS "failedAttempts", locked_until AS "lockedUntil",
  created_at AS "createdAt", updated_at AS "updatedAt"`;

const UNIQUE_VIOLATION = '23505';

/** Where a change of a user's revocation is announced (the payload: the user name). */
export const USERS_CHANNEL = 'seguimiento_users';

/**
 * The `users` table. Usernames arrive already normalised (libs/auth's normalUsername) and checked.
 * The lockout is decided by libs/auth's pure `afterFailure`, applied under a row lock so that
 * concurrent wrong passwords are all counted.
 */
export class UserStore {
  constructor(private readonly db: DataSource) {}

  /** 'exists' when the username is taken (nothing is changed). */
  async add(user: NewUser): Promise<'added' | 'exists'> {
    try {
      await this.db.query(
        `INSERT INTO users (username, display_name, role, ople, institution, password_hash) VALUES ($1, $2, $3, $4, $5, $6)`,
        [user.username, user.displayName, user.role, user.ople, user.institution, user.passwordHash],
      );
      return 'added';
    } catch (error) {
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) return 'exists';
      throw error;
    }
  }

  async find(username: string, manager: EntityManager = this.db.manager): Promise<StoredUser | null> {
    const rows: StoredUser[] = await manager.query(`SELECT ${COLUMNS} FROM users WHERE username = $1`, [username]);
    return rows[0] ?? null;
  }

  /** Every user, by institution (INE first) then username; without hashes. */
  async list(): Promise<ListedUser[]> {
    const rows: StoredUser[] = await this.db.query(`SELECT ${COLUMNS} FROM users ORDER BY ople NULLS FIRST, username`);
    return rows.map(({ passwordHash: _hash, ...user }) => user);
  }

  /**
   * A new password hash; it also lifts a lock, clears the failed attempts and withdraws every token
   * issued to the user until now (whoever knew the old password may hold one), telling the gateways
   * at commit as `setDisabled` does. False: no such user.
   */
  async setPassword(username: string, passwordHash: string): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const [, affected]: [unknown, number] = await tx.query(
        `UPDATE users SET password_hash = $2, failed_attempts = 0, locked_until = NULL, sessions_revoked_at = now(),
           updated_at = now() WHERE username = $1`,
        [username, passwordHash],
      );
      if (affected > 0) await tx.query(`SELECT pg_notify('${USERS_CHANNEL}', $1)`, [username]);
      return affected > 0;
    });
  }

  /**
   * Withdraws one token (a session signed out) until it expires, and tells the gateways at commit;
   * rows of tokens that expired meanwhile are removed. Withdrawing the same token twice is harmless.
   */
  async withdrawToken(tokenId: string, username: string, expiresAt: Date): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.query('DELETE FROM withdrawn_tokens WHERE expires_at < now()');
      await tx.query(
        `INSERT INTO withdrawn_tokens (token_id, username, expires_at) VALUES ($1, $2, $3) ON CONFLICT (token_id) DO NOTHING`,
        [tokenId, username, expiresAt],
      );
      await tx.query(`SELECT pg_notify('${USERS_CHANNEL}', $1)`, [username]);
    });
  }

  /**
   * False: no such user. Disabling also withdraws every token issued to the user until now
   * (`sessions_revoked_at`), and tells the gateways at commit (NOTIFY seguimiento_users), which
   * refuse them from then on; enabling keeps those tokens withdrawn.
   */
  async setDisabled(username: string, disabled: boolean): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const [, affected]: [unknown, number] = await tx.query(
        `UPDATE users SET disabled = $2, sessions_revoked_at = CASE WHEN $2 THEN now() ELSE sessions_revoked_at END,
           updated_at = now() WHERE username = $1`,
        [username, disabled],
      );
      if (affected > 0) await tx.query(`SELECT pg_notify('${USERS_CHANNEL}', $1)`, [username]);
      return affected > 0;
    });
  }

  /** Counts one wrong password at `now`; the state it leaves, or null when there is no such user. */
  async recordFailure(username: string, now: Date, policy: LockoutPolicy): Promise<FailureState | null> {
    return this.db.transaction(async (tx) => {
      const user = await this.locked(tx, username);
      if (!user) return null;
      const next = afterFailure(user, now, policy);
      await this.saveFailures(tx, username, next);
      return next;
    });
  }

  /**
   * A right password at `now`: the failed attempts start again, unless a concurrent attempt locked
   * the account meanwhile (then the milliseconds it stays locked, and nothing changes), or it was
   * disabled or removed meanwhile (null).
   */
  async recordSuccess(username: string, now: Date): Promise<{ user: StoredUser; lockedMs: number } | null> {
    return this.db.transaction(async (tx) => {
      const user = await this.locked(tx, username);
      if (!user || user.disabled) return null;
      const lockedMs = lockedFor(user, now);
      if (lockedMs === 0 && (user.failedAttempts !== 0 || user.lockedUntil !== null))
        await this.saveFailures(tx, username, afterSuccess());
      return { user, lockedMs };
    });
  }

  private async locked(tx: EntityManager, username: string): Promise<StoredUser | null> {
    const rows: StoredUser[] = await tx.query(`SELECT ${COLUMNS} FROM users WHERE username = $1 FOR UPDATE`, [
      username,
    ]);
    return rows[0] ?? null;
  }

  private async saveFailures(tx: EntityManager, username: string, state: FailureState): Promise<void> {
    await tx.query('UPDATE users SET failed_attempts = $2, locked_until = $3 WHERE username = $1', [
      username,
      state.failedAttempts,
      state.lockedUntil,
    ]);
  }
}
