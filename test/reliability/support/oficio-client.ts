import { normalizeOficioNumber } from '@seguimiento/domain';
import type { FaultLog } from './fault-log';

const INE = `mutation($input: RecordIneOficioInput!) { recordIneOficio(input: $input) { alreadyRecorded document { id status } request { id status } documents { id status } } }`;
const OPLE = `mutation($input: RecordOpleOficioInput!) { recordOpleOficio(input: $input) { alreadyRecorded document { id status } request { id status } } }`;

export type Door = 'INE' | 'OPLE';

export interface Recorded {
  alreadyRecorded: boolean;
  document: { id: string; status: string } | null;
  /** A request the oficio opened or answered. */
  request?: { id: string; status: string } | null;
  /** A reminder's expected deliverables. */
  documents?: Array<{ id: string; status: string }>;
}

/** Codes a client may retry: the service, not the request, was at fault. */
const RETRYABLE_CODES = new Set(['SERVICE_UNAVAILABLE', 'INTERNAL_SERVER_ERROR', 'RATE_LIMITED']);

/**
 * What the clients were told: every oficio the API accepted, how many answers were lost to a fault
 * and retried, and how many of those retries found the oficio already recorded (the first attempt
 * had gone through; the idempotent answer kept it from being recorded twice).
 */
export class Ledger {
  readonly accepted = new Map<string, Door>();
  attempts = 0;
  retried = 0;
  alreadyRecordedOnRetry = 0;
}

/**
 * An operator's client that does what a careful person would: sends an oficio, and when the
 * answer is lost (connection refused or cut, time-out, the service unavailable) sends the same
 * oficio again — to the next gateway, if there are several — until it is answered. A refusal of
 * the oficio itself (BAD_USER_INPUT, CONFLICT…) is not retried: it is a failure of the scenario.
 */
export class OficioClient {
  private readonly withdrawn = new Set<string>();

  constructor(
    private readonly urls: string[],
    private readonly token: string,
    private readonly log: FaultLog,
    readonly ledger = new Ledger(),
    private readonly options: { timeoutMs?: number; giveUpMs?: number } = {},
  ) {}

  /** Stops sending to a gateway, as a balancer's health check does once it is gone. */
  withdraw(url: string): void {
    this.withdrawn.add(url);
  }

  async record(door: Door, input: Record<string, unknown>): Promise<Recorded> {
    const number = normalizeOficioNumber(String(input.oficioNumber));
    const started = Date.now();
    const history: string[] = [];
    for (let attempt = 0; ; attempt++) {
      const live = this.urls.filter((u) => !this.withdrawn.has(u));
      const url = live[(hash(number) + attempt) % live.length];
      this.ledger.attempts++;
      const sent = Date.now();
      const outcome = await this.send(url, door, input);
      if (outcome.ok) {
        this.ledger.accepted.set(number, door);
        if (attempt > 0) {
          this.ledger.retried++;
          if (outcome.value.alreadyRecorded) this.ledger.alreadyRecordedOnRetry++;
        }
        return outcome.value;
      }
      this.log.clientError(`client→${new URL(url).port}`, `${number}: ${outcome.error}`, sent);
      history.push(`${new Date().toISOString()} ${outcome.error}`);
      if (!outcome.retryable)
        throw new Error(`${door} oficio ${number} refused: ${outcome.error}\n  attempts:\n  ${history.join('\n  ')}`);
      if (Date.now() - started > (this.options.giveUpMs ?? 240_000))
        throw new Error(
          `${door} oficio ${number}: no answer after ${attempt + 1} attempts:\n  ${history.join('\n  ')}`,
        );
      await new Promise((r) => setTimeout(r, Math.min(2000, 100 * 2 ** attempt)));
    }
  }

  private async send(
    url: string,
    door: Door,
    input: Record<string, unknown>,
  ): Promise<{ ok: true; value: Recorded } | { ok: false; retryable: boolean; error: string }> {
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${this.token}` },
        body: JSON.stringify({ query: door === 'INE' ? INE : OPLE, variables: { input } }),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 60_000),
      });
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      return {
        ok: false,
        retryable: true,
        error: `no answer (${cause ?? (error as Error).name}: ${(error as Error).message})`,
      };
    }
    const text = await response.text().catch((e: Error) => `(body lost: ${e.message})`);
    let body: { data?: Record<string, Recorded>; errors?: Array<{ message: string; extensions?: { code?: string } }> };
    try {
      body = JSON.parse(text);
    } catch {
      return {
        ok: false,
        retryable: response.status >= 500 || response.status === 429,
        error: `HTTP ${response.status}: ${text.slice(0, 200)}`,
      };
    }
    const error = body.errors?.[0];
    if (error) {
      const code = error.extensions?.code ?? 'NO_CODE';
      return {
        ok: false,
        retryable: RETRYABLE_CODES.has(code) || response.status >= 500,
        error: `${code}: ${error.message}`,
      };
    }
    const value = body.data?.[door === 'INE' ? 'recordIneOficio' : 'recordOpleOficio'];
    if (!value)
      return { ok: false, retryable: false, error: `HTTP ${response.status} without data: ${text.slice(0, 200)}` };
    return { ok: true, value };
  }
}

function hash(s: string): number {
  let h = 0;
  for (const c of s) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return h;
}
