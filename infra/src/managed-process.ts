import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { repoRoot } from '@seguimiento/runtime';

export interface ManagedProcessOptions {
  name: string;
  command: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Called with each line the process prints (stdout and stderr). */
  onLine?: (line: string, stream: 'stdout' | 'stderr') => void;
  /**
   * Tie the child's life to ours: it gets an IPC channel, which closes when this process dies
   * (even by SIGKILL). Node children watch for `disconnect`; other programs are run through
   * infra/scripts/tether.js, which stops them.
   */
  tether?: 'node' | 'wrap';
}

/**
 * A child process in its own process group, so that stopping it also stops whatever it spawned.
 * `stop()` sends SIGTERM to the group, waits, then SIGKILL.
 */
export class ManagedProcess {
  readonly child: ChildProcess;
  readonly exited: Promise<number | null>;
  private readonly tail: string[] = [];
  /** The first lines it printed: where a crash at start says why (a panic's message, before its stack). */
  private readonly head: string[] = [];
  private readonly lineListeners = new Set<(line: string) => void>();

  constructor(readonly options: ManagedProcessOptions) {
    const [command, args] =
      options.tether === 'wrap'
        ? [process.execPath, [join(repoRoot(), 'infra', 'scripts', 'tether.js'), options.command, ...options.args]]
        : [options.command, options.args];
    this.child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      detached: true,
      stdio: options.tether ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['ignore', 'pipe', 'pipe'],
    });
    for (const stream of ['stdout', 'stderr'] as const) {
      const source = this.child[stream];
      if (!source) continue;
      createInterface({ input: source }).on('line', (line) => {
        this.tail.push(line);
        if (this.tail.length > 40) this.tail.shift();
        if (this.head.length < 10) this.head.push(line);
        options.onLine?.(line, stream);
        for (const listener of this.lineListeners) listener(line);
      });
    }
    this.exited = new Promise((resolve) => {
      this.child.once('exit', (code) => resolve(code));
      this.child.once('error', () => resolve(-1));
    });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** The first lines the process printed, for error messages. */
  firstLines(n = 10): string {
    return this.head.slice(0, n).join('\n');
  }

  /** The last lines the process printed, for error messages. */
  lastLines(n = 15): string {
    return this.tail.slice(-n).join('\n');
  }

  /** Resolves with the first line that matches; rejects if the process exits first or time runs out. */
  waitForLine(pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray> {
    return new Promise((resolve, reject) => {
      const done = (fn: () => void) => {
        clearTimeout(timer);
        this.lineListeners.delete(onLine);
        this.child.off('exit', onExit);
        fn();
      };
      const onLine = (line: string) => {
        const m = pattern.exec(line);
        if (m) done(() => resolve(m));
      };
      const onExit = (code: number | null) =>
        done(() =>
          reject(new Error(`${this.options.name} exited with code ${code} before it was ready\n${this.lastLines()}`)),
        );
      const timer = setTimeout(
        () =>
          done(() =>
            reject(new Error(`${this.options.name} not ready after ${timeoutMs / 1000} s\n${this.lastLines()}`)),
          ),
        timeoutMs,
      );
      this.lineListeners.add(onLine);
      this.child.once('exit', onExit);
    });
  }

  async stop(graceMs = 10_000): Promise<void> {
    if (!this.running || this.child.pid === undefined) return;
    this.signalGroup('SIGTERM');
    const timer = setTimeout(() => this.signalGroup('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
    // Whatever the child left in its group goes too.
    this.signalGroup('SIGKILL');
  }

  kill(): void {
    this.signalGroup('SIGKILL');
  }

  private signalGroup(signal: NodeJS.Signals): void {
    try {
      process.kill(-this.child.pid!, signal);
    } catch {
      // The group is already gone.
    }
  }
}
