import { Peak, samplePeak } from './peak';

describe("a phase's peak memory", () => {
  it('keeps the largest reading, whatever came after it, and leaves unreadable ones out', () => {
    const peak = new Peak();
    expect(peak.value).toBeNull();
    for (const v of [300, null, 620, 410, Number.NaN, 415]) peak.add(v);
    expect(peak.value).toBe(620);
    expect(peak.samples).toBe(4);
  });

  it('reads at the start and at the stop, so a phase shorter than the interval still has its ends', () => {
    const readings = [100, 250];
    const sampler = samplePeak(() => readings.shift() ?? null, 60_000);
    const peak = sampler.stop();
    expect(peak.value).toBe(250);
    expect(peak.samples).toBe(2);
  });
});
