import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { repoRoot } from '@seguimiento/runtime';
import { generateDataset } from '../datasets/generate';
import { ensureTemporalCli } from '../temporal-cli';
import { type BenchTemporal, benchStack } from './bench-stack';
import { type Figure, benchContext, caughtUp, progress } from './context';
import { consoleFigures } from './console-figure';
import { freshness } from './freshness';
import { latency } from './latency';
import { PDF_PAGES, pdfIngest } from './pdf-ingest';
import { rebuild } from './rebuild-figure';
import { scale } from './scale';
import { throughput } from './throughput';

/** Sizes of one run; the default run fits in 10 minutes on a 2-core machine, the smoke run in seconds. */
export interface BenchSizes {
  oples: number;
  documents: number;
  rounds: number;
  seed: number;
  clients: number;
  requests: number;
  throughput1: number;
  throughput32: number;
  freshness: number;
  workflows: number;
  probes: number;
  window: number;
  /** Visits of /nacional per side (live and replayed) for the console's time. */
  visits: number;
  /** Readings of the 20-page PDF per side (libs/files + parser, and pdftotext). */
  pdfRuns: number;
}

const DEFAULT_SIZES: BenchSizes = { oples: 32, documents: 300, rounds: 4, seed: 1, clients: 32, requests: 2000, throughput1: 100, throughput32: 1000, freshness: 200, workflows: 10000, probes: 200, window: 30, visits: 3, pdfRuns: 5 };
const SMOKE_SIZES: BenchSizes = { oples: 2, documents: 5, rounds: 2, seed: 1, clients: 4, requests: 20, throughput1: 4, throughput32: 8, freshness: 4, workflows: 10, probes: 4, window: 3, visits: 1, pdfRuns: 1 };

/** One oficio at a time (issue 19): the wait an operator feels, and the fraction of raw Temporal. */
const C1_TARGET = {
  text: 'p50 ≤ 50 ms and ≥ 0.25 × raw',
  met: (f: Figure) => {
    const p50 = (f.details.roundTripMs as { p50?: number } | undefined)?.p50;
    return f.ratio === null || p50 === undefined ? null : p50 <= 50 && f.ratio >= 0.25;
  },
};

/** What each figure should show (never asserted: printed beside the value). */
const TARGETS: Record<string, { text: string; met: (f: Figure) => boolean | null }> = {
  'throughput.c1': C1_TARGET,
  'throughput.c32': { text: '≥ 0.5 × raw', met: (f) => (f.ratio === null ? null : f.ratio >= 0.5) },
  'throughput.cluster.c1': C1_TARGET,
  'throughput.cluster.c32': { text: '≥ 0.5 × raw', met: (f) => (f.ratio === null ? null : f.ratio >= 0.5) },
  'latency.documents.p99': { text: '≤ 25 ms and ≤ 2 × raw', met: (f) => (f.value === null || f.ratio === null ? null : f.value <= 25 && f.ratio <= 2) },
  'latency.dashboard.p99': { text: '≤ 25 ms and ≤ 2 × raw', met: (f) => (f.value === null || f.ratio === null ? null : f.value <= 25 && f.ratio <= 2) },
  'freshness.p99': { text: '≤ 200 ms', met: (f) => (f.value === null ? null : f.value <= 200) },
  'scale.workerRss': { text: '< 1024 MiB', met: (f) => (f.value === null ? null : f.value < 1024) },
  'scale.timerLateness.p99': { text: '< 1000 ms', met: (f) => (f.value === null ? null : f.value < 1000) },
  rebuild: { text: '≥ 20,000 events/s', met: (f) => (f.value === null ? null : f.value >= 20000) },
  'console.firstLoadBytes': { text: '≤ 350 KB', met: (f) => (f.value === null ? null : f.value <= 350) },
  'console.nationalView': { text: '≤ 1,200 ms', met: (f) => (f.value === null ? null : f.value <= 1200) },
};

export async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      smoke: { type: 'boolean' },
      only: { type: 'string' },
      temporal: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      ...Object.fromEntries(Object.keys(DEFAULT_SIZES).map((k) => [k, { type: 'string' as const }])),
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(
      `npm run bench -- [--smoke] [--out FILE] ${Object.entries(DEFAULT_SIZES).map(([k, v]) => `[--${k} ${v}]`).join(' ')}\n` +
        '--temporal dev,cluster (default; --smoke: dev): the servers the throughput group runs on, each figure against its own raw baseline (throughput.cluster.*: the full server on PostgreSQL); the other groups run on the dev server.\n' +
          'Starts the system itself (or uses the one named by BENCH_GRAPHQL_URL, DATABASE_URL, TEMPORAL_ADDRESS, JWT_SECRET), prints a table and writes bench/results.json.\n',
    );
    return 0;
  }
  const sizes: BenchSizes = { ...(values.smoke ? SMOKE_SIZES : DEFAULT_SIZES) };
  for (const key of Object.keys(DEFAULT_SIZES) as Array<keyof BenchSizes>) {
    const raw = (values as Record<string, unknown>)[key];
    if (raw === undefined) continue;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${key}: "${raw}" must be a positive integer`);
    sizes[key] = n;
  }
  const out = values.out ?? join(repoRoot(), 'bench', 'results.json');
  const GROUPS = ['latency', 'console', 'ingest', 'throughput', 'freshness', 'rebuild', 'scale'];
  const only = values.only ? values.only.split(',').map((g) => g.trim()) : GROUPS;
  for (const g of only) if (!GROUPS.includes(g)) throw new Error(`--only: "${g}" is not one of ${GROUPS.join(', ')}`);
  const runs = (group: string) => only.includes(group);
  // The smoke run checks the figures' shape on the dev server only (the full server takes a minute to start).
  const servers = (values.temporal ?? (values.smoke ? 'dev' : 'dev,cluster')).split(',').map((t) => t.trim()) as BenchTemporal[];
  for (const t of servers) if (t !== 'dev' && t !== 'cluster') throw new Error(`--temporal: "${t}" is not one of dev, cluster`);
  const onDev = only.some((g) => g !== 'throughput') || servers.includes('dev');
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const began = Date.now();
  const runId = Date.now().toString(36);

  const figures: Figure[] = [];
  const info = await machine();
  // Each figure is printed and saved as soon as it is measured: an interrupted run keeps what it measured.
  const save = (complete: boolean) => {
    const results = {
      generatedAt: new Date().toISOString(),
      mode: values.smoke ? 'smoke' : 'default',
      complete,
      durationS: Math.round((Date.now() - began) / 1000),
      machine: info,
      sizes,
      figures: figures.map((f) => ({ ...f, failures: f.failures ?? [], target: TARGETS[f.name]?.text ?? null, met: f.failures?.length ? false : (TARGETS[f.name]?.met(f) ?? null) })),
    };
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
    return results;
  };
  const record = (...measured: Figure[]) => {
    for (const f of measured) {
      figures.push(f);
      const trip = f.details.roundTripMs as { p50: number } | undefined;
      log(`  = ${f.name}: ${fmt(f.value)} ${f.unit}${f.baseline === null ? '' : ` (raw ${fmt(f.baseline)} ${f.unit}, ratio ${fmt(f.ratio)})`}${trip ? `; round trip p50 ${fmt(trip.p50)} ms` : ''}`);
    }
    save(false);
  };
  if (onDev) await onStack('dev', (ctx) => devGroups(ctx));
  if (runs('throughput') && servers.includes('cluster'))
    await onStack('cluster', async (ctx) => {
      log('▸ oficio throughput on the full Temporal server on PostgreSQL');
      const onCluster = (f: Figure): Figure => ({ ...f, name: f.name.replace('throughput.', 'throughput.cluster.') });
      record(onCluster(await throughput(ctx, `${runId}k`, 1, sizes.throughput1)));
      record(onCluster(await throughput(ctx, `${runId}k`, 32, sizes.throughput32)));
    });

  async function onStack(temporal: BenchTemporal, measure: (ctx: Awaited<ReturnType<typeof benchContext>>) => Promise<void>): Promise<void> {
    const stack = await benchStack(log, temporal);
    try {
      const ctx = await benchContext(stack, log);
      try {
        await measure(ctx);
      } finally {
        await ctx.close();
      }
    } finally {
      await stack.stop();
    }
  }

  async function devGroups(ctx: Awaited<ReturnType<typeof benchContext>>): Promise<void> {
    const dataset = `${sizes.oples} OPLEs × ${sizes.documents} documents × ${sizes.rounds} rounds (seed ${sizes.seed})`;
    let events = 0;
    if (runs('latency') || runs('rebuild') || runs('console')) {
      log(`▸ dataset: ${dataset}`);
      const tick = progress(log, 'documents generated', sizes.oples * sizes.documents);
      events = (await generateDataset(ctx.db, { oples: sizes.oples, documentsPerOple: sizes.documents, rounds: sizes.rounds, seed: sizes.seed, onProgress: (d) => tick(d) })).events;
      log(`  ${events} events; waiting for the projector…`);
      await caughtUp(ctx.db);
    }
    if (runs('latency')) {
      log('▸ supervisor query latency');
      record(await latency(ctx, 'documents', sizes.clients, sizes.requests, sizes.oples, `${dataset}, ${events} events`));
      record(await latency(ctx, 'dashboard', sizes.clients, sizes.requests, sizes.oples, `${dataset}, ${events} events`));
    }
    if (runs('console')) {
      log('▸ console: first load and the national view');
      record(...(await consoleFigures(ctx, sizes.visits, `${dataset}, ${events} events`)));
    }
    if (runs('ingest')) {
      log(`▸ ingesting a ${PDF_PAGES}-page PDF`);
      record(await pdfIngest(log, sizes.pdfRuns));
    }
    if (runs('throughput') && servers.includes('dev')) {
      log('▸ oficio throughput');
      record(await throughput(ctx, runId, 1, sizes.throughput1));
      record(await throughput(ctx, runId, 32, sizes.throughput32));
    }
    if (runs('freshness')) {
      log('▸ freshness');
      record(await freshness(ctx, runId, sizes.freshness));
    }
    if (runs('rebuild')) {
      log('▸ rebuild');
      record(await rebuild(ctx));
    }
    if (runs('scale')) {
      log('▸ scale');
      record(...(await scale(ctx, runId, sizes.workflows, sizes.probes, sizes.window)));
    }
  }

  const results = save(true);
  process.stdout.write(`${table(results.figures)}\n\n${results.machine.summary}; ${results.durationS} s; written to ${out}\n`);
  // A failed figure (its baseline's payload differed, read-your-writes timed out…) fails the run.
  const failed = results.figures.filter((f) => f.failures.length > 0);
  for (const f of failed) process.stdout.write(`FAILED ${f.name}: ${f.failures.join('; ')}\n`);
  return failed.length > 0 ? 1 : 0;
}

function fmt(v: number | null): string {
  return v === null ? '—' : v.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

function table(figures: Array<Figure & { failures: string[]; target: string | null; met: boolean | null }>): string {
  const rows = [['figure', 'value', 'raw baseline', 'ratio', 'target', 'met'], ...figures.map((f) => [f.name, `${fmt(f.value)} ${f.unit}`, f.baseline === null ? '—' : `${fmt(f.baseline)} ${f.unit}`, fmt(f.ratio), f.target ?? '—', f.failures.length > 0 ? 'FAILED' : f.met === null ? '—' : f.met ? 'yes' : 'NO'])];
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  const line = (r: string[]) => `| ${r.map((cell, c) => cell.padEnd(widths[c])).join(' | ')} |`;
  return [line(rows[0]), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.slice(1).map(line)].join('\n');
}

async function machine(): Promise<{ cores: number; cpu: string; memoryGiB: number; node: string; temporal: string; summary: string }> {
  const cli = await ensureTemporalCli();
  const temporal = execFileSync(cli, ['--version'], { encoding: 'utf8' }).trim();
  const info = { cores: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version, temporal };
  return { ...info, summary: `${info.cores} cores (${info.cpu}), ${info.memoryGiB} GiB, Node ${info.node}, ${info.temporal}` };
}
