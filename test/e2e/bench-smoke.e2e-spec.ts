import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from '@seguimiento/runtime';

/**
 * The benchmark in smoke mode (tiny sizes): it starts the system itself, measures every figure
 * beside its baseline and writes its results. This checks that the benchmark works — never a speed.
 */
describe('npm run bench -- --smoke', () => {
  it('measures every figure and writes results.json with the machine it ran on', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'seguimiento-bench-smoke-'));
    try {
      const out = join(dir, 'results.json');
      const { stdout } = await promisify(execFile)(
        process.execPath,
        [join(repoRoot(), 'infra', 'scripts', 'bench.js'), '--smoke', '--out', out],
        {
          cwd: repoRoot(),
          maxBuffer: 10 * 1024 * 1024,
          timeout: 480_000,
        },
      );
      expect(stdout).toMatch(/\| figure +\| value +\| raw baseline +\| ratio +\| target +\| met +\|/);
      const results = JSON.parse(readFileSync(out, 'utf8'));
      expect(results).toMatchObject({
        mode: 'smoke',
        machine: {
          cores: expect.any(Number),
          memoryGiB: expect.any(Number),
          node: process.version,
          temporal: expect.stringMatching(/Server 1\.29/),
        },
      });
      const byName = Object.fromEntries(results.figures.map((f: { name: string }) => [f.name, f]));
      expect(Object.keys(byName).sort()).toEqual(
        [
          'throughput.c1',
          'throughput.c32',
          'latency.documents.p99',
          'latency.dashboard.p99',
          'freshness.p99',
          'rebuild',
          'scale.startAll',
          'scale.workerRss',
          'scale.temporalRss',
          'scale.timerLateness.p99',
          'console.firstLoadBytes',
          'console.nationalView',
          'ingest.pdf20',
        ].sort(),
      );
      // No figure failed: each baseline returned its figure's payload, no mutation outran the read models.
      expect(results.figures.filter((f: { failures: string[] }) => f.failures.length > 0)).toEqual([]);
      for (const name of [
        'throughput.c1',
        'throughput.c32',
        'latency.documents.p99',
        'latency.dashboard.p99',
        'rebuild',
        'console.nationalView',
        'ingest.pdf20',
      ]) {
        expect(byName[name]).toMatchObject({
          value: expect.any(Number),
          baseline: expect.any(Number),
          ratio: expect.any(Number),
          dataset: expect.any(String),
        });
      }
      for (const name of [
        'freshness.p99',
        'scale.startAll',
        'scale.workerRss',
        'scale.temporalRss',
        'scale.timerLateness.p99',
        'console.firstLoadBytes',
      ]) {
        expect(byName[name].value).toEqual(expect.any(Number));
      }
      expect(byName['throughput.c32'].details.readYourWritesTimeouts).toBe(0);
      expect(byName['latency.dashboard.p99'].details.payloadsCompared).toBe(results.sizes.oples);
      expect(byName['scale.workerRss'].details).toMatchObject({
        peak: expect.any(Number),
        cacheSize: expect.any(Number),
      });
      expect(byName['freshness.p99'].details.missed).toBe(0);
      expect(byName['scale.startAll'].details.open).toBe(results.sizes.workflows);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 540_000);
});
