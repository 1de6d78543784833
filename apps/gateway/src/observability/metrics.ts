import type { ApolloServerPlugin } from '@apollo/server';
import { Controller, Get, Header, Injectable } from '@nestjs/common';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { DataSource } from 'typeorm';
import { escalationsByStep } from '@seguimiento/persistence';
import { operationLabel } from './operation-label';

/** How long a scrape reuses the escalation counts (a database aggregate) of the previous one. */
const ESCALATIONS_CACHE_MS = 30_000;

/** The gateway's Prometheus metrics, in a registry of its own. */
@Injectable()
export class Metrics {
  readonly registry = new Registry();
  readonly requestSeconds = new Histogram({
    name: 'seguimiento_graphql_request_duration_seconds',
    help: 'GraphQL request latency, by operation (the root field asked for: see operationLabel) and outcome',
    labelNames: ['operation', 'outcome'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });
  readonly workflowStarts = new Counter({
    name: 'seguimiento_workflow_start_requests_total',
    help: 'Commands sent with update-with-start (they start the case workflow when none runs), by workflow type',
    labelNames: ['workflow'],
    registers: [this.registry],
  });
  readonly rateLimited = new Counter({
    name: 'seguimiento_rate_limited_requests_total',
    help: 'GraphQL operations refused because their token used up its allowance (RATE_LIMIT_PER_MINUTE), by transport (http, ws)',
    labelNames: ['transport'],
    registers: [this.registry],
  });

  readonly readYourWritesTimeouts = new Counter({
    name: 'seguimiento_read_your_writes_timeouts_total',
    help: 'Mutations that answered before the read models included their events (read-your-writes gave up waiting; the log is up to date)',
    registers: [this.registry],
  });

  /** Where an oficio's round trip goes (issue 19): the command through Temporal, then the wait for the read models. */
  readonly caseCommandSeconds = new Histogram({
    name: 'seguimiento_case_command_seconds',
    help: "A command's round trip through Temporal: the update (with start) sent, decided and its events appended in the workflow, answered",
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });
  readonly readYourWritesSeconds = new Histogram({
    name: 'seguimiento_read_your_writes_wait_seconds',
    help: 'How long a mutation waited, once its events were appended, for the read models to include them (read-your-writes)',
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2],
    registers: [this.registry],
  });

  readonly anonymous = new Counter({
    name: 'seguimiento_anonymous_requests_total',
    help: 'Requests and WebSocket connections without a valid token, refused before anything else: unauthenticated (401, or WebSocket closed 4401) or rate_limited (ANONYMOUS_RATE_LIMIT_PER_MINUTE, per client address)',
    labelNames: ['transport', 'outcome'],
    registers: [this.registry],
  });

  constructor(dataSource: DataSource) {
    collectDefaultMetrics({ register: this.registry, prefix: 'seguimiento_gateway_' });
    // Both series exist from the start (at 0), so a rate over them is defined before the first refusal.
    for (const transport of ['http', 'ws']) this.rateLimited.inc({ transport }, 0);
    this.readYourWritesTimeouts.inc(0);
    for (const transport of ['http', 'ws'])
      for (const outcome of ['unauthenticated', 'rate_limited']) this.anonymous.inc({ transport, outcome }, 0);
    // One aggregate per ESCALATIONS_CACHE_MS, however often (and however many at once) scrapes come.
    let cached: { at: number; rows: Promise<Array<{ step: string; n: number }>> } | null = null;
    new Gauge({
      name: 'seguimiento_escalations_raised',
      help: 'Escalations raised so far (from the read models), by step',
      labelNames: ['step'],
      registers: [this.registry],
      async collect() {
        const now = Date.now();
        if (!cached || now - cached.at >= ESCALATIONS_CACHE_MS) {
          cached = {
            at: now,
            rows: escalationsByStep(dataSource).catch(() => {
              cached = null; // a failed aggregate is not kept: the next scrape tries again
              return [];
            }),
          };
        }
        const rows = await cached.rows;
        this.reset();
        for (const r of rows) this.set({ step: r.step }, r.n);
      },
    });
  }

  /** Times every GraphQL request. */
  plugin(): ApolloServerPlugin {
    const histogram = this.requestSeconds;
    return {
      async requestDidStart() {
        const end = histogram.startTimer();
        return {
          async willSendResponse({ document, operation, errors }) {
            end({ operation: operationLabel(document, operation), outcome: errors?.length ? 'error' : 'ok' });
          },
        };
      },
    };
  }
}

@Controller()
export class MetricsController {
  constructor(private readonly metrics: Metrics) {}

  /** Prometheus scrape endpoint; `metricsAccess` (bootstrap) lets only METRICS_TOKEN or an ADMIN's token through. */
  @Get('metrics')
  @Header('content-type', 'text/plain; version=0.0.4')
  scrape(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
