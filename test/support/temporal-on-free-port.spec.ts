import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTemporalOnFreePort } from './temporal-on-free-port';

describe('startTemporalOnFreePort', () => {
  const dir = mkdtempSync(join(tmpdir(), 'temporal-retry-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('starts a server that died before it was ready twice more, then fails saying why', async () => {
    const calls = join(dir, 'calls');
    const cli = join(dir, 'temporal');
    // A CLI that dies at start the way the dev server does when a port it picked was taken.
    writeFileSync(
      cli,
      `#!/bin/sh\necho x >> '${calls}'\necho 'panic: listen tcp 127.0.0.1:7235: bind: address already in use' >&2\necho 'goroutine 1 [running]:' >&2\nexit 2\n`,
    );
    chmodSync(cli, 0o755);
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      await expect(startTemporalOnFreePort(cli)).rejects.toThrow(
        /^temporal server exited before it was ready\npanic: listen tcp 127\.0\.0\.1:7235: bind: address already in use/,
      );
    } finally {
      stderr.mockRestore();
    }
    expect(readFileSync(calls, 'utf8').trim().split('\n')).toHaveLength(3);
  });
});
