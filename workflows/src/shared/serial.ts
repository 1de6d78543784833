/**
 * Runs async steps one at a time, in arrival order. Update handlers that await an activity would
 * otherwise interleave and decide on the same state; serialising them keeps each decision on the
 * state the previous one left. Deterministic: plain promises only.
 */
export function createSerial(): { run<T>(step: () => Promise<T>): Promise<T>; idle(): boolean } {
  let tail: Promise<unknown> = Promise.resolve();
  let pending = 0;
  return {
    run<T>(step: () => Promise<T>): Promise<T> {
      pending += 1;
      const result = tail.then(step);
      tail = result.then(
        () => (pending -= 1),
        () => (pending -= 1),
      );
      return result;
    },
    idle: () => pending === 0,
  };
}
