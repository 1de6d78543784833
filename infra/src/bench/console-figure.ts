/// <reference lib="dom" />
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { UserStore, prepareUser } from '@seguimiento/persistence';
import { repoRoot } from '@seguimiento/runtime';
import { type Browser, type BrowserContext, chromium } from 'playwright-core';
import type { DataSource } from 'typeorm';
import type { BenchContext, Figure } from './context';
import { ratio } from './context';
import { describeDifferences, payloadDifferences } from './payload-diff';
import { summarize } from './stats';

/** Debian's Chromium (`apt-get install chromium`), or CHROMIUM_PATH, as the console's browser tests use it. */
const chromiumPath = () => process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** What one visit of /nacional measured, and what it showed. */
interface Visit {
  /** The last largest-contentful-paint entry (ms from navigation start). */
  lcpMs: number | null;
  /** When the summary said the documents were loaded (ms from navigation start, after the frame that painted it). */
  dataShownMs: number | null;
  /** The later of the two: the useful national view, painted. */
  usefulMs: number | null;
  /** The national view as a person reads it: the summary line and the matrix's text. */
  shown: { summary: string; matrix: string };
  /** The JavaScript and CSS the page loaded: path → body. */
  assets: Map<string, Buffer>;
  graphqlRequests: number;
  unanswered: number;
}

/** Set before any page script: records when the national summary first says the documents are loaded. */
const OBSERVE = () => {
  const w = window as unknown as { __dataShown?: number; __lcp?: number };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) w.__lcp = entry.startTime;
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  const watch = new MutationObserver(() => {
    const summary = document.querySelector('[data-testid="national-summary"]');
    if (w.__dataShown === undefined && summary && /documentos registrados/.test(summary.textContent ?? '')) {
      watch.disconnect();
      requestAnimationFrame(() => setTimeout(() => (w.__dataShown = performance.now()), 0));
    }
  });
  document.addEventListener('DOMContentLoaded', () => watch.observe(document.body, { childList: true, subtree: true, characterData: true }));
};

type SessionState = Awaited<ReturnType<BrowserContext['storageState']>>;

/**
 * Signs in as INE's supervisor `bench.supervisor` (created, or given a new random password, in the
 * users table) through POST /auth/sign-in, as the console's sign-in page does: the session cookie
 * every visit then carries.
 */
async function signIn(browser: Browser, origin: string, db: DataSource): Promise<SessionState> {
  const username = 'bench.supervisor';
  const password = randomBytes(24).toString('base64url');
  const user = await prepareUser({ username, password, role: 'SUPERVISOR', ople: null, displayName: 'Benchmark (supervisión INE)' });
  const users = new UserStore(db);
  if ((await users.add(user)) === 'exists') await users.setPassword(username, user.passwordHash);
  const context = await browser.newContext();
  try {
    const answer = await context.request.post(`${origin}/auth/sign-in`, {
      headers: { 'x-seguimiento-csrf': '1', accept: 'application/json' },
      data: { username, password },
    });
    if (!answer.ok()) throw new Error(`the benchmark's sign-in was refused: HTTP ${answer.status()} ${await answer.text()}`);
    return await context.storageState();
  } finally {
    await context.close();
  }
}

/**
 * Opens /nacional as INE's supervisor (the session cookie of a sign-in), in a fresh context
 * (nothing cached), and waits for the national view.
 * `live`: nothing in between the page and the gateway. `record`: the same, each GraphQL and
 * GET /auth/me answer kept in `answers` (an untimed warm-up). `replay`: each of those answered
 * at once from `answers` instead of the gateway — the same page with the same data, without the
 * server (the HTML and assets still come from the gateway, as in a live visit).
 */
async function visit(browser: Browser, origin: string, session: SessionState, mode: 'live' | 'record' | 'replay', answers: Map<string, string>): Promise<Visit> {
  const context: BrowserContext = await browser.newContext({
    locale: 'es-MX',
    timezoneId: 'America/Mexico_City',
    viewport: { width: 1440, height: 900 },
    storageState: session,
  });
  try {
    await context.addInitScript(OBSERVE);
    let graphqlRequests = 0;
    let unanswered = 0;
    if (mode !== 'live') {
      // The data the page asks for: GraphQL over HTTP, and who is signed in (GET /auth/me).
      const data = (url: URL) => url.origin === origin && (url.pathname === '/graphql' || url.pathname === '/auth/me');
      await context.route(data, async (route) => {
        const request = route.request();
        if (request.method() === 'POST') graphqlRequests++;
        else if (request.method() !== 'GET') return route.continue();
        const key = `${request.method()} ${new URL(request.url()).pathname} ${request.postData() ?? ''}`;
        if (mode === 'replay') {
          const recorded = answers.get(key);
          if (recorded === undefined) {
            unanswered++;
            return route.abort();
          }
          const { status, body } = JSON.parse(recorded) as { status: number; body: string };
          return route.fulfill({ status, contentType: 'application/json', body });
        }
        const response = await route.fetch();
        const body = await response.text();
        answers.set(key, JSON.stringify({ status: response.status(), body }));
        return route.fulfill({ response, body });
      });
    }
    const page = await context.newPage();
    const assets = new Map<string, Buffer>();
    const bodies: Array<Promise<void>> = [];
    page.on('response', (response) => {
      const path = new URL(response.url()).pathname;
      if (/\.(js|css)$/.test(path)) bodies.push(response.body().then((b) => void assets.set(path, b)));
    });
    page.on('request', (request) => {
      if (mode === 'live' && new URL(request.url()).pathname === '/graphql' && request.method() === 'POST') graphqlRequests++;
    });
    await page.goto(`${origin}/nacional`);
    await page.waitForFunction(() => (window as unknown as { __dataShown?: number }).__dataShown !== undefined, undefined, { timeout: 120_000 });
    const measured = await page.evaluate(() => {
      const w = window as unknown as { __dataShown?: number; __lcp?: number };
      return { lcp: w.__lcp ?? null, dataShown: w.__dataShown ?? null };
    });
    const shown = {
      summary: await page.getByTestId('national-summary').innerText(),
      matrix: await page.getByTestId('national-matrix').innerText(),
    };
    await Promise.all(bodies);
    const useful = measured.lcp === null || measured.dataShown === null ? null : Math.max(measured.lcp, measured.dataShown);
    const round = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);
    return { lcpMs: round(measured.lcp), dataShownMs: round(measured.dataShown), usefulMs: round(useful), shown, assets, graphqlRequests, unanswered };
  } finally {
    await context.close();
  }
}

/** Gzip sizes (zlib, level 9) of the JavaScript and CSS a page loaded, beside the files in dist/web they came from. */
export function assetBytes(assets: ReadonlyMap<string, Buffer>, distDir: string): { gzip: number; raw: number; files: string[]; mismatched: string[] } {
  let gzip = 0;
  let raw = 0;
  const mismatched: string[] = [];
  for (const [path, body] of assets) {
    raw += body.length;
    gzip += gzipSync(body, { level: 9 }).length;
    const file = join(distDir, 'assets', basename(path));
    if (!existsSync(file) || !readFileSync(file).equals(body)) mismatched.push(path);
  }
  return { gzip, raw, files: [...assets.keys()].sort(), mismatched };
}

/**
 * The console's figures: bytes of JavaScript and CSS (gzip) the national view's first load takes,
 * and time to a useful national view on loopback with the benchmark's dataset — the later of the
 * largest contentful paint and the frame that shows the documents loaded. Baseline for the time:
 * the same page in the same browser with the same data, every GraphQL (and /auth/me) answer replayed
 * at once from a live visit's recording (no gateway, no database): what the browser alone costs. Both show
 * the same national view (diffed once per run: summary and matrix text); `runs` visits each, medians.
 */
export async function consoleFigures(ctx: BenchContext, runs: number, dataset: string): Promise<Figure[]> {
  const dist = join(repoRoot(), 'dist', 'web');
  if (!existsSync(chromiumPath())) {
    const failures = [`Chromium not found at ${chromiumPath()}: apt-get install chromium, or set CHROMIUM_PATH`];
    ctx.log(`  ! ${failures[0]}`);
    return ['console.firstLoadBytes', 'console.nationalView'].map((name) => ({ name, unit: name.endsWith('Bytes') ? 'KB' : 'ms', value: null, baseline: null, ratio: null, dataset, details: {}, failures }));
  }
  const origin = new URL(ctx.stack.graphqlUrl).origin;
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const session = await signIn(browser, origin, ctx.db);
    const answers = new Map<string, string>();
    const recorded = await visit(browser, origin, session, 'record', answers);
    const live: Visit[] = [];
    const replayed: Visit[] = [];
    for (let i = 0; i < runs; i++) {
      live.push(await visit(browser, origin, session, 'live', answers));
      replayed.push(await visit(browser, origin, session, 'replay', answers));
    }
    const failures: string[] = [];
    const differences = payloadDifferences(live[0].shown, replayed[0].shown, 5);
    if (payloadDifferences(recorded.shown, live[0].shown, 1).length > 0) ctx.log('  (the national view changed between the recording and the first live visit)');
    if (differences.length > 0) failures.push(`the replayed page shows another national view: ${describeDifferences(differences).join('; ')}`);
    const unanswered = replayed.reduce((n, v) => n + v.unanswered, 0);
    if (unanswered > 0) failures.push(`${unanswered} GraphQL requests of the replayed page had no recorded answer`);
    const bytes = assetBytes(live[0].assets, dist);
    const byteFailures = bytes.mismatched.length > 0 ? [`served assets differ from dist/web: ${bytes.mismatched.join(', ')}`] : [];
    for (const f of [...failures, ...byteFailures]) ctx.log(`  ! ${f}`);
    const usefulLive = summarize(live.map((v) => v.usefulMs ?? Number.NaN));
    const usefulReplayed = summarize(replayed.map((v) => v.usefulMs ?? Number.NaN));
    const kb = (n: number) => Math.round(n / 100) / 10;
    return [
      {
        name: 'console.firstLoadBytes',
        unit: 'KB',
        value: kb(bytes.gzip),
        baseline: null,
        ratio: null,
        dataset: `JavaScript and CSS of /nacional's first load (${bytes.files.length} files), gzip level 9`,
        details: { gzipBytes: bytes.gzip, rawBytes: bytes.raw, files: bytes.files },
        failures: byteFailures,
      },
      {
        name: 'console.nationalView',
        unit: 'ms',
        value: usefulLive.p50,
        baseline: usefulReplayed.p50,
        ratio: ratio(usefulLive.p50, usefulReplayed.p50),
        dataset: `${dataset}; ${live[0].shown.summary} ${live[0].graphqlRequests} GraphQL requests; median of ${runs}`,
        details: {
          live: live.map(({ lcpMs, dataShownMs, usefulMs }) => ({ lcpMs, dataShownMs, usefulMs })),
          replayed: replayed.map(({ lcpMs, dataShownMs, usefulMs }) => ({ lcpMs, dataShownMs, usefulMs })),
        },
        failures,
      },
    ];
  } finally {
    await browser.close();
  }
}
