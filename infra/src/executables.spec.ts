import { CommandFailed, onPath, runWithProgress } from './executables';

describe('provisioning commands', () => {
  it('finds executables on PATH, and not what is not there', () => {
    expect(onPath('sh')).toMatch(/\/sh$/);
    expect(onPath('no-such-command-seguimiento')).toBeNull();
  });

  it('runs a command, hands its output over, and resolves on success', async () => {
    const seen: string[] = [];
    await runWithProgress('sh', ['-c', 'echo go: downloading x; echo go: downloading y'], {
      log: () => undefined,
      progress: () => '',
      onOutput: (t) => seen.push(t),
    });
    expect(seen.join('').match(/go: downloading/g)).toHaveLength(2);
  });

  it('rejects with the exit code and what the command printed', async () => {
    const error = await runWithProgress('sh', ['-c', 'echo "[ERROR] Could not resolve" >&2; exit 3'], {
      log: () => undefined,
      progress: () => '',
    }).catch((e) => e);
    expect(error).toBeInstanceOf(CommandFailed);
    expect(error.summary).toBe('sh -c echo "[ERROR] Could not resolve" >&2; exit 3 exited with 3');
    expect(error.output).toContain('[ERROR] Could not resolve');
  });
});
