/// <reference lib="dom" />
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { type UsersInput, users } from '../../apps/cli/src/commands/users';
import { EXIT } from '../../apps/cli/src/usage';
import { launchChromium } from '../support/browser';
import { accessibilityProblems, consoleContext, ensureConsoleBuilt, screenshot } from '../support/console-browser';
import { type TestStack, startTestStack } from '../support/test-stack';

/**
 * The console's review queue (/revision), sent mail (/correo) and originals (issues 15–18) in
 * headless Chromium, signed in through the real form (/auth/sign-in and its cookie), after the
 * seed (IEPC Guerrero) is sent as a file through ingestFile: 1312 waits in the queue, an INE
 * supervisor sees it, the API's refusals appear beside their fields, a dismissal takes it out of
 * the pending ones; an OPLE user of another OPLE sees none of it. Screenshots in test/artifacts/console/.
 */
const SEED = join(__dirname, '../../libs/intake/src/testing/seed-report.txt');
const N1312 = 'INE/UTSI/1312/2024';
const PASSWORDS = {
  'supervisor.ine': 'clave-supervisor-ine-2024',
  'operador.ine': 'clave-operador-ine-2024',
  'operador.mex': 'clave-operador-mex-2024',
};
type Name = keyof typeof PASSWORDS;

describe('console pages: review queue, sent mail, originals', () => {
  let stack: TestStack;
  let browser: Browser;
  let origin: string;
  let ineToken: string;
  const contexts: Array<{ close(): Promise<void> }> = [];

  beforeAll(async () => {
    ensureConsoleBuilt();
    stack = await startTestStack();
    origin = new URL(stack.graphqlUrl).origin;
    const ingested = await stack.gql<{ ingestFile: { created: number; needsReview: number } }>(
      `mutation($input: IngestFileInput!) { ingestFile(input: $input) { created needsReview } }`,
      {
        input: {
          ople: 'GRO',
          fileName: 'informe-seguimiento.txt',
          contentBase64: readFileSync(SEED).toString('base64'),
        },
      },
    );
    expect(ingested.errors).toBeUndefined();
    expect(ingested.data!.ingestFile.created).toBe(16);
    expect(ingested.data!.ingestFile.needsReview).toBeGreaterThan(0);
    for (const [name, role, ople] of [
      ['supervisor.ine', 'SUPERVISOR', 'INE'],
      ['operador.ine', 'OPERATOR', 'INE'],
      ['operador.mex', 'OPERATOR', 'MEX'],
    ] as Array<[Name, string, string]>) {
      const err: string[] = [];
      const input: UsersInput = {
        env: { DATABASE_URL: stack.databaseUrl },
        interactive: false,
        stdin: async () => `${PASSWORDS[name]}\n`,
        askHidden: async () => {
          throw new Error('no terminal in tests');
        },
      };
      const code = await users(
        ['add', name, '--role', role, '--ople', ople, '--name', `Persona ${name}`, '--password-stdin'],
        { out: () => undefined, err: (l: string) => err.push(l), writeFile: () => undefined },
        input,
      );
      expect({ code, err }).toEqual({ code: EXIT.OK, err: [] });
    }
    ineToken = stack.tokens.issue({ subject: 'supervisor.ine', role: 'SUPERVISOR', institution: 'INE' });
    browser = await launchChromium();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await stack?.stop();
  });

  /** Signs in through the real form, then opens `path`; every request must go to the gateway. */
  async function signedIn(name: Name, path: string) {
    const opened = await consoleContext(browser, origin, null);
    contexts.push(opened.context);
    const { page } = opened;
    await page.goto(`${origin}${path}`);
    await page.getByRole('heading', { name: 'Ingresar' }).waitFor();
    await page.getByLabel('Usuario').fill(name);
    await page.getByLabel('Contraseña').fill(PASSWORDS[name]);
    await page.getByRole('button', { name: 'Ingresar' }).click();
    await page.getByText(`Persona ${name}`).waitFor();
    // Before signing in, /auth/me answers 401 (the browser logs it): only what follows counts.
    opened.errors.length = 0;
    return opened;
  }
  const loaded = (page: Page) =>
    page
      .getByTestId('freshness')
      .filter({ hasText: /Datos (al|consultados)/ })
      .first()
      .waitFor();
  async function check(page: Page, name: string) {
    await screenshot(page, name);
    expect(await accessibilityProblems(page)).toEqual([]);
  }
  const pendingNumbers = async (token: string, ople: string | null) => {
    const answer = await stack.gqlAs<{ reviewQueue: Array<{ oficioNumber: string | null }> }>(
      token,
      `query($ople: String) { reviewQueue(ople: $ople, status: PENDING) { oficioNumber } }`,
      { ople },
    );
    expect(answer.errors).toBeUndefined();
    return answer.data!.reviewQueue.map((i) => i.oficioNumber ?? 'Sin número leído');
  };

  it('the OPLE dashboard counts the oficios pending review and links to the queue', async () => {
    const { page, foreign, errors } = await signedIn('supervisor.ine', '/ople/GRO');
    await loaded(page);
    const pending = (await pendingNumbers(ineToken, 'GRO')).length;
    expect(pending).toBeGreaterThan(0);
    const card = page.getByTestId('pending-review');
    await card
      .locator('.big')
      .filter({ hasText: new RegExp(`^${pending}$`) })
      .waitFor();
    await card.getByRole('link').click();
    await page.waitForURL(/\/revision\?ople=GRO$/);
    await page.getByTestId('review-queue').waitFor();
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('Revisión by keyboard: the queue lists what the API lists, 1312 with its reason; its detail shows the text and what was read', async () => {
    const { page, foreign } = await signedIn('supervisor.ine', '/ople/GRO');
    await loaded(page);
    // Tab from the top of the page to the menu's «Revisión», then to 1312's row, each opened with Enter.
    const tabTo = async (test: () => boolean) => {
      for (let i = 0; i < 200; i += 1) {
        await page.keyboard.press('Tab');
        if (await page.evaluate(test)) return;
      }
      throw new Error('never reached by Tab');
    };
    await tabTo(() => document.activeElement?.textContent === 'Revisión');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/revision$/);
    await loaded(page);
    const rows = page.getByTestId('review-queue').locator('tbody tr');
    await rows.first().waitFor();
    const shown = await rows.locator('td:first-child').allInnerTexts();
    expect(shown).toEqual(await pendingNumbers(ineToken, null));
    expect(shown).toContain(N1312);
    const row1312 = rows.filter({ hasText: N1312 });
    expect(await row1312.innerText()).toMatch(/no se puede asociar a un documento/);
    await check(page, '20-revision');

    await tabTo(() => document.activeElement?.textContent === 'INE/UTSI/1312/2024');
    await page.keyboard.press('Enter');
    const detail = page.getByTestId('review-detail');
    await detail.getByTestId('review-text').filter({ hasText: '1312' }).waitFor();
    expect(await detail.getByTestId('review-read').innerText()).toMatch(/Lo que resuelve\s+Recibido sin observaciones/);
    expect(page.url()).toContain(`id=${encodeURIComponent('review:GRO:')}`);
    // A supervisor reads; resolving and dismissing are an operator's (the API requires OPERATOR or ADMIN).
    await detail.getByTestId('review-role').filter({ hasText: 'Solo un operador o un administrador' }).waitFor();
    expect(await detail.locator('form').count()).toBe(0);
    await check(page, '21-revision-detalle');
    expect(foreign).toEqual([]);
  });

  it('resolve and dismiss: each refusal beside its field (the form’s and the API’s), then the dismissal takes 1312 out of the pending ones', async () => {
    const { page, foreign } = await signedIn('operador.ine', '/revision?ople=GRO');
    await loaded(page);
    await page.getByRole('link', { name: N1312 }).click();
    const detail = page.getByTestId('review-detail');
    await detail.getByTestId('review-text').waitFor();

    // The form's own check: nothing is sent.
    await page.getByLabel('Entregable (obligatorio)').fill('35');
    await page.getByRole('button', { name: 'Resolver' }).click();
    await page.locator('#resolve-deliverable-error').filter({ hasText: '«35» no es un número de 1 a 34' }).waitFor();
    expect(await page.getByLabel('Entregable (obligatorio)').getAttribute('aria-invalid')).toBe('true');
    // The API's refusal: entregable 11 has two versions and none was chosen → beside «Versión».
    await page.getByLabel('Entregable (obligatorio)').fill('11');
    await page.getByRole('button', { name: 'Resolver' }).click();
    const resolveForm = page.locator('form', { has: page.getByRole('button', { name: 'Resolver' }) });
    await resolveForm.locator('[role=alert], [role=status]').first().waitFor();
    expect(await resolveForm.locator('[role=alert], [role=status]').allInnerTexts()).toEqual([
      expect.stringMatching(/^Versión: el entregable 11 tiene proyecto y versión final/),
    ]);
    expect(await page.locator('#resolve-version-error').count()).toBe(1);
    expect(await page.locator('#resolve-deliverable-error').count()).toBe(0);
    expect(await page.getByLabel('Versión').getAttribute('aria-invalid')).toBe('true');
    // Dismiss without a reason: refused beside «Motivo»; still pending in the API.
    await page.getByRole('button', { name: 'Descartar' }).click();
    await page.locator('#dismiss-reason-error').filter({ hasText: 'Motivo: es obligatorio' }).waitFor();
    expect(await pendingNumbers(ineToken, 'GRO')).toContain(N1312);
    await check(page, '22-revision-errores');

    await page.getByLabel('Motivo (obligatorio)').fill('duplicado del informe del COTAPREP');
    await page.getByRole('button', { name: 'Descartar' }).click();
    await detail.getByTestId('review-outcome').filter({ hasText: 'Descartada: duplicado' }).waitFor();
    await detail.getByTestId('review-resolution').filter({ hasText: 'duplicado del informe del COTAPREP' }).waitFor();
    expect(await pendingNumbers(ineToken, 'GRO')).not.toContain(N1312);
    await page
      .getByTestId('review-queue')
      .getByRole('link', { name: N1312 })
      .waitFor({ state: 'detached' })
      .catch(async () => {
        throw new Error(`1312 still listed: ${await page.getByTestId('review-queue').innerText()}`);
      });
    // Among the dismissed ones, with the reason.
    await page.getByLabel('Estado').selectOption('DISMISSED');
    await page.getByTestId('review-queue').getByRole('link', { name: N1312 }).waitFor();
    expect(foreign).toEqual([]);
  });

  it('an OPLE user of another OPLE sees none of GRO’s items, and GRO’s queue is fenced off', async () => {
    const { page, foreign } = await signedIn('operador.mex', '/revision?estado=todas');
    await loaded(page);
    const mexToken = stack.tokens.issue({ subject: 'operador.mex', role: 'OPERATOR', institution: 'MEX' });
    const api = await stack.gqlAs<{ reviewQueue: Array<{ ople: string }> }>(mexToken, `{ reviewQueue { ople } }`);
    expect(api.data!.reviewQueue.every((i) => i.ople === 'MEX')).toBe(true);
    const count = page.getByTestId('review-count');
    await count.filter({ hasText: api.data!.reviewQueue.length ? /elementos?\./ : 'No hay elementos' }).waitFor();
    expect(await page.getByText('GRO', { exact: true }).count()).toBe(0);
    expect(await page.getByRole('link', { name: N1312 }).count()).toBe(0);
    await page.goto(`${origin}/revision?ople=GRO`);
    await page.getByRole('heading', { name: 'Sin acceso a este OPLE' }).waitFor();
    expect(foreign).toEqual([]);
  });

  it('Correo enviado: the rows the API gives, status in Spanish words, filtered by status', async () => {
    // The test stack runs no sender: three messages as the outbox writer and the sender leave them.
    await stack.db.query(
      `INSERT INTO outbox (cause_key, kind, recipient, recipient_name, payload, status, attempts, message_id, subject, last_error, sent_at)
       VALUES ('e2e:1', 'ESCALATION', 'responsable@iepcgro.example.org', 'Responsable', '{"ople":"GRO"}', 'SENT', 1,
               '<e2e-1@seguimiento>', 'Escalamiento: entregable 16', NULL, now()),
              ('e2e:2', 'DEADLINE', 'secretaria@iepcgro.example.org', 'Secretaría', '{"ople":"GRO"}', 'FAILED', 5,
               NULL, NULL, '550 buzón inexistente', NULL),
              ('e2e:3', 'DIGEST', 'utsi@ine.example.org', 'UTSI', '{}', 'PENDING', 0, NULL, NULL, NULL, NULL)`,
    );
    const { page, foreign } = await signedIn('supervisor.ine', '/correo');
    await loaded(page);
    const api = await stack.gqlAs<{ mailDeliveries: Array<{ recipient: string; subject: string; status: string }> }>(
      ineToken,
      `{ mailDeliveries { recipient subject status } }`,
    );
    expect(api.errors).toBeUndefined();
    const all = api.data!.mailDeliveries;
    expect(all).toHaveLength(3);
    const rows = page.getByTestId('mail-deliveries').locator('tbody tr');
    await rows.nth(2).waitFor();
    expect(await rows.locator('td:first-child').allInnerTexts()).toEqual(all.map((m) => m.recipient));
    const statuses = await rows.locator('td:nth-child(4)').allInnerTexts();
    expect([...statuses].sort()).toEqual(['Enviado', 'Falló — 550 buzón inexistente', 'Por enviar']);
    expect(await rows.filter({ hasText: 'Escalamiento: entregable 16' }).locator('td:nth-child(3)').innerText()).toBe(
      'Escalamiento',
    );
    await check(page, '23-correo');
    await page.getByLabel('Estado').selectOption('SENT');
    await page.waitForURL(/estado=SENT/);
    await page.getByTestId('mail-count').filter({ hasText: '1 correo.' }).waitFor();
    expect(await rows.locator('td:first-child').allInnerTexts()).toEqual(['responsable@iepcgro.example.org']);
    await page.getByLabel('Estado').selectOption('BOUNCED');
    await page.getByTestId('mail-count').filter({ hasText: 'No hay correos en estado «Rebotó».' }).waitFor();
    expect(foreign).toEqual([]);
  });

  it('an oficio read from a file offers its original: «Descargar original», its name and size, and the link downloads it', async () => {
    const { page, foreign } = await signedIn('supervisor.ine', `/oficios/${encodeURIComponent('INE/UTSI/1240/2024')}`);
    await loaded(page);
    const originals = page.getByTestId('originals');
    await originals.waitFor();
    const size = readFileSync(SEED).length;
    expect(await originals.innerText()).toContain('informe-seguimiento.txt');
    const link = originals.getByRole('link', { name: 'Descargar original' });
    const href = (await link.getAttribute('href'))!;
    expect(href).toMatch(/^\/files\/[0-9a-f]{64}$/);
    // With the session's cookie, as the browser follows the link.
    const bytes = await page.evaluate(async (url) => (await (await fetch(url)).arrayBuffer()).byteLength, href);
    expect(bytes).toBe(size);
    await check(page, '24-oficio-originales');
    expect(foreign).toEqual([]);
  });
});
