import { spawn } from 'node:child_process';

export interface ChildResult {
  code: number | null;
  stdout: Buffer;
  stderr: string;
  timedOut: boolean;
}

/**
 * Runs a program with `input` on its standard input and collects its output, killing it after
 * `timeoutMs`. Untrusted files are parsed this way, in a process of their own.
 */
export function runChild(
  command: string,
  args: readonly string[],
  input: Uint8Array | null,
  timeoutMs: number,
): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    let stderr = '';
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout: Buffer.concat(out), stderr, timedOut });
    });
    child.stdin.on('error', () => undefined); // a child that exits early closes its input: not our error
    child.stdin.end(input ?? undefined);
  });
}
