import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** The full path of an executable found on PATH, or null. */
export function onPath(name: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return null;
}

/**
 * Runs a long provisioning command (a Go build, a Maven resolution), printing `progress(seconds)`
 * every 15 s. Resolves on exit code 0; otherwise rejects with a CommandFailed that keeps the last
 * 4,000 characters the command printed.
 */
export function runWithProgress(
  command: string,
  args: string[],
  options: {
    env?: NodeJS.ProcessEnv;
    log: (line: string) => void;
    progress: (seconds: number) => string;
    onOutput?: (text: string) => void;
  },
): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(command, args, { env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const ticker = setInterval(() => options.log(options.progress(Math.round((Date.now() - started) / 1000))), 15_000);
    const collect = (chunk: Buffer) => {
      const text = chunk.toString();
      options.onOutput?.(text);
      output = (output + text).slice(-4000);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', (e) => {
      clearInterval(ticker);
      reject(e);
    });
    child.on('exit', (code) => {
      clearInterval(ticker);
      if (code === 0) resolve();
      else reject(new CommandFailed(`${command} ${args.join(' ')} exited with ${code}`, output));
    });
  });
}

export class CommandFailed extends Error {
  constructor(
    readonly summary: string,
    readonly output: string,
  ) {
    super(`${summary}\n${output}`);
  }
}
