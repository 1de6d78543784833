import type { DataSource, EntityManager } from 'typeorm';
import { PgListener } from '../notifications/pg-listener';
import { type LoggedEvent, READ_MODEL_TABLES, projectBatch } from './read-models';

const PROJECTION_NAME = 'read-models';
/** Held by whoever projects: one projector at a time, however many processes run one. */
const PROJECTOR_LOCK = 7_201_830_242;

/**
 * Follows the log by global position and keeps the read models (rm_*) up to date. Each batch
 * applies its events and moves the checkpoint in one transaction, so the projector can be killed
 * at any point and resumes exactly where the last committed batch ended. It wakes on the
 * `seguimiento_events` notification sent by every append, and polls once a second as a fallback.
 */
export class Projector {
  private listener: PgListener | null = null;
  private running = false;
  private wake: (() => void) | null = null;
  private loop: Promise<void> | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly options: { batchSize?: number; databaseUrl?: string; onError?: (error: unknown) => void } = {},
  ) {}

  /** Applies at most one batch; returns how many events it projected (0: caught up, or another projector holds the lock). */
  async runBatch(): Promise<number> {
    return this.dataSource.transaction(async (tx) => {
      const [{ locked }] = await tx.query('SELECT pg_try_advisory_xact_lock($1) AS locked', [PROJECTOR_LOCK]);
      if (!locked) return 0;
      return applyBatch(tx, this.options.batchSize ?? 500);
    });
  }

  /** Projects until caught up. */
  async catchUp(): Promise<number> {
    let total = 0;
    for (let n = await this.runBatch(); n > 0; n = await this.runBatch()) total += n;
    return total;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.follow();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    await this.listener?.stop();
    this.listener = null;
  }

  private async follow(): Promise<void> {
    await this.listen();
    while (this.running) {
      try {
        await this.catchUp();
      } catch (error) {
        this.options.onError?.(error);
      }
      if (!this.running) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 1000);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = null;
    }
  }

  private async listen(): Promise<void> {
    const url = this.options.databaseUrl ?? (this.dataSource.options as { url?: string }).url;
    if (!url) return;
    this.listener = new PgListener({
      url,
      channel: 'seguimiento_events',
      applicationName: 'seguimiento-projector',
      onNotify: () => this.wake?.(),
      onError: (error) => this.options.onError?.(error),
    });
    try {
      await this.listener.start();
    } catch (error) {
      this.options.onError?.(error); // polling still works
    }
  }
}

async function applyBatch(tx: EntityManager, batchSize: number): Promise<number> {
  const [checkpoint] = await tx.query('SELECT position FROM projection_checkpoints WHERE name = $1', [PROJECTION_NAME]);
  const from = checkpoint ? String(checkpoint.position) : '0';
  const events: LoggedEvent[] = await tx.query(
    'SELECT position, stream_id, stream_version, type, data, recorded_at FROM events WHERE position > $1 ORDER BY position LIMIT $2',
    [from, batchSize],
  );
  if (events.length === 0) return 0;
  await projectBatch(tx, events);
  await tx.query(
    `INSERT INTO projection_checkpoints (name, position) VALUES ($1, $2)
     ON CONFLICT (name) DO UPDATE SET position = EXCLUDED.position, updated_at = clock_timestamp()`,
    [PROJECTION_NAME, events[events.length - 1].position],
  );
  // Delivered on commit: readers that follow the read models (live subscriptions) look now.
  await tx.query("SELECT pg_notify('seguimiento_projected', $1)", [String(events[events.length - 1].position)]);
  return events.length;
}

/** The position the read models have reached. */
export async function projectedPosition(dataSource: DataSource): Promise<string> {
  const [row] = await dataSource.query('SELECT position FROM projection_checkpoints WHERE name = $1', [
    PROJECTION_NAME,
  ]);
  return row ? String(row.position) : '0';
}

/** Read-your-writes: resolves once the read models include `position`; false on time-out. */
export async function waitForPosition(dataSource: DataSource, position: string, timeoutMs = 5000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (BigInt(await projectedPosition(dataSource)) < BigInt(position)) {
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 5));
  }
  return true;
}

/**
 * Rebuilds every read model from the log: clears them and replays all events, holding the
 * projector lock so no live projector interleaves. `onProgress(done, total)` after each batch.
 */
export async function rebuildReadModels(
  dataSource: DataSource,
  options: { batchSize?: number; onProgress?: (done: number, total: number) => void } = {},
): Promise<{ events: number; ms: number }> {
  const started = Date.now();
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [PROJECTOR_LOCK]);
    const [{ total }] = await runner.query('SELECT count(*)::bigint AS total FROM events');
    await runner.startTransaction();
    await runner.query(`TRUNCATE ${READ_MODEL_TABLES.join(', ')}`);
    await runner.query('DELETE FROM projection_checkpoints WHERE name = $1', [PROJECTION_NAME]);
    await runner.commitTransaction();
    let done = 0;
    for (;;) {
      await runner.startTransaction();
      const n = await applyBatch(runner.manager, options.batchSize ?? 2000);
      await runner.commitTransaction();
      if (n === 0) break;
      done += n;
      options.onProgress?.(done, Number(total));
    }
    return { events: done, ms: Date.now() - started };
  } catch (error) {
    if (runner.isTransactionActive) await runner.rollbackTransaction();
    throw error;
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [PROJECTOR_LOCK]).catch(() => undefined);
    await runner.release();
  }
}
