import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { ProjectedPositionWatcher } from '@seguimiento/persistence';
import { DataSource } from 'typeorm';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config';
import { Metrics } from '../observability/metrics';

/**
 * Read-your-writes: a mutation answers only once the read models include the events it caused,
 * so the operator's next list query already shows them. Bounded: past `timeoutMs` the answer goes
 * out anyway (the log, and so the document itself, is already up to date), and the time-out is
 * counted (`seguimiento_read_your_writes_timeouts_total`: the benchmark fails a throughput figure
 * that had one). The projector's notifications say when; nothing polls per request.
 */
@Injectable()
export class ReadYourWrites implements OnModuleInit, OnModuleDestroy {
  private readonly watcher: ProjectedPositionWatcher;
  private readonly logger = new Logger('read-your-writes');

  constructor(
    dataSource: DataSource,
    @Inject(GATEWAY_CONFIG) config: GatewayConfig,
    private readonly metrics: Metrics,
  ) {
    this.watcher = new ProjectedPositionWatcher(dataSource, config.databaseUrl, (error) =>
      this.logger.warn(String(error)),
    );
  }

  async onModuleInit(): Promise<void> {
    await this.watcher.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.watcher.stop();
  }

  /** Calls `follower` with the new checkpoint whenever the read models move forward (the live feed follows them so). */
  onProjected(follower: (position: bigint) => void): () => void {
    return this.watcher.onAdvance(follower);
  }

  async waitFor(position: string | null, timeoutMs = 2000): Promise<void> {
    if (!position) return;
    const waited = this.metrics.readYourWritesSeconds.startTimer();
    const reached = await this.watcher.waitFor(position, timeoutMs);
    waited();
    if (!reached) this.metrics.readYourWritesTimeouts.inc();
  }
}
