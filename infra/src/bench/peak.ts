/** The largest of a series of readings, those that could not be taken (null) left out. */
export class Peak {
  private highest: number | null = null;
  private readings = 0;

  add(value: number | null): void {
    if (value === null || Number.isNaN(value)) return;
    this.readings++;
    if (this.highest === null || value > this.highest) this.highest = value;
  }

  get value(): number | null {
    return this.highest;
  }

  get samples(): number {
    return this.readings;
  }
}

/** Reads `read()` now and every `everyMs` until stopped; the peak of what it read. */
export function samplePeak(read: () => number | null, everyMs: number): { peak: Peak; stop(): Peak } {
  const peak = new Peak();
  peak.add(read());
  const timer = setInterval(() => peak.add(read()), everyMs);
  return {
    peak,
    stop() {
      clearInterval(timer);
      peak.add(read());
      return peak;
    },
  };
}
