import { OPLES, addCountedDays, endOfLocalDay, localDateOf, policyWith } from '@seguimiento/domain';
import { type BenchContext, type Figure, progress, ratio } from './context';
import { describeDifferences, payloadDifferences } from './payload-diff';
import { pool, summarize } from './stats';

const PAGE = `query($ople: String!) { documents(filter: { ople: $ople }, first: 50) { totalCount edges { node {
  id status ballInCourt deadline { dueDate }
  rounds { number submittedBy answeredBy outcome additionalObservations }
  observations { id status raisedBy }
} } } }`;
const DASHBOARD = `query($ople: String!) { dashboard(ople: $ople) { overdueCount byStatus { key count } byBallInCourt { key count } oldestOverdue { id dueDate } dueNext7Days { id dueDate } } }`;

/**
 * The same page as PAGE, the same JSON, in one SQL statement with pg (the raw baseline): the
 * count, and 50 documents in the list's default order (soonest deadline first, then id) with
 * their rounds and observations taken from the same `state` column the gateway reads.
 */
const PAGE_SQL = `
  SELECT json_build_object(
    'totalCount', (SELECT count(*)::int FROM rm_documents WHERE ople = $1),
    'edges', coalesce((SELECT json_agg(json_build_object('node', json_build_object(
        'id', d.id, 'status', d.status, 'ballInCourt', d.ball_in_court,
        'deadline', CASE WHEN jsonb_typeof(d.state->'deadline') = 'object' THEN json_build_object('dueDate', d.state->'deadline'->'dueDate') END,
        'rounds', (SELECT coalesce(json_agg(json_build_object('number', r->'number', 'submittedBy', r->'submittedBy', 'answeredBy', r->'answeredBy',
             'outcome', r->'outcome', 'additionalObservations', r->'additionalObservations') ORDER BY i), '[]'::json)
           FROM jsonb_array_elements(d.state->'rounds') WITH ORDINALITY AS x(r, i)),
        'observations', (SELECT coalesce(json_agg(json_build_object('id', o->'id', 'status', o->'status', 'raisedBy', o->'raisedBy') ORDER BY i), '[]'::json)
           FROM jsonb_array_elements(d.state->'observations') WITH ORDINALITY AS y(o, i))
      )) ORDER BY d.sort, d.id)
      FROM (SELECT id, status, ball_in_court, state, COALESCE(due_at, 'infinity'::timestamptz) AS sort FROM rm_documents
            WHERE ople = $1 ORDER BY COALESCE(due_at, 'infinity'::timestamptz), id LIMIT 50) d), '[]'::json)
  ) AS payload`;

/**
 * The same board as DASHBOARD, the same JSON, in one SQL statement (the raw baseline): documents
 * by status, open documents by who holds the ball, and over everything with a running deadline
 * (documents and open requests) the overdue count, the oldest overdue and what falls due by the
 * end of the 7 counted days ($3, computed as the gateway does).
 */
const DASHBOARD_SQL = `
  WITH docs AS (SELECT * FROM rm_documents WHERE ople = $1),
       p AS (SELECT id, due_date, due_at FROM docs WHERE due_at IS NOT NULL
             UNION ALL
             SELECT id, due_date, due_at FROM rm_obligations WHERE ople = $1 AND kind = 'REQUEST' AND status = 'OPEN' AND due_at IS NOT NULL)
  SELECT json_build_object(
    'byStatus', coalesce((SELECT json_agg(json_build_object('key', status, 'count', n) ORDER BY status) FROM (SELECT status, count(*)::int n FROM docs GROUP BY status) s), '[]'::json),
    'byBallInCourt', coalesce((SELECT json_agg(json_build_object('key', ball_in_court, 'count', n) ORDER BY ball_in_court)
        FROM (SELECT ball_in_court, count(*)::int n FROM docs WHERE status NOT IN ('RESOLVED', 'WITHDRAWN') GROUP BY ball_in_court) b), '[]'::json),
    'overdueCount', (SELECT count(*)::int FROM p WHERE due_at <= $2),
    'oldestOverdue', (SELECT json_build_object('id', id, 'dueDate', due_date) FROM p WHERE due_at <= $2 ORDER BY due_at, id LIMIT 1),
    'dueNext7Days', (SELECT coalesce(json_agg(json_build_object('id', id, 'dueDate', due_date) ORDER BY due_at, id), '[]'::json)
        FROM (SELECT * FROM p WHERE due_at > $2 AND due_at <= $3 ORDER BY due_at, id LIMIT 100) n)
  ) AS payload`;

const weekEndOf = (now: Date): string => endOfLocalDay(addCountedDays(localDateOf(now), 7, policyWith()));

export const LATENCY_QUERIES = {
  documents: {
    graphql: PAGE,
    sql: PAGE_SQL,
    params: (ople: string): unknown[] => [ople],
    payload: (data: { documents: unknown }) => data.documents,
  },
  dashboard: {
    graphql: DASHBOARD,
    sql: DASHBOARD_SQL,
    params: (ople: string): unknown[] => {
      const now = new Date();
      return [ople, now, weekEndOf(now)];
    },
    payload: (data: { dashboard: unknown }) => data.dashboard,
  },
} as const;

/**
 * Supervisors' query latency at `clients` concurrent clients: a page of 50 documents with their
 * rounds and observations, and the dashboard, each over GraphQL (token check, validation,
 * resolvers, JSON) and, as the baseline, the same JSON in one SQL statement with pg. Before
 * timing, each OPLE's answer is asked both ways and diffed: a baseline that returns another
 * payload fails the figure.
 */
export async function latency(ctx: BenchContext, which: 'documents' | 'dashboard', clients: number, requests: number, oples: number, dataset: string): Promise<Figure> {
  const ople = (i: number) => OPLES[i % oples].id;
  const q = LATENCY_QUERIES[which];
  const viaGraphql = async (i: number) => q.payload(await ctx.gql<{ documents: unknown; dashboard: unknown }>(q.graphql, { ople: ople(i) }));
  const viaSql = async (i: number) => ((await ctx.db.query(q.sql, q.params(ople(i)))) as Array<{ payload: unknown }>)[0].payload;
  const failures: string[] = [];
  let compared = 0;
  for (let i = 0; i < oples; i++) {
    const differences = payloadDifferences(await viaGraphql(i), await viaSql(i));
    compared++;
    if (differences.length > 0) {
      failures.push(`the baseline's payload differs from GraphQL's for ${ople(i)}: ${describeDifferences(differences).join('; ')}`);
      ctx.log(`  ! ${failures[failures.length - 1]}`);
      break;
    }
  }
  // Warm both paths (connections, plans, JIT) before timing.
  await pool(Math.min(requests, clients * 2), clients, async (i) => void (await viaGraphql(i)));
  await pool(Math.min(requests, clients * 2), clients, async (i) => void (await viaSql(i)));
  const tick = progress(ctx.log, `${which} over GraphQL ×${clients}`, requests);
  let done = 0;
  const ours = await pool(requests, clients, async (i) => {
    await viaGraphql(i);
    tick(++done);
  });
  const raw = await pool(requests, clients, async (i) => void (await viaSql(i)));
  const o = summarize(ours.durations);
  const b = summarize(raw.durations);
  return {
    name: `latency.${which}.p99`,
    unit: 'ms',
    value: o.p99,
    baseline: b.p99,
    ratio: ratio(o.p99, b.p99),
    dataset,
    details: { clients, requests, graphql: o, sql: b, graphqlPerSecond: Math.round((requests / ours.wallMs) * 1000), payloadsCompared: compared },
    failures,
  };
}
