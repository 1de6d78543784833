import { ChaosPlan, VICTIM_KINDS, victimName, victimsOf } from './chaos-plan';
import { SeededRandom } from './seeded-random';

const topology = { workers: 2, gateways: 2 };

describe('victimsOf', () => {
  it('lists each worker and gateway, Temporal and PostgreSQL', () => {
    expect(victimsOf(topology, VICTIM_KINDS).map(victimName)).toEqual([
      'worker 1',
      'worker 2',
      'gateway 1',
      'gateway 2',
      'Temporal',
      'PostgreSQL',
    ]);
  });

  it('kills no worker or gateway that has no other of its kind to carry on', () => {
    expect(victimsOf({ workers: 1, gateways: 2 }, ['worker', 'gateway']).map(victimName)).toEqual([
      'gateway 1',
      'gateway 2',
    ]);
  });

  it('keeps only the kinds asked for', () => {
    expect(victimsOf(topology, ['temporal']).map(victimName)).toEqual(['Temporal']);
  });
});

describe('ChaosPlan', () => {
  const plan = (seed: number) =>
    new ChaosPlan(new SeededRandom(seed), victimsOf(topology, VICTIM_KINDS), 45_000, { min: 3000, max: 15_000 });
  const draw = (p: ChaosPlan, n: number) => Array.from({ length: n }, () => p.next());

  it('hits every victim once in each round of as many kills as victims', () => {
    const kills = draw(plan(11), 12).map((k) => victimName(k.victim));
    expect([...kills.slice(0, 6)].sort()).toEqual([...kills.slice(6)].sort());
    expect(new Set(kills.slice(0, 6)).size).toBe(6);
  });

  it('plays the same schedule from the same seed', () => {
    expect(draw(plan(5), 10)).toEqual(draw(plan(5), 10));
    expect(draw(plan(5), 10)).not.toEqual(draw(plan(6), 10));
  });

  it('kills in the first third of the interval and restarts after a pause within bounds', () => {
    for (const k of draw(plan(9), 60)) {
      expect(k.offsetMs).toBeGreaterThanOrEqual(0);
      expect(k.offsetMs).toBeLessThanOrEqual(15_000);
      expect(k.pauseMs).toBeGreaterThanOrEqual(3000);
      expect(k.pauseMs).toBeLessThanOrEqual(15_000);
    }
  });

  it('refuses a plan with nothing to kill', () => {
    expect(() => new ChaosPlan(new SeededRandom(1), [], 45_000, { min: 1, max: 2 })).toThrow(/no process to kill/);
  });
});
