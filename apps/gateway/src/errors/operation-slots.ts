import { GraphQLError } from 'graphql';

/**
 * At most `perUser` expensive operations (estimated cost ≥ EXPENSIVE_COST) run at once for one
 * user on this gateway; the next ones wait their turn, up to `queuePerUser` of them, and beyond
 * that are refused with RATE_LIMITED. Cheap operations never wait. Two read-only requests that
 * folded the log could otherwise hold the whole database pool.
 */
export class OperationSlots {
  private readonly users = new Map<string, { running: number; waiting: Array<() => void> }>();

  constructor(
    readonly perUser = 2,
    readonly queuePerUser = 8,
  ) {}

  /** Waits for a slot and returns the function that gives it back (call it once), or the error to answer. */
  async acquire(user: string): Promise<(() => void) | GraphQLError> {
    let entry = this.users.get(user);
    if (!entry) this.users.set(user, (entry = { running: 0, waiting: [] }));
    if (entry.running >= this.perUser) {
      if (entry.waiting.length >= this.queuePerUser) {
        return new GraphQLError(
          `Ya tiene ${entry.running} consultas costosas en curso y ${entry.waiting.length} en espera con este usuario: espere a que terminen (o pida menos: páginas más pequeñas, sin asOf ni live)`,
          { extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 1, http: { status: 429 } } },
        );
      }
      await new Promise<void>((resolve) => entry.waiting.push(resolve));
    }
    entry.running += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      entry.running -= 1;
      const next = entry.waiting.shift();
      if (next) next();
      else if (entry.running === 0) this.users.delete(user);
    };
  }

  /** How many run and wait for this user (for tests and metrics). */
  load(user: string): { running: number; waiting: number } {
    const entry = this.users.get(user);
    return { running: entry?.running ?? 0, waiting: entry?.waiting.length ?? 0 };
  }
}
