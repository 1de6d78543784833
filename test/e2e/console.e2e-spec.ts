/// <reference lib="dom" />
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { type UsersInput, users } from '../../apps/cli/src/commands/users';
import { launchChromium } from '../support/browser';
import { accessibilityProblems, consoleContext, screenshot, ensureConsoleBuilt } from '../support/console-browser';
import { type TestStack, startTestStack } from '../support/test-stack';

/**
 * The supervisors' console in headless Chromium, served by the gateway at `/`, every user signed in
 * through the sign-in form (POST /auth/sign-in, the HttpOnly cookie) as the `users` command made
 * them. GRO's operator records the seed's correspondence (IEPC Guerrero, 18 Feb – 21 Mar 2024)
 * through the recording page — read, reviewed, one oficio skipped, recorded —, and every other page
 * shows the chains that recording made, in their states: time travel, live updates, an OPLE user's
 * fence, keyboard-only use and axe-core's WCAG 2.1 AA rules. Each page's screenshot is left in
 * test/artifacts/console/.
 */
const SEED = join(__dirname, '../../libs/intake/src/testing/seed-report.txt');
/** The oficio the recording skips: INE's notice of an updated manual (it touches no chain). */
const SKIPPED = 'INE/UTSI/0923/2024';

const PASSWORDS = {
  'supervisor.ine': 'clave-consola-supervisor-ine',
  'operador.gro': 'clave-consola-operador-gro',
  'bloqueo.gro': 'clave-consola-bloqueo-gro',
  'comision.gro': 'clave-consola-comision-gro',
} as const;
type User = keyof typeof PASSWORDS;

describe('the supervisors’ console', () => {
  let stack: TestStack;
  let browser: Browser;
  let origin: string;
  let groToken: string;
  const contexts: Array<{ close(): Promise<void> }> = [];
  /** What the recording page showed while GRO's operator recorded the seed (beforeAll). */
  let recording: {
    read: Array<{ oficio: string; result: string; flagged: boolean }>;
    summaryBefore: string;
    after: Array<{ oficio: string; result: string }>;
    summaryAfter: string;
    axe: string[];
    foreign: string[];
    errors: string[];
  };

  beforeAll(async () => {
    ensureConsoleBuilt();
    stack = await startTestStack();
    origin = new URL(stack.graphqlUrl).origin;
    const accounts: Array<[User, string, string]> = [
      ['supervisor.ine', 'SUPERVISOR', 'INE'],
      ['operador.gro', 'OPERATOR', 'GRO'],
      ['bloqueo.gro', 'OPERATOR', 'GRO'],
      ['comision.gro', 'SUPERVISOR', 'GRO'],
    ];
    for (const [name, role, ople] of accounts) {
      const err: string[] = [];
      const input: UsersInput = {
        env: { DATABASE_URL: stack.databaseUrl },
        interactive: false,
        stdin: async () => `${PASSWORDS[name]}\n`,
        askHidden: async () => {
          throw new Error('no terminal in tests');
        },
      };
      const io = { out: () => undefined, err: (l: string) => err.push(l), writeFile: () => undefined };
      const displayName = name === 'supervisor.ine' ? 'Supervisora del INE' : `Persona ${name}`;
      const code = await users(
        ['add', name, '--role', role, '--ople', ople, '--name', displayName, '--password-stdin'],
        io,
        input,
      );
      expect({ code, err }).toEqual({ code: 0, err: [] });
    }
    // For the API-side checks only (what an API client with the same claims as GRO's operator gets).
    groToken = stack.tokens.issue({ subject: 'operador.gro', role: 'OPERATOR', institution: 'GRO' });
    browser = await launchChromium();
    recording = await recordSeedThroughTheConsole();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await stack?.stop();
  });

  /** A fresh browser (no cookie), refusing anything not from the gateway. */
  async function fresh() {
    const opened = await consoleContext(browser, origin, null);
    contexts.push(opened.context);
    return opened;
  }
  /** Signs in through the form (the real POST /auth/sign-in and its cookie), then opens `path`. */
  async function open(user: User, path: string) {
    const opened = await fresh();
    const { page, context } = opened;
    await page.goto(`${origin}/ingresar?siguiente=${encodeURIComponent(path)}`);
    await page.getByLabel('Usuario').fill(user);
    await page.getByLabel('Contraseña').fill(PASSWORDS[user]);
    await page.getByRole('button', { name: 'Ingresar' }).click();
    await page.waitForURL((url) => url.pathname !== '/ingresar');
    const cookie = (await context.cookies()).find((c) => c.name === 'seguimiento_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    // Before signing in the page asked /auth/me who was signed in, and the browser logged its 401: expected, not an error of the page.
    opened.errors.length = 0;
    return opened;
  }
  /** Waits until the page says how fresh its data is (it has its data). */
  const loaded = (page: Page) =>
    page
      .getByTestId('freshness')
      .filter({ hasText: /Datos (al|consultados)/ })
      .first()
      .waitFor();
  /** Screenshot (not blank) and axe-core: no serious or critical violation; no native date picker (it speaks the browser's language). */
  async function check(page: Page, name: string) {
    await screenshot(page, name);
    expect(await accessibilityProblems(page)).toEqual([]);
    expect(await page.locator('input[type="date"]').count()).toBe(0);
  }

  /**
   * GRO's operator pastes the seed on «Registrar correspondencia», reads it (dryRun), skips one
   * oficio, records the rest: every chain the other tests look at comes from this recording.
   */
  async function recordSeedThroughTheConsole(): Promise<typeof recording> {
    const { page, foreign, errors } = await open('operador.gro', '/');
    await page.getByRole('link', { name: 'Registrar correspondencia' }).click();
    await page.getByRole('heading', { name: 'Registrar correspondencia', level: 1 }).waitFor();
    await page.getByLabel('Texto de la correspondencia').fill(readFileSync(SEED, 'utf8'));
    await page.getByRole('button', { name: 'Leer el texto' }).click();
    const summary = page.getByTestId('reading-summary');
    await summary.filter({ hasText: 'Se leyeron' }).waitFor();
    const rows = () =>
      page
        .getByTestId('reading')
        .locator('tbody tr')
        .evaluateAll((trs) =>
          trs.map((tr) => ({
            oficio: tr.getAttribute('data-oficio') ?? '',
            result: (tr.querySelector('[data-testid="row-result"] strong')?.textContent ?? '').trim(),
            flagged: tr.classList.contains('row-review'),
          })),
        );
    const read = await rows();
    const summaryBefore = await summary.innerText();
    await page.getByLabel(`Registrar el oficio ${SKIPPED}`).uncheck();
    await screenshot(page, '11-registrar-lectura');
    const axe = await accessibilityProblems(page);
    await page.getByRole('button', { name: /^Registrar \d+ oficios$/ }).click();
    await summary.filter({ hasText: 'Oficios registrados' }).waitFor();
    const after = await rows();
    await screenshot(page, '12-registrar-resultado');
    axe.push(...(await accessibilityProblems(page)));
    return { read, summaryBefore, after, summaryAfter: await summary.innerText(), axe, foreign, errors };
  }

  it('records the pasted correspondence: the reading reviewed, one oficio skipped, the rest recorded, a result per row', async () => {
    // The reading: every oficio of the seed, nothing recorded yet.
    expect(recording.read.length).toBeGreaterThanOrEqual(15);
    expect(recording.read.map((r) => r.oficio)).toEqual(expect.arrayContaining([SKIPPED, 'INE/UTSI/1121/2024']));
    for (const row of recording.read)
      expect(row.result).toBe(row.flagged ? 'Necesita revisión: no se registra' : 'Se registraría');
    expect(recording.summaryBefore).toMatch(/^Se leyeron \d+ oficios; 1 necesita revisión\. Se registrarán \d+\.$/);
    // After: the skipped one says so and was not recorded; each kept one was.
    const after = new Map(recording.after.map((r) => [r.oficio, r.result]));
    expect(after.get(SKIPPED)).toBe('Omitido por usted');
    for (const row of recording.after.filter((r) => r.oficio !== SKIPPED))
      expect(row.result).toBe(
        recording.read.find((r) => r.oficio === row.oficio)!.flagged
          ? 'Necesita revisión: no se registra'
          : 'Registrado',
      );
    const flagged = recording.read.filter((r) => r.flagged).length;
    expect(recording.summaryAfter).toBe(
      `Oficios registrados ${recording.read.length - flagged - 1}; ya estaban registrados 0; para revisión ${flagged}; rechazados 0; omitidos 1.`,
    );
    const register = await stack.gqlAs<{ correspondence: Array<{ oficioNumber: string }> }>(
      groToken,
      '{ correspondence(ople: "GRO") { oficioNumber } }',
    );
    const numbers = new Set(register.data!.correspondence.map((c) => c.oficioNumber));
    expect(numbers.has(SKIPPED)).toBe(false);
    for (const oficio of ['INE/UTSI/1121/2024', 'INE/UTSI/1147/2024', 'INE/UTSI/1240/2024'])
      expect(numbers.has(oficio)).toBe(true);
    expect(recording.axe).toEqual([]);
    expect(recording.foreign).toEqual([]);
    expect(recording.errors).toEqual([]);
    // What it made — the chains in their states — is what the national view and GRO's dashboard show below.
  });

  it('is served at / with a strict CSP, its client routes and hashed assets, while /graphql and /health keep theirs', async () => {
    const index = await fetch(`${origin}/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toMatch(/text\/html/);
    expect(index.headers.get('cache-control')).toBe('no-cache');
    const csp = index.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("default-src 'none'");
    const html = await index.text();
    // No inline script: every <script> has a src under /assets/.
    expect(html.match(/<script\b[^>]*>/g)!.every((tag) => /src="\/assets\/[\w.-]+\.js"/.test(tag))).toBe(true);
    const asset = /src="(\/assets\/[\w.-]+\.js)"/.exec(html)![1];
    const script = await fetch(`${origin}${asset}`);
    expect(script.headers.get('content-type')).toMatch(/javascript/);
    expect(script.headers.get('cache-control')).toContain('immutable');
    for (const route of [
      '/nacional',
      '/ople/GRO',
      '/documentos/document%3AGRO%3Ae15-proyecto',
      '/oficios/INE%2FUTSI%2F1240%2F2024',
    ])
      expect((await fetch(`${origin}${route}`)).status).toBe(200);
    expect((await fetch(`${origin}/assets/..%2F..%2Fpackage.json`)).status).toBe(404);
    expect((await fetch(`${origin}/no-existe`)).status).toBe(404);
    expect((await fetch(`${origin}/health`)).status).toBe(200);
    expect((await fetch(`${origin}/graphql`, { method: 'POST', body: '{}' })).status).toBe(401);
  });

  it('without a session shows the sign-in page; the real sign-in says why it failed beside the right field, then signs in with the cookie', async () => {
    const { page, context, foreign } = await fresh();
    await page.goto(`${origin}/nacional`);
    await page.getByRole('heading', { name: 'Ingresar' }).waitFor();
    expect(page.url()).toContain('/ingresar');
    await page.getByRole('button', { name: 'Ingresar' }).click();
    await page.locator('#username-error').filter({ hasText: 'Escriba su usuario.' }).waitFor();
    expect(await page.getByLabel('Usuario').getAttribute('aria-invalid')).toBe('true');
    // A wrong password, as the gateway answers it.
    await page.getByLabel('Usuario').fill('supervisor.ine');
    await page.getByLabel('Contraseña').fill('equivocada');
    await page.getByRole('button', { name: 'Ingresar' }).click();
    await page.getByTestId('sign-in-error').filter({ hasText: 'Usuario o contraseña incorrectos.' }).waitFor();
    // A locked account: five failures elsewhere, then the right password is refused with the minutes to wait.
    for (let i = 0; i < 5; i += 1)
      await fetch(`${origin}/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'bloqueo.gro', password: `mala-${i}` }),
      });
    await page.getByLabel('Usuario').fill('bloqueo.gro');
    await page.getByLabel('Contraseña').fill(PASSWORDS['bloqueo.gro']);
    await page.getByRole('button', { name: 'Ingresar' }).click();
    await page
      .getByTestId('sign-in-error')
      .filter({ hasText: /Cuenta bloqueada.*\d+ minutos/ })
      .waitFor();
    expect(await page.getByLabel('Contraseña').inputValue()).toBe('');
    expect((await context.cookies()).find((c) => c.name === 'seguimiento_session')).toBeUndefined();
    await check(page, '00-ingresar');

    // The right password: the HttpOnly cookie, /auth/me says who it is, and the page the user was sent away from opens.
    await page.getByLabel('Usuario').fill('supervisor.ine');
    await page.getByLabel('Contraseña').fill(PASSWORDS['supervisor.ine']);
    await page.getByRole('button', { name: 'Ingresar' }).click();
    await page.waitForURL(/\/nacional$/);
    await page.getByText('Supervisora del INE').waitFor();
    await loaded(page);
    const cookie = (await context.cookies()).find((c) => c.name === 'seguimiento_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    expect(await page.evaluate(() => document.cookie)).not.toContain('seguimiento_session');
    // A supervisor reads: no recording page in the menu.
    expect(await page.getByRole('link', { name: 'Registrar correspondencia' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Salir' }).click();
    await page.getByRole('heading', { name: 'Ingresar' }).waitFor();
    expect((await context.cookies()).find((c) => c.name === 'seguimiento_session')).toBeUndefined();
    await page.goto(`${origin}/nacional`);
    await page.waitForURL(/\/ingresar/);
    expect(foreign).toEqual([]);
  });

  it('national view: the seed’s chains for GRO in their states, totals, and a click opens the document', async () => {
    const { page, foreign, errors } = await open('supervisor.ine', '/');
    await page.waitForURL(/\/nacional$/);
    await loaded(page);
    const cell = (key: string) => page.locator(`[data-cell="GRO-${key}"]`);
    await cell('15P').waitFor();
    expect(await cell('15P').getAttribute('data-status')).toBe('RESOLVED');
    expect(await cell('15F').getAttribute('data-status')).toBe('RESOLVED');
    expect(await cell('11P').getAttribute('data-status')).toBe('OBSERVED');
    expect(await cell('14P').getAttribute('data-status')).toBe('OBSERVED');
    expect(await cell('16P').getAttribute('data-status')).toBe('OBSERVED');
    // 1654's reminder: entregables expected, each with its own deadline, long past by now.
    expect(await cell('16F').getAttribute('data-status')).toBe('EXPECTED');
    expect(await cell('16F').getAttribute('class')).toContain('overdue');
    expect(await page.locator('[data-cell^="MEX-"]').count()).toBe(0);
    const groTotal = await page
      .locator('tr', { has: page.getByRole('link', { name: 'GRO', exact: true }) })
      .locator('td.total')
      .innerText();
    expect(groTotal).toMatch(/^14\b/);
    await check(page, '01-vista-nacional');
    await cell('15P').getByRole('link').click();
    await page.waitForURL(/\/documentos\/document%3AGRO%3Ae15-proyecto$/);
    await page.getByRole('heading', { level: 1 }).filter({ hasText: 'ente auditor' }).waitFor();
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('a document: its rounds on a timeline, its observations across rounds, the deadline ladder and the event log', async () => {
    const { page, foreign } = await open(
      'supervisor.ine',
      `/documentos/${encodeURIComponent('document:GRO:e15-proyecto')}`,
    );
    await loaded(page);
    const rounds = page.getByTestId('rounds').locator('tbody tr');
    await rounds.first().waitFor();
    expect(await rounds.count()).toBe(2);
    expect(await rounds.nth(0).innerText()).toContain('INE/UTSI/1147/2024');
    expect(await rounds.nth(1).innerText()).toContain('INE/UTSI/1240/2024');
    // The picture: ECharts' SVG with a mark per INE answer.
    await page.getByTestId('story-chart').locator('svg').waitFor();
    expect(await page.getByTestId('story-chart').getAttribute('aria-label')).toMatch(/OPLE tuvo la pelota/);
    const observations = page.getByTestId('observations').locator('tbody tr');
    expect(await observations.count()).toBeGreaterThan(0);
    expect(await page.getByTestId('observations').innerText()).toContain('Atendida');
    expect(await page.getByTestId('ladder').innerText()).toContain('Recordatorio');
    const log = await page.getByTestId('event-log').innerText();
    expect(log).toContain('INE/UTSI/1240/2024');
    // Recorded through the console by GRO's operator: the actor of each event.
    expect(log).toContain('operador.gro');
    await check(page, '04-documento');
    expect(foreign).toEqual([]);
  });

  it('time travel to 2024-03-22 and back: the banner says so, the URL keeps it, and the past is as it was', async () => {
    const { page } = await open('supervisor.ine', '/nacional');
    await loaded(page);
    const overdue16F = () => page.locator('[data-cell="GRO-16F"]').getAttribute('class');
    expect(await overdue16F()).toContain('overdue');
    // The date field speaks Spanish whatever the browser's language: AAAA-MM-DD, a Spanish message beside it.
    const day = page.getByLabel('Cómo estaba el');
    expect(await day.getAttribute('type')).toBe('text');
    expect(await day.getAttribute('placeholder')).toBe('AAAA-MM-DD');
    await day.fill('03/22/2024');
    await page.getByRole('button', { name: 'Ver', exact: true }).click();
    await page.locator('#as-of-error').filter({ hasText: 'escriba la fecha como AAAA-MM-DD' }).waitFor();
    expect(page.url()).not.toContain('asOf');
    // Its calendar: Spanish month names, weeks from Monday, the keyboard moves between days.
    await day.fill('2024-03-23');
    await page.getByRole('button', { name: 'Elegir la fecha en un calendario' }).click();
    const calendar = page.getByRole('dialog');
    await calendar.filter({ hasText: 'marzo de 2024' }).waitFor();
    expect(await calendar.locator('thead th').allInnerTexts()).toEqual(['lu', 'ma', 'mi', 'ju', 'vi', 'sá', 'do']);
    // 1 March 2024 was a Friday: the fifth column of the first week.
    expect(await calendar.locator('tbody tr').first().locator('td').nth(4).innerText()).toBe('1');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      'sábado, 23 de marzo de 2024',
    );
    await screenshot(page, '05-calendario');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Enter');
    expect(await day.inputValue()).toBe('2024-03-22');
    expect(await calendar.count()).toBe(0);
    await page.getByRole('button', { name: 'Ver', exact: true }).click();
    await page.getByTestId('time-banner').waitFor();
    expect(page.url()).toContain('asOf=2024-03-22');
    expect(await page.getByTestId('time-banner').innerText()).toContain('22 de marzo de 2024');
    await page.getByTestId('freshness').filter({ hasText: 'muestran el pasado' }).waitFor();
    // On 22 March the final version of entregable 16 was expected by 7 April: not yet overdue.
    await page.waitForFunction(() => !document.querySelector('[data-cell="GRO-16F"]')?.classList.contains('overdue'));
    expect(await page.locator('[data-cell="GRO-15P"]').getAttribute('data-status')).toBe('RESOLVED');
    await screenshot(page, '05-viaje-en-el-tiempo');
    // Links keep time travel on.
    await page.locator('[data-cell="GRO-11P"]').getByRole('link').click();
    await page.waitForURL(/asOf=2024-03-22/);
    await page.getByTestId('rounds').waitFor();
    await page.getByTestId('time-banner').waitFor();
    await page.getByRole('button', { name: 'Volver al presente' }).click();
    await page.waitForURL((url) => !url.search.includes('asOf'));
    expect(await page.getByTestId('time-banner').count()).toBe(0);
  });

  it('the GRO dashboard as GRO’s operator: on track, at risk, overdue; who holds the ball; requests; escalations', async () => {
    const { page, foreign, errors } = await open('operador.gro', '/');
    await page.waitForURL(/\/ople\/GRO$/);
    await loaded(page);
    await page.getByRole('heading', { name: /Tablero de IEPC Guerrero/ }).waitFor();
    // Everything the seed left pending is long overdue today (its deadlines were in March and April 2024).
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="track-OVERDUE"]')?.textContent) > 0);
    expect(Number(await page.getByTestId('status-OBSERVED').innerText())).toBe(3);
    expect(Number(await page.getByTestId('status-RESOLVED').innerText())).toBe(2);
    expect(await page.getByText('El OPLE (entrega o atiende)').first().innerText()).toMatch(/: \d+/);
    // 1221 asked "a más tardar el 4 de marzo".
    const requests = page.locator('section', { has: page.getByRole('heading', { name: /a más tardar/ }) });
    expect(await requests.innerText()).toContain('INE/UTSI/1221/2024');
    expect(await requests.innerText()).toMatch(/venció hace \d+ días/);
    expect(await page.getByRole('link', { name: 'Vista nacional' }).count()).toBe(0);
    // Escalations name their case by what it is about, the id only as a detail.
    const escalations = page.getByTestId('escalations');
    await escalations.locator('[data-case="document:GRO:e16-final"]').first().waitFor();
    expect(await escalations.locator('[data-case="document:GRO:e16-final"] a').first().innerText()).toBe(
      '16 · Plan de seguridad y plan de continuidad (versión final)',
    );
    await escalations
      .locator('[data-case="request:GRO:ine-utsi-1221-2024"]')
      .first()
      .filter({ hasText: /^Solicitud: se informe el estatus/ })
      .waitFor();
    expect(await escalations.innerText()).not.toMatch(/(Documento|Solicitud) GRO [\w-]+/);
    await check(page, '02-tablero-gro');
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('an OPLE user can see neither another OPLE’s pages nor its data through the API', async () => {
    const { page } = await open('operador.gro', '/ople/MEX');
    await page.getByRole('heading', { name: 'Sin acceso a este OPLE' }).waitFor();
    await page.goto(`${origin}/documentos/${encodeURIComponent('document:MEX:e16-proyecto')}`);
    await page.getByRole('heading', { name: 'Sin acceso a este OPLE' }).waitFor();
    await page.goto(`${origin}/nacional`);
    await page.waitForURL(/\/ople\/GRO$/);
    await page.goto(`${origin}/documentos?ople=MEX`);
    await page.getByRole('heading', { name: 'Sin acceso a este OPLE' }).waitFor();
    const refused = await stack.gqlAs(groToken, '{ documents(filter: { ople: "MEX" }) { totalCount } }');
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const document = await stack.gqlAs(groToken, '{ document(id: "document:MEX:e16-proyecto") { id } }');
    expect(document.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('documents: filters and order in the URL, paging, CSV of what is shown', async () => {
    const { page } = await open('supervisor.ine', '/documentos?ople=GRO&status=OBSERVED&orden=ID');
    await loaded(page);
    await page.getByTestId('documents-count').filter({ hasText: '3 documentos cumplen' }).waitFor();
    const ids = await page
      .getByTestId('documents-table')
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-doc')));
    expect(ids).toEqual(['document:GRO:e11-proyecto', 'document:GRO:e14-proyecto', 'document:GRO:e16-proyecto']);
    // «Último oficio»: INE's answer when that is the last oficio recorded (the OPLE's submission was only inferred).
    const lastOficio = page.locator('[data-doc="document:GRO:e11-proyecto"] td').last();
    expect(await lastOficio.innerText()).toBe('INE/UTSI/1121/2024');
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Exportar CSV' }).click(),
    ]);
    const text = readFileSync(await csv.path(), 'utf8');
    expect(text.trim().split('\r\n')).toHaveLength(4);
    expect(text).toContain('document:GRO:e14-proyecto');
    expect(text).toContain('INE/UTSI/1121/2024');
    await check(page, '03-documentos');
    // Paging by cursor: one per page.
    await page.getByLabel('Por página').selectOption('25');
    await page.goto(`${origin}/documentos?ople=GRO&orden=ID&tamano=25`);
    await page.getByTestId('documents-count').filter({ hasText: 'página 1' }).waitFor();
    await page.getByRole('button', { name: 'Página siguiente →' }).waitFor();
  });

  it('saved views: GRO’s operator names a filtered list; a colleague of GRO opens it, the same rows and the same CSV; INE and MEX never see it', async () => {
    const name = 'Con observaciones, por identificador';
    const { page } = await open('operador.gro', '/documentos?status=OBSERVED&orden=ID');
    await loaded(page);
    await page.getByTestId('documents-count').filter({ hasText: '3 documentos cumplen' }).waitFor();
    const views = page.getByTestId('saved-views');
    await views.getByRole('button', { name: 'Guardar esta vista' }).click();
    await views.locator('#view-name-error').filter({ hasText: 'escriba un nombre' }).waitFor();
    await views.getByLabel('Nombre de la vista').fill(name);
    await views.getByRole('button', { name: 'Guardar esta vista' }).click();
    await views
      .getByRole('status')
      .filter({ hasText: `Vista «${name}» guardada para IEPC Guerrero.` })
      .waitFor();
    await views.getByRole('link', { name }).waitFor();
    await check(page, '13-vistas-guardadas');

    // A colleague of the same OPLE finds it, opens it: the list as it was saved, and its CSV is what the screen shows.
    const colleague = (await open('comision.gro', '/documentos')).page;
    await loaded(colleague);
    await colleague.getByTestId('saved-views').getByRole('link', { name }).click();
    await colleague.waitForURL((url) => url.search === '?status=OBSERVED&orden=ID');
    await colleague.getByTestId('documents-count').filter({ hasText: '3 documentos cumplen' }).waitFor();
    const shown = await colleague
      .getByTestId('documents-table')
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-doc')));
    expect(shown).toEqual(['document:GRO:e11-proyecto', 'document:GRO:e14-proyecto', 'document:GRO:e16-proyecto']);
    const [csv] = await Promise.all([
      colleague.waitForEvent('download'),
      colleague.getByRole('button', { name: 'Exportar CSV' }).click(),
    ]);
    const lines = readFileSync(await csv.path(), 'utf8')
      .trim()
      .split('\r\n');
    expect(lines.slice(1).map((line) => line.split(',')[0])).toEqual(shown);

    // Another institution sees none of it, and cannot delete it.
    const list = (token: string) =>
      stack.gqlAs<{ savedViews: Array<{ id: string; name: string }> }>(token, '{ savedViews { id name } }');
    const ours = (await list(groToken)).data!.savedViews.find((v) => v.name === name)!;
    expect(ours).toBeDefined();
    const ine = stack.tokens.issue({ subject: 'supervisor.ine', role: 'SUPERVISOR', institution: 'INE' });
    const mex = stack.tokens.issue({ subject: 'operador.mex', role: 'OPERATOR', institution: 'MEX' });
    expect((await list(ine)).data!.savedViews.map((v) => v.name)).not.toContain(name);
    expect((await list(mex)).data!.savedViews).toEqual([]);
    const refused = await stack.gqlAs(mex, 'mutation($i: DeleteViewInput!) { deleteView(input: $i) }', {
      i: { id: ours.id },
    });
    expect(refused.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await list(groToken)).data!.savedViews.map((v) => v.id)).toContain(ours.id);
    const outside = await stack.gqlAs(groToken, 'mutation($i: SaveViewInput!) { saveView(input: $i) { id } }', {
      i: { name: 'Fuera', path: 'https://evil.example/documentos' },
    });
    expect(outside.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'path' });
  });

  it('the correspondence register, an oficio’s page and the report', async () => {
    const { page } = await open('supervisor.ine', '/correspondencia?ople=GRO');
    await loaded(page);
    await page.getByTestId('correspondence').getByRole('link', { name: 'INE/UTSI/1240/2024' }).first().waitFor();
    // Cases by what they are about: the entregable and version, the request's subject; the id as a detail.
    const register = page.getByTestId('correspondence');
    expect(await register.locator('[data-case="document:GRO:e15-proyecto"] a').first().innerText()).toBe(
      '15 · Instrumento jurídico con el ente auditor y su anexo técnico (proyecto)',
    );
    await register
      .locator('[data-case="request:GRO:ine-utsi-1221-2024"]')
      .first()
      .filter({ hasText: /^Solicitud: se informe el estatus/ })
      .waitFor();
    expect(await register.innerText()).not.toMatch(/(Documento|Solicitud|Aviso) GRO [\w-]+/);
    await register
      .locator('[data-case="notice:GRO:ine-utsi-1228-2024"]')
      .first()
      .filter({ hasText: /^Invitación: una reunión virtual/ })
      .waitFor();
    await check(page, '06-correspondencia');
    await page.getByTestId('correspondence').getByRole('link', { name: 'INE/UTSI/1240/2024' }).first().click();
    await page.waitForURL(/\/oficios\//);
    await page.getByTestId('cites').getByRole('link', { name: 'INE/UTSI/1147/2024' }).waitFor();
    await check(page, '07-oficio');
    await page.goto(`${origin}/informes`);
    await page.getByLabel('Desde').fill('2024-02-18');
    await page.getByLabel('Hasta').fill('2024-03-21');
    await page.getByRole('button', { name: 'Vista previa' }).click();
    const preview = page.getByTestId('report-preview');
    await preview.filter({ hasText: 'INE/UTSI/1240/2024' }).waitFor();
    // A formatted page, not Markdown's marks: headings, bold, numbered entries.
    expect(await preview.locator('h3').count()).toBeGreaterThan(0);
    expect(await preview.locator('strong').count()).toBeGreaterThan(0);
    expect(await preview.locator('ol > li').count()).toBeGreaterThan(5);
    const words = await preview.innerText();
    expect(words).not.toContain('**');
    expect(words).not.toMatch(/^#/m);
    expect(words).not.toMatch(/\\[.*_#-]/);
    expect(await preview.evaluate((e) => e.tagName)).not.toBe('PRE');
    await check(page, '08-informe');
    const [pdf] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Descargar PDF' }).click(),
    ]);
    expect(
      readFileSync(await pdf.path())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
  });

  it('keyboard only: signs in, skip link, a cell of the national view, the document — the focus always visible', async () => {
    const { page } = await fresh();
    await page.goto(`${origin}/nacional`);
    await page.getByRole('heading', { name: 'Ingresar' }).waitFor();
    const focusVisible = () =>
      page.evaluate(() => {
        const e = document.activeElement!;
        const style = getComputedStyle(e);
        return style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
      });
    // The user field has the focus on arrival; Tab to the password, Enter sends.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('username');
    expect(await focusVisible()).toBe(true);
    await page.keyboard.type('supervisor.ine');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('password');
    await page.keyboard.type(PASSWORDS['supervisor.ine']);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/nacional$/);
    await loaded(page);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Saltar al contenido');
    expect(await focusVisible()).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('contenido');
    // Tab on until the GRO cell of entregable 15 (proyecto) has the focus, then open it.
    let found = false;
    for (let i = 0; i < 400 && !found; i += 1) {
      await page.keyboard.press('Tab');
      found = await page.evaluate(
        () => document.activeElement?.closest('[data-cell]')?.getAttribute('data-cell') === 'GRO-15P',
      );
    }
    expect(found).toBe(true);
    expect(await focusVisible()).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForURL(/e15-proyecto/);
    await page.getByTestId('rounds').waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('contenido');
  });

  it('live: a page open in one browser updates, and shows what changed, when another records an oficio', async () => {
    const { page } = await open('supervisor.ine', '/documentos?ople=GRO&orden=ID&tamano=200');
    await loaded(page);
    const row = page.locator('[data-doc="document:GRO:e11-proyecto"]');
    await row.filter({ hasText: 'Con observaciones' }).waitFor();
    await page.getByTestId('freshness').filter({ hasText: 'En vivo' }).waitFor();
    // The OPLE's operator, elsewhere, records the answer to 1121's observations.
    const recorded = await stack.gqlAs(
      groToken,
      `mutation($input: RecordOpleOficioInput!) { recordOpleOficio(input: $input) { document { id status } } }`,
      {
        input: {
          ople: 'GRO',
          oficioNumber: 'IEPC/GRO/SE/0999/2024',
          date: '2024-03-25',
          references: ['INE/UTSI/1121/2024'],
        },
      },
    );
    expect(recorded.errors).toBeUndefined();
    expect(recorded.data).toMatchObject({
      recordOpleOficio: { document: { id: 'document:GRO:e11-proyecto', status: 'UNDER_REVIEW' } },
    });
    await row.filter({ hasText: 'En revisión' }).waitFor({ timeout: 15_000 });
    expect(await row.getAttribute('class')).toContain('changed');
    await page.getByTestId('freshness').filter({ hasText: 'Último cambio' }).waitFor();
    await screenshot(page, '09-en-vivo');
  });

  it('a single-mutation form shows the API’s refusal beside the field it names, then records', async () => {
    const { page } = await open('operador.gro', `/documentos/${encodeURIComponent('document:GRO:e14-proyecto')}`);
    await loaded(page);
    const form = page.getByRole('form', { name: 'Prorrogar el plazo en curso' });
    await form.getByRole('button', { name: 'Registrar la prórroga' }).click();
    await form.locator('#extend-dueDate-error').filter({ hasText: 'es obligatorio' }).waitFor();
    await form.getByLabel(/Nuevo último día/).fill('2024-01-01');
    await form.getByLabel(/Motivo/).fill('Lo pidió el OPLE');
    await form.getByRole('button', { name: 'Registrar la prórroga' }).click();
    // Earlier than the deadline in force: the API refuses it naming input.dueDate, and the page says so there.
    await form.locator('#extend-dueDate-error').filter({ hasNotText: 'es obligatorio' }).waitFor();
    expect(await form.getByLabel(/Nuevo último día/).getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, '10-formulario-error');
    await form.getByLabel(/Nuevo último día/).fill('2099-01-15');
    await form.getByRole('button', { name: 'Registrar la prórroga' }).click();
    await form.getByRole('status').filter({ hasText: 'Prórroga registrada' }).waitFor();
    await page.getByTestId('document-facts').filter({ hasText: '15 ene 2099' }).waitFor({ timeout: 15_000 });
    expect(await accessibilityProblems(page)).toEqual([]);
  });
});
