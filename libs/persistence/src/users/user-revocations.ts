import type { Revocation } from '@seguimiento/auth';
import type { DataSource } from 'typeorm';
import { PgListener } from '../notifications/pg-listener';
import { USERS_CHANNEL } from './user-store';

/**
 * The users whose tokens the gateway must refuse (disabled, or withdrawn by `users disable` or
 * `users passwd`) and the tokens signed out one by one, kept in memory so that checking a token
 * costs no query: read at start, and again whenever `UserStore` announces a change (NOTIFY seguimiento_users, sent at its commit) or the
 * LISTEN connection comes back after a break (what was announced meanwhile is read again).
 */
export class UserRevocations {
  private known = new Map<string, Revocation>();
  /** The ids of tokens signed out and not yet expired, with their user. */
  private withdrawn = new Map<string, string>();
  private reading: Promise<void> = Promise.resolve();
  private readonly listener: PgListener;
  private readonly followers = new Set<(usernames: string[]) => void>();

  constructor(
    private readonly db: DataSource,
    databaseUrl: string,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {
    this.listener = new PgListener({
      url: databaseUrl,
      channel: USERS_CHANNEL,
      applicationName: 'seguimiento-revocations',
      onNotify: () => void this.refresh().catch(onError),
      onError,
    });
  }

  /** Reads the table and starts listening; throws when the table cannot be read (the gateway must not start blind). */
  async start(): Promise<void> {
    await this.refresh();
    await this.listener.start().catch(this.onError);
  }

  async stop(): Promise<void> {
    await this.listener.stop();
  }

  /** What is held against `username`'s tokens, if anything. */
  get(username: string): Revocation | undefined {
    return this.known.get(username);
  }

  /** Whether the token with this id was signed out (and has not expired yet). */
  isWithdrawn(tokenId: string): boolean {
    return this.withdrawn.has(tokenId);
  }

  /** Calls `follower` with the users whose revocation changed, after each read; returns the unsubscribe. */
  onChange(follower: (usernames: string[]) => void): () => void {
    this.followers.add(follower);
    return () => this.followers.delete(follower);
  }

  /** Reads the table again (one read at a time, in order). */
  refresh(): Promise<void> {
    this.reading = this.reading.catch(() => undefined).then(() => this.read());
    return this.reading;
  }

  private async read(): Promise<void> {
    const rows: Array<{ username: string; disabled: boolean; revokedAt: Date | null }> = await this.db.query(
      `SELECT username, disabled, sessions_revoked_at AS "revokedAt" FROM users WHERE disabled OR sessions_revoked_at IS NOT NULL`,
    );
    const next = new Map(rows.map((r) => [r.username, { disabled: r.disabled, revokedAt: r.revokedAt }]));
    const changed = [...new Set([...next.keys(), ...this.known.keys()])].filter(
      (u) =>
        next.get(u)?.disabled !== this.known.get(u)?.disabled ||
        next.get(u)?.revokedAt?.getTime() !== this.known.get(u)?.revokedAt?.getTime(),
    );
    const tokens: Array<{ tokenId: string; username: string }> = await this.db.query(
      `SELECT token_id AS "tokenId", username FROM withdrawn_tokens WHERE expires_at > now()`,
    );
    const withdrawn = new Map(tokens.map((t) => [t.tokenId, t.username]));
    for (const [tokenId, username] of withdrawn) if (!this.withdrawn.has(tokenId)) changed.push(username);
    this.known = next;
    this.withdrawn = withdrawn;
    if (changed.length) for (const follower of this.followers) follower([...new Set(changed)]);
  }
}
