/** A line a process printed, or an error a client saw, with when it happened. */
export interface LoggedLine {
  at: number;
  /** For a client's error: when its request was sent (it was in flight from then until `at`). */
  since?: number;
  source: string;
  text: string;
}

export interface FaultWindow {
  name: string;
  from: number;
  to: number | null;
}

/** What counts as a server error in the processes' output. */
const ERROR_LINE = /"level":"error"|\bERROR\b|\[ERROR\]|unhandled|uncaught|^(gateway|worker): /i;

/**
 * The record of a scenario: every line the processes printed, every error the clients saw, and
 * the windows during which a fault was injected and the system recovering from it. An error inside
 * a window is the fault's; anywhere else it is a defect.
 */
export class FaultLog {
  readonly lines: LoggedLine[] = [];
  readonly clientErrors: LoggedLine[] = [];
  readonly faults: FaultWindow[] = [];

  line(source: string, text: string): void {
    this.lines.push({ at: Date.now(), source, text });
  }

  /** An error a client saw for a request sent at `since`. */
  clientError(source: string, text: string, since = Date.now()): void {
    this.clientErrors.push({ at: Date.now(), since, source, text });
  }

  /**
   * Runs `inject` (the fault and the wait for recovery) as a fault window. The window stays open
   * `settleMs` after recovery: requests already in flight when the fault hit answer late.
   */
  async fault<T>(name: string, inject: () => Promise<T>, settleMs = 5000): Promise<T> {
    const window: FaultWindow = { name, from: Date.now(), to: null };
    this.faults.push(window);
    try {
      return await inject();
    } finally {
      window.to = Date.now() + settleMs;
    }
  }

  /** Server errors and client errors that no fault window explains. */
  unexplained(): string[] {
    return this.errors()
      .filter((l) => !this.explains(l))
      .sort((a, b) => a.at - b.at)
      .map((l) => `${new Date(l.at).toISOString()} ${l.source}: ${l.text.slice(0, 300)}`);
  }

  /** Errors inside fault windows: what the faults caused, for the scenario's report. */
  explainedCount(): number {
    return this.errors().filter((l) => this.explains(l)).length;
  }

  /** The processes' error lines and the clients' errors. */
  private errors(): LoggedLine[] {
    return [...this.lines.filter((l) => ERROR_LINE.test(l.text)), ...this.clientErrors];
  }

  /** A fault explains an error when they overlap: it happened, or its request was in flight, during the window. */
  private explains(l: LoggedLine): boolean {
    return this.faults.some((w) => (l.since ?? l.at) <= (w.to ?? Infinity) && l.at >= w.from);
  }
}
