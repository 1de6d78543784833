import { percentile, pool, summarize } from './stats';

describe('benchmark statistics', () => {
  it('takes percentiles by nearest rank', () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect([percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99), percentile(sorted, 100)]).toEqual([50, 95, 99, 100]);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
    expect(summarize([3, 1, 2])).toEqual({ n: 3, p50: 2, p95: 3, p99: 3, max: 3 });
  });

  it('keeps at most `concurrency` tasks in flight and runs each once', async () => {
    let inFlight = 0;
    let most = 0;
    const seen: number[] = [];
    const { durations } = await pool(20, 4, async (i) => {
      inFlight++;
      most = Math.max(most, inFlight);
      seen.push(i);
      await new Promise((r) => setTimeout(r, 2));
      inFlight--;
    });
    expect(most).toBe(4);
    expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(durations).toHaveLength(20);
  });
});
