import { Global, Module } from '@nestjs/common';
import { Metrics, MetricsController } from './metrics';

/** Metrics (Prometheus at /metrics) for every feature of the gateway. */
@Global()
@Module({ providers: [Metrics], controllers: [MetricsController], exports: [Metrics] })
export class ObservabilityModule {}
