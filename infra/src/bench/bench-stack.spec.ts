import { workerCacheSizeIn } from './bench-stack';

describe("the worker's cache size, from npm start's output", () => {
  it('is read from the worker\'s "worker ready" line, and null without one', () => {
    const output = [
      '▸ worker: starting…',
      '  [worker] {"level":"info","msg":"projector","maxCachedWorkflows":9}',
      '  [worker] {"level":"info","msg":"worker ready","taskQueue":"seguimiento-documents","namespace":"default","maxCachedWorkflows":250}',
    ].join('\n');
    expect(workerCacheSizeIn(output)).toBe(250);
    expect(workerCacheSizeIn('  [worker] {"level":"info","msg":"worker ready","taskQueue":"q"}')).toBeNull();
    expect(workerCacheSizeIn('')).toBeNull();
  });
});
