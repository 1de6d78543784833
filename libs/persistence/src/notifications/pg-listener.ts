import { Client } from 'pg';

export interface PgListenerOptions {
  url: string;
  /** A PostgreSQL identifier: letters, digits and underscores. */
  channel: string;
  applicationName: string;
  /**
   * Called on each notification with its payload, and once without one after every reconnection:
   * notifications sent while the connection was down are lost, so the caller looks again.
   */
  onNotify: (payload?: string) => void;
  onError?: (error: unknown) => void;
  /** Wait between reconnection attempts (default 1 s). */
  retryMs?: number;
}

/**
 * A LISTEN connection that survives PostgreSQL restarts: when the connection breaks it reconnects,
 * listens again and calls `onNotify` so that nothing sent in between is missed. Without this, a
 * restart of the database silently ended the projector's wake-ups and every live subscription.
 */
export class PgListener {
  private client: Client | null = null;
  private stopped = false;
  private retry: NodeJS.Timeout | null = null;
  private connectedOnce = false;

  constructor(private readonly options: PgListenerOptions) {
    if (!/^[a-z_][a-z0-9_]*$/.test(options.channel))
      throw new Error(`channel: "${options.channel}" is not a PostgreSQL identifier`);
  }

  /** Connects and listens; throws if the first attempt fails, and keeps trying in the background. */
  async start(): Promise<void> {
    this.stopped = false;
    try {
      await this.connect();
    } catch (error) {
      this.scheduleReconnect();
      throw error;
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    this.retry = null;
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  get listening(): boolean {
    return this.client !== null;
  }

  private async connect(): Promise<void> {
    const client = new Client({ connectionString: this.options.url, application_name: this.options.applicationName });
    let broken = false;
    const onBreak = (error?: unknown) => {
      if (broken) return;
      broken = true;
      if (error) this.options.onError?.(error);
      if (this.client === client) this.client = null;
      client.end().catch(() => undefined);
      this.scheduleReconnect();
    };
    client.on('notification', (message) => this.options.onNotify(message.payload));
    client.on('error', onBreak);
    client.on('end', () => onBreak());
    try {
      await client.connect();
      await client.query(`LISTEN ${this.options.channel}`);
    } catch (error) {
      broken = true;
      await client.end().catch(() => undefined);
      throw error;
    }
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    if (this.connectedOnce) this.options.onNotify();
    this.connectedOnce = true;
  }

  private scheduleReconnect(): void {
    if (this.stopped || this.retry) return;
    this.retry = setTimeout(() => {
      this.retry = null;
      if (this.stopped) return;
      this.connect().catch((error) => {
        this.options.onError?.(error);
        this.scheduleReconnect();
      });
    }, this.options.retryMs ?? 1000);
    this.retry.unref();
  }
}
