import { type Client as WsClient, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import type { FaultLog } from '../../../test/reliability/support/fault-log';

const SUBSCRIPTIONS = {
  documentChanged: `subscription { documentChanged { id status } }`,
  escalationRaised: `subscription { escalationRaised { streamId step ople } }`,
} as const;

type Field = keyof typeof SUBSCRIPTIONS;

/**
 * Whether a subscription's payload is the change itself: data with the field and its id, no
 * errors. An error delivered as a payload is not an event (returns why, or null when it is one).
 */
export function checkPayload(field: Field, payload: { data?: unknown; errors?: unknown }): string | null {
  if (payload.errors) return `${field}: error payload ${JSON.stringify(payload.errors).slice(0, 200)}`;
  const value = (payload.data as Record<string, Record<string, unknown> | undefined> | undefined)?.[field];
  const id = field === 'documentChanged' ? value?.id : value?.streamId;
  if (typeof id !== 'string' || !/^(document|request):/.test(id))
    return `${field}: payload without its case ${JSON.stringify(payload).slice(0, 200)}`;
  return null;
}

/**
 * graphql-ws subscriptions kept open on every gateway for the whole soak (documentChanged and
 * escalationRaised, all OPLEs). When a gateway dies the socket reconnects — to the same gateway
 * once it is back — and subscribes again. Every payload is checked (checkPayload); a bad one, or a
 * socket error, is logged as a client error (explained when a fault window covers it).
 */
export class SubscriptionWatch {
  readonly events: Record<Field, number> = { documentChanged: 0, escalationRaised: 0 };
  /** Cases the payloads named (the soak checks each exists in the event store). */
  readonly cases = new Set<string>();
  readonly badPayloads: string[] = [];
  reconnections = 0;
  private readonly clients: WsClient[] = [];
  private readonly unsubscribes: Array<() => void> = [];

  constructor(
    private readonly urls: string[],
    private readonly token: string,
    private readonly log: FaultLog,
  ) {}

  get total(): number {
    return this.events.documentChanged + this.events.escalationRaised;
  }

  open(): void {
    for (const http of this.urls) {
      const source = `subscription→${new URL(http).port}`;
      let connectedBefore = false;
      let closedAt = Date.now();
      const client = createClient({
        url: http.replace(/^http/, 'ws'),
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${this.token}` },
        lazy: false,
        retryAttempts: Infinity,
        shouldRetry: () => true,
        retryWait: () => new Promise((r) => setTimeout(r, 1000)),
        on: {
          connected: () => {
            if (connectedBefore) this.reconnections++;
            connectedBefore = true;
          },
          closed: (event) => {
            closedAt = Date.now();
            const code = (event as { code?: number } | undefined)?.code;
            // 1000: this watch closed it (dispose); anything else cut it.
            if (code !== 1000) this.log.clientError(source, `socket closed (${code ?? '?'})`, closedAt);
          },
        },
      });
      this.clients.push(client);
      for (const field of Object.keys(SUBSCRIPTIONS) as Field[]) {
        this.unsubscribes.push(
          client.subscribe(
            { query: SUBSCRIPTIONS[field] },
            {
              next: (payload) => {
                const wrong = checkPayload(field, payload);
                if (wrong) {
                  this.badPayloads.push(`${new Date().toISOString()} ${wrong}`);
                  this.log.clientError(source, wrong);
                  return;
                }
                this.events[field]++;
                const value = (payload.data as Record<string, Record<string, string>>)[field];
                this.cases.add(field === 'documentChanged' ? value.id : value.streamId);
              },
              error: (error) => this.log.clientError(source, `${field}: ${describe(error)}`, closedAt),
              complete: () => undefined,
            },
          ),
        );
      }
    }
  }

  async close(): Promise<void> {
    for (const unsubscribe of this.unsubscribes) unsubscribe();
    await Promise.all(this.clients.map((c) => c.dispose()));
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (Array.isArray(error)) return error.map((e: { message?: string }) => e.message).join('; ');
  const code = (error as { code?: number; reason?: string } | undefined)?.code;
  return code !== undefined ? `closed ${code} ${(error as { reason?: string }).reason ?? ''}` : String(error);
}
