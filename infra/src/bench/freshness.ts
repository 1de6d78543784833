import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { OPLES } from '@seguimiento/domain';
import { type BenchContext, type Figure, progress } from './context';
import { pool, summarize } from './stats';

const SUBMIT = `mutation($input: SubmitDocumentInput!) { submitDocument(input: $input) { alreadyRecorded } }`;

/**
 * Freshness: from the moment an event is appended to the log (its recorded_at, set by
 * PostgreSQL) to the moment a subscriber of documentChanged receives the document in that
 * version — projection, NOTIFY, the gateway's change feed and the WebSocket, all included.
 */
export async function freshness(ctx: BenchContext, runId: string, count: number): Promise<Figure> {
  const received = new Map<string, number>();
  const client = createClient({
    url: ctx.stack.graphqlUrl.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${ctx.token}` },
    retryAttempts: 0,
  });
  const subscribed = new Promise<void>((resolve, reject) => {
    client.on('connected', () => setTimeout(resolve, 300));
    client.on('error', reject);
  });
  const ids = new Set<string>();
  const unsubscribe = client.subscribe<{ documentChanged: { id: string; version: number } }>(
    { query: 'subscription { documentChanged { id version } }' },
    {
      next: ({ data }) => {
        const d = data?.documentChanged;
        if (d && ids.has(d.id)) received.set(`${d.id}#${d.version}`, Date.now());
      },
      error: () => undefined,
      complete: () => undefined,
    },
  );
  await subscribed;
  const today = new Date().toISOString().slice(0, 10);
  const tick = progress(ctx.log, 'freshness', count);
  let done = 0;
  await pool(count, 4, async (i) => {
    const ople = OPLES[i % OPLES.length].id;
    const key = `fresh-${runId}-${i}`;
    ids.add(`document:${ople}:${key}`);
    await ctx.gql(SUBMIT, { input: { ople, deliverable: 7, versionKind: 'PROYECTO', documentKey: key, oficioNumber: `FRESH/${ople}/${i + 1}/2024`, submittedOn: today } });
    tick(++done);
  });
  await new Promise((r) => setTimeout(r, 1000));
  unsubscribe();
  await client.dispose();

  const rows: Array<{ stream_id: string; stream_version: number; at: string }> = await ctx.db.query(
    `SELECT stream_id, stream_version, extract(epoch FROM recorded_at) * 1000 AS at FROM events WHERE stream_id = ANY($1)`,
    [[...ids]],
  );
  const appended = new Map(rows.map((r) => [`${r.stream_id}#${r.stream_version}`, Number(r.at)]));
  const samples = [...received].flatMap(([key, at]) => (appended.has(key) ? [at - appended.get(key)!] : []));
  const s = summarize(samples);
  return {
    name: 'freshness.p99',
    unit: 'ms',
    value: s.p99,
    baseline: null,
    ratio: null,
    dataset: `${count} new documents, ${samples.length} pushes`,
    details: { ...s, missed: ids.size - new Set([...received.keys()].map((k) => k.split('#')[0])).size },
  };
}
