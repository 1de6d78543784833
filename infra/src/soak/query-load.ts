import type { FaultLog } from '../../../test/reliability/support/fault-log';
import type { SeededRandom } from './seeded-random';

const DOCUMENTS = `query { documents(first: 50, orderBy: DUE_SOONEST) { totalCount edges { node { id status } } pageInfo { hasNextPage endCursor } } }`;
const DASHBOARD = `query { dashboard { overdueCount pendingReviewCount byStatus { key count } byBallInCourt { key count } } }`;
const DOCUMENT = `query($id: ID!) { document(id: $id) { id status ballInCourt } }`;

type Answer = Record<string, unknown>;

/** What a query must answer: the page's edges, the dashboard's counts, the very document asked for. */
export function checkQueryAnswer(
  kind: 'documents' | 'dashboard' | 'document',
  data: Answer | undefined,
  id?: string,
): string | null {
  const value = data?.[kind] as Record<string, unknown> | null | undefined;
  if (!value) return `${kind}: no data`;
  if (kind === 'documents') {
    const edges = value.edges as Array<{ node?: { id?: unknown } }> | undefined;
    if (!Array.isArray(edges) || typeof value.totalCount !== 'number') return 'documents: no edges or totalCount';
    if (edges.length > value.totalCount) return `documents: ${edges.length} edges of ${value.totalCount}`;
    if (edges.some((e) => typeof e.node?.id !== 'string')) return 'documents: an edge without its document';
  }
  if (kind === 'dashboard' && (typeof value.overdueCount !== 'number' || !Array.isArray(value.byStatus)))
    return 'dashboard: no counts';
  if (kind === 'document' && value.id !== id) return `document: asked ${id}, answered ${String(value.id)}`;
  return null;
}

/**
 * Queries for as long as the soak lasts, as the console asks them: the documents page, the
 * dashboard and one document (a random one of those recorded so far), in turn, from
 * `concurrency` clients. An answer lost to a fault (no answer, HTTP 5xx, the service unavailable)
 * is logged as a client error and asked again of the other gateway; any other error, or an answer
 * without its data, is a failure of the soak.
 */
export class QueryLoad {
  answered = 0;
  retried = 0;
  readonly failures: string[] = [];

  constructor(
    private readonly urls: string[],
    private readonly token: string,
    private readonly log: FaultLog,
    private readonly random: SeededRandom,
    private readonly documentIds: string[],
  ) {}

  async run(concurrency: number, until: () => boolean): Promise<void> {
    let turn = 0;
    const lane = async () => {
      while (until()) {
        const kind = (['documents', 'dashboard', 'document'] as const)[turn++ % 3];
        if (kind === 'document' && this.documentIds.length === 0) continue;
        const id =
          kind === 'document' ? this.documentIds[this.random.between(0, this.documentIds.length - 1)] : undefined;
        await this.ask(kind, id, turn);
        await new Promise((r) => setTimeout(r, 200));
      }
    };
    await Promise.all(Array.from({ length: concurrency }, lane));
  }

  private async ask(kind: 'documents' | 'dashboard' | 'document', id: string | undefined, turn: number): Promise<void> {
    const query = kind === 'documents' ? DOCUMENTS : kind === 'dashboard' ? DASHBOARD : DOCUMENT;
    const started = Date.now();
    for (let attempt = 0; ; attempt++) {
      const url = this.urls[(turn + attempt) % this.urls.length];
      const sent = Date.now();
      const outcome = await this.send(url, query, id ? { id } : {});
      if (outcome.ok) {
        const wrong = checkQueryAnswer(kind, outcome.data, id);
        if (wrong) {
          this.failures.push(`${new Date().toISOString()} ${wrong}`);
          this.log.clientError(`query→${new URL(url).port}`, wrong, sent);
        } else {
          this.answered++;
          if (attempt > 0) this.retried++;
        }
        return;
      }
      this.log.clientError(`query→${new URL(url).port}`, `${kind}: ${outcome.error}`, sent);
      if (!outcome.retryable || Date.now() - started > 240_000) {
        this.failures.push(`${new Date().toISOString()} ${kind}: ${outcome.error}`);
        return;
      }
      await new Promise((r) => setTimeout(r, Math.min(2000, 100 * 2 ** attempt)));
    }
  }

  private async send(
    url: string,
    query: string,
    variables: Record<string, unknown>,
  ): Promise<{ ok: true; data: Answer } | { ok: false; retryable: boolean; error: string }> {
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${this.token}` },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(60_000),
      });
    } catch (error) {
      return { ok: false, retryable: true, error: `no answer (${(error as Error).message})` };
    }
    const text = await response.text().catch((e: Error) => `(body lost: ${e.message})`);
    let body: { data?: Answer; errors?: Array<{ message: string; extensions?: { code?: string } }> };
    try {
      body = JSON.parse(text);
    } catch {
      return { ok: false, retryable: response.status >= 500, error: `HTTP ${response.status}: ${text.slice(0, 200)}` };
    }
    const error = body.errors?.[0];
    if (error) {
      const code = error.extensions?.code ?? 'NO_CODE';
      return {
        ok: false,
        retryable: response.status >= 500 || ['SERVICE_UNAVAILABLE', 'INTERNAL_SERVER_ERROR'].includes(code),
        error: `${code}: ${error.message}`,
      };
    }
    return { ok: true, data: body.data ?? {} };
  }
}
