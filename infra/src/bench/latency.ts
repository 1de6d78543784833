import { OPLES } from '@seguimiento/domain';
import { type BenchContext, type Figure, progress, ratio } from './context';
import { pool, summarize } from './stats';

const PAGE = `query($ople: String!) { documents(filter: { ople: $ople }, first: 50) { totalCount edges { node {
  id status ballInCourt deadline { dueDate }
  rounds { number submittedBy answeredBy outcome additionalObservations }
  observations { id status raisedBy }
} } } }`;
const DASHBOARD = `query($ople: String!) { dashboard(ople: $ople) { overdueCount byStatus { key count } byBallInCourt { key count } oldestOverdue { id dueDate } dueNext7Days { id dueDate } } }`;

/** The same page as PAGE, straight from the read models in one SQL statement (the raw baseline). */
const PAGE_SQL = `
  SELECT d.id, d.status, d.ball_in_court, d.due_date,
    (SELECT coalesce(json_agg(json_build_object('number', r.number, 'submittedBy', r.submitted_by, 'answeredBy', r.answered_by,
       'outcome', r.outcome, 'additionalObservations', r.additional_observations) ORDER BY r.number), '[]') FROM rm_rounds r WHERE r.document_id = d.id) AS rounds,
    (SELECT coalesce(json_agg(json_build_object('id', o.id, 'status', o.status, 'raisedBy', o.raised_by) ORDER BY o.id), '[]') FROM rm_observations o WHERE o.document_id = d.id) AS observations
  FROM rm_documents d WHERE d.ople = $1
  ORDER BY COALESCE(d.due_at, 'infinity'::timestamptz), d.id LIMIT 50`;
const DASHBOARD_SQL = `
  SELECT (SELECT json_agg(json_build_object('key', status, 'count', n)) FROM (SELECT status, count(*) n FROM rm_documents WHERE ople = $1 GROUP BY status) s) AS by_status,
         (SELECT json_agg(json_build_object('key', ball_in_court, 'count', n)) FROM (SELECT ball_in_court, count(*) n FROM rm_documents WHERE ople = $1 GROUP BY ball_in_court) b) AS by_ball,
         (SELECT count(*) FROM rm_documents WHERE ople = $1 AND due_at < now() AND status NOT IN ('RESOLVED', 'WITHDRAWN')) AS overdue`;

/**
 * Supervisors' query latency at `clients` concurrent clients: a page of 50 documents with their
 * rounds and observations, and the dashboard, each over GraphQL (token check, validation,
 * resolvers, DataLoader, JSON) and, as the baseline, the same data in one SQL query with pg.
 */
export async function latency(ctx: BenchContext, which: 'documents' | 'dashboard', clients: number, requests: number, oples: number, dataset: string): Promise<Figure> {
  const ople = (i: number) => OPLES[i % oples].id;
  const [query, sql] = which === 'documents' ? [PAGE, PAGE_SQL] : [DASHBOARD, DASHBOARD_SQL];
  // Warm both paths (connections, plans, JIT) before timing.
  await pool(Math.min(requests, clients * 2), clients, async (i) => void (await ctx.gql(query, { ople: ople(i) })));
  await pool(Math.min(requests, clients * 2), clients, async (i) => void (await ctx.db.query(sql, [ople(i)])));
  const tick = progress(ctx.log, `${which} over GraphQL ×${clients}`, requests);
  let done = 0;
  const ours = await pool(requests, clients, async (i) => {
    await ctx.gql(query, { ople: ople(i) });
    tick(++done);
  });
  const raw = await pool(requests, clients, async (i) => void (await ctx.db.query(sql, [ople(i)])));
  const o = summarize(ours.durations);
  const b = summarize(raw.durations);
  return {
    name: `latency.${which}.p99`,
    unit: 'ms',
    value: o.p99,
    baseline: b.p99,
    ratio: ratio(o.p99, b.p99),
    dataset,
    details: { clients, requests, graphql: o, sql: b, graphqlPerSecond: Math.round((requests / ours.wallMs) * 1000) },
  };
}
