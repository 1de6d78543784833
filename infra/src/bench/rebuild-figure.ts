import { rebuildReadModels } from '@seguimiento/persistence';
import { type BenchContext, type Figure, progress, ratio } from './context';

/**
 * Rebuild: events per second of a full projection rebuild (every read model cleared and folded
 * again from the log). Baseline: a bare INSERT … SELECT copy of the same rows into a scratch table.
 */
export async function rebuild(ctx: BenchContext): Promise<Figure> {
  const [{ total }] = await ctx.db.query('SELECT count(*)::int AS total FROM events');
  const tick = progress(ctx.log, 'rebuild', total);
  const result = await rebuildReadModels(ctx.db, { onProgress: (done) => tick(done) });
  const runner = ctx.db.createQueryRunner();
  let copyMs: number;
  try {
    await runner.query('CREATE TEMP TABLE bench_events_copy (LIKE events)');
    const t = performance.now();
    await runner.query('INSERT INTO bench_events_copy SELECT * FROM events');
    copyMs = performance.now() - t;
    await runner.query('DROP TABLE bench_events_copy');
  } finally {
    await runner.release();
  }
  const value = Math.round((result.events / result.ms) * 1000);
  const baseline = Math.round((total / copyMs) * 1000);
  return { name: 'rebuild', unit: 'events/s', value, baseline, ratio: ratio(value, baseline), dataset: `${result.events} events`, details: { ms: result.ms, copyMs: Math.round(copyMs) } };
}
