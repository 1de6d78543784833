import type { ComplexityEstimator } from 'graphql-query-complexity';
import { userError } from './graphql-errors';

/**
 * The cost model of one operation, in one place: what each field costs the gateway, PostgreSQL
 * and Temporal, so that the limit (MAX_COMPLEXITY) means work, not a count of fields.
 *
 * - every field costs 1 plus what it contains;
 * - a page (`first`) multiplies what each item costs by the page size, checked first: an
 *   argument outside 1…MAX_PAGE_SIZE refuses the operation before anything runs (a negative
 *   `first` once made the estimate negative and switched the limit off);
 * - a list without paging multiplies by the most rows it can answer (LIST_LIMIT);
 * - `asOf` folds the log up to that instant: FOLD_COST;
 * - `live` asks Temporal, once per document: LIVE_COST;
 * - reading a file (ingestFile) may run OCR: FILE_INGEST_COST;
 * - the commission's report folds an OPLE's whole log and renders a file: REPORT_COST.
 */
export const MAX_PAGE_SIZE = 200;
/** The most rows a list without paging answers (obligations, escalations, correspondence). */
const LIST_LIMIT = 500;
/** Rounds, observations, escalations and the timeline of one document: a typical ceiling. */
const NESTED_LIST = 10;
const FOLD_COST = 5_000;
const LIVE_COST = 50;
const TIMELINE_COST = 20;
const REPORT_COST = { MD: 5_000, TXT: 5_000, PDF: 8_000 } as const;
const INGEST_COST = 2_000;
/** A file is read besides (a PDF in a child process, a scan by OCR): expensive work, one of the user's slots. */
const FILE_INGEST_COST = 5_000;
/** An operation that costs at least this much takes one of its user's few slots for expensive work (see OperationSlots). */
export const EXPENSIVE_COST = 5_000;

type Cost = (args: Record<string, unknown>, child: number) => number;

const fold = (args: Record<string, unknown>) => (args.asOf === undefined || args.asOf === null ? 0 : FOLD_COST);
const rows =
  (n: number): Cost =>
  (_args, child) =>
    n * Math.max(1, child);

/** Fields whose cost is not 1 + what they contain, by `Type.field`. */
const COSTS: Record<string, Cost> = {
  'Query.documents': (args, child) => pageSize(args.first) * Math.max(1, child) + fold(args),
  'Query.dashboard': (args, child) => 10 + child + fold(args),
  // One grouped statement over the documents (≈1,300 cells for 32 OPLEs), or one fold with asOf.
  'Query.documentMatrix': (args, child) => 100 + child + fold(args),
  'Query.obligations': (args, child) => rows(LIST_LIMIT)(args, child) + fold(args),
  'Query.escalations': rows(LIST_LIMIT),
  'Query.correspondence': rows(LIST_LIMIT),
  'Query.correspondenceReport': (args) =>
    REPORT_COST[String(args.format) as keyof typeof REPORT_COST] ?? REPORT_COST.PDF,
  'Mutation.ingestCorrespondence': (_args, child) => INGEST_COST + child,
  'Mutation.ingestFile': (_args, child) => FILE_INGEST_COST + child,
  'Document.live': (_args, child) => LIVE_COST + child,
  'Document.timeline': (_args, child) => TIMELINE_COST + NESTED_LIST * Math.max(1, child),
  'Document.rounds': rows(NESTED_LIST),
  'Document.observations': rows(NESTED_LIST),
  'Document.escalations': rows(NESTED_LIST),
};

/** `first` as asked, once it is known to be a page size this gateway serves; otherwise the operation is refused naming it. */
function pageSize(first: unknown): number {
  if (first === undefined || first === null) return 50;
  if (typeof first !== 'number' || !Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw userError(
      'BAD_USER_INPUT',
      `first: debe estar entre 1 y ${MAX_PAGE_SIZE} (se pidió ${String(first)})`,
      'first',
    );
  }
  return first;
}

/** The estimator for graphql-query-complexity: the table above, then 1 + children for every other field. */
export const costEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  // Any field with a page size is checked, even one the table does not list yet.
  if ('first' in args) pageSize(args.first);
  const cost = COSTS[`${type.name}.${field.name}`];
  if (cost) return cost(args, childComplexity);
  return 1 + childComplexity;
};

/** The `Type.field` names the cost table prices, for the test that checks each exists in the schema. */
export const pricedFields = (): string[] => Object.keys(COSTS);
