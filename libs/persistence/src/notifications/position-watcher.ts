import type { DataSource } from 'typeorm';
import { projectedPosition } from '../projections/projector';
import { PgListener } from './pg-listener';

/** How often the watcher reads the checkpoint itself while someone waits (a missed notification costs at most this). */
const FALLBACK_POLL_MS = 250;

/**
 * Knows how far the read models have got, from the projector's `NOTIFY seguimiento_projected`
 * (whose payload is the new checkpoint), so that read-your-writes waits without querying the
 * checkpoint every few milliseconds per waiting request, and followers (the live feed) hear of
 * each advance through the same one connection. While anyone waits it also reads the
 * checkpoint every 250 ms, once for all of them, in case a notification was missed.
 */
export class ProjectedPositionWatcher {
  private known = 0n;
  private readonly waiters = new Set<{ target: bigint; done: (reached: boolean) => void }>();
  private readonly followers = new Set<(position: bigint) => void>();
  private readonly listener: PgListener;
  private poll: NodeJS.Timeout | null = null;

  constructor(
    private readonly dataSource: DataSource,
    databaseUrl: string,
    onError: (error: unknown) => void = () => undefined,
  ) {
    this.listener = new PgListener({
      url: databaseUrl,
      channel: 'seguimiento_projected',
      applicationName: 'seguimiento-read-your-writes',
      onNotify: (payload) =>
        payload && /^\d+$/.test(payload) ? this.advance(BigInt(payload)) : void this.refresh().catch(onError),
      onError,
    });
  }

  /** Starts listening; if the database cannot be reached now, waits still work by reading the checkpoint. */
  async start(): Promise<void> {
    await this.listener.start().catch(() => undefined);
    await this.refresh().catch(() => undefined);
  }

  async stop(): Promise<void> {
    await this.listener.stop();
    for (const waiter of this.waiters) waiter.done(false);
    this.waiters.clear();
    this.stopPolling();
  }

  /** Calls `follower` each time the read models move forward; returns the unsubscribe. */
  onAdvance(follower: (position: bigint) => void): () => void {
    this.followers.add(follower);
    return () => this.followers.delete(follower);
  }

  /** Resolves true once the read models include `position`, false after `timeoutMs`. */
  async waitFor(position: string, timeoutMs: number): Promise<boolean> {
    const target = BigInt(position);
    if (this.known >= target) return true;
    await this.refresh().catch(() => undefined); // the database unreachable: the polling retries
    if (this.known >= target) return true;
    return new Promise<boolean>((resolve) => {
      const waiter = {
        target,
        done: (reached: boolean) => {
          clearTimeout(timer);
          this.waiters.delete(waiter);
          if (this.waiters.size === 0) this.stopPolling();
          resolve(reached);
        },
      };
      const timer = setTimeout(() => waiter.done(false), timeoutMs);
      this.waiters.add(waiter);
      this.startPolling();
    });
  }

  private advance(position: bigint): void {
    if (position <= this.known) return;
    this.known = position;
    for (const waiter of [...this.waiters]) if (waiter.target <= position) waiter.done(true);
    for (const follower of this.followers) follower(position);
  }

  private async refresh(): Promise<void> {
    this.advance(BigInt(await projectedPosition(this.dataSource)));
  }

  private startPolling(): void {
    if (this.poll) return;
    this.poll = setInterval(() => void this.refresh().catch(() => undefined), FALLBACK_POLL_MS);
    this.poll.unref();
  }

  private stopPolling(): void {
    if (this.poll) clearInterval(this.poll);
    this.poll = null;
  }
}
