/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core';
import { localDateOf } from '@seguimiento/domain';
import { launchChromium } from '../support/browser';
import { type TestStack, startTestStack } from '../support/test-stack';

/**
 * The explorer at /graphql, in headless Chromium on a closed network: the page and all it loads
 * come from the gateway itself; a supervisor pastes a token, types a query and runs it.
 */
describe('the GraphQL explorer', () => {
  let stack: TestStack;
  let browser: Browser;
  let page: Page;
  const requested: string[] = [];
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    stack = await startTestStack();
    const submitted = await stack.gql(
      `mutation($input: SubmitDocumentInput!) { submitDocument(input: $input) { document { id } } }`,
      {
        input: {
          ople: 'MEX',
          deliverable: 16,
          versionKind: 'PROYECTO',
          oficioNumber: 'IEEM/SE/3001/2024',
          submittedOn: localDateOf(new Date()),
        },
      },
    );
    expect(submitted.errors).toBeUndefined();
    browser = await launchChromium();
    page = await browser.newPage();
    // Anything not served by the gateway under test is recorded and refused.
    const origin = new URL(stack.graphqlUrl).origin;
    await page.route('**/*', (route) => {
      const url = route.request().url();
      requested.push(url);
      return url.startsWith(origin) ? route.continue() : route.abort();
    });
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  /** Replaces the query editor's text as if typed, then runs it with the toolbar's button. */
  async function run(query: string): Promise<string> {
    await page.locator('.graphiql-query-editor .CodeMirror').first().click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText(query);
    const before = await responseText();
    await page.locator('.graphiql-execute-button').click();
    await page.waitForFunction(
      (previous) => {
        const text = document.querySelector('.graphiql-response .CodeMirror')?.textContent ?? '';
        // An answer is GraphQL's JSON ("data" or "errors"); while GraphiQL reloads (after a new token) the pane holds
        // only a zero-width space and its line numbers.
        return /"(data|errors)"/.test(text) && text !== previous;
      },
      before,
      { timeout: 15_000 },
    );
    return responseText();
  }
  const responseText = () => page.locator('.graphiql-response .CodeMirror').first().innerText();

  it('serves GraphiQL from the gateway, and nothing from elsewhere', async () => {
    const response = await page.goto(stack.graphqlUrl);
    expect(response!.status()).toBe(200);
    expect(response!.headers()['content-type']).toMatch(/text\/html/);
    await page.locator('.graphiql-query-editor .CodeMirror').first().waitFor({ timeout: 15_000 });
    expect(await page.title()).toBe('seguimiento — explorador GraphQL');
    const origin = new URL(stack.graphqlUrl).origin;
    expect(requested.filter((url) => !url.startsWith(origin))).toEqual([]);
    expect(requested.some((url) => url.endsWith('/graphql-explorer/graphiql.js'))).toBe(true);
  });

  it('refuses a query without a token', async () => {
    expect(await run('{ documents { totalCount } }')).toContain('UNAUTHENTICATED');
    // The browser logs each refusal (401): those, and only those, were expected so far.
    expect(consoleErrors.length).toBeGreaterThan(0);
    expect(consoleErrors.filter((e) => !e.includes('status of 401'))).toEqual([]);
    consoleErrors.length = 0;
  });

  it('runs a real query with the token the supervisor pastes', async () => {
    const token = stack.tokens.issue({ subject: 'supervisora@ine', role: 'SUPERVISOR', institution: 'INE' });
    await page.locator('#token').fill(token);
    await page.locator('#token-apply').click();
    await page.locator('#token-status').filter({ hasText: 'token cargado' }).waitFor();
    const answer = await run(
      '{ documents(filter: { ople: "MEX" }) { totalCount edges { node { id status ballInCourt } } } }',
    );
    expect(answer).toContain('"totalCount": 1');
    expect(answer).toContain('"id": "document:MEX:e16-proyecto"');
    expect(answer).toContain('"ballInCourt": "INE"');
    expect(answer).not.toContain('UNAUTHENTICATED');
  });

  it('keeps the token across a reload, and the schema is there for autocompletion and docs', async () => {
    await page.reload();
    await page.locator('#token-status').filter({ hasText: 'token cargado' }).waitFor();
    await page.locator('.graphiql-query-editor .CodeMirror').first().waitFor();
    await page.getByRole('button', { name: /documentation explorer/i }).click();
    await page.getByText('Query', { exact: true }).first().waitFor({ timeout: 15_000 });
    expect(await run('{ dashboard { byBallInCourt { key count } } }')).toContain('"key": "INE"');
    expect(consoleErrors).toEqual([]);
  });

  it('serves only its own assets', async () => {
    const origin = new URL(stack.graphqlUrl).origin;
    expect((await fetch(`${origin}/graphql-explorer/graphiql.css`)).headers.get('content-type')).toMatch(/text\/css/);
    expect((await fetch(`${origin}/graphql-explorer/..%2Fpackage.json`)).status).toBe(404);
    expect((await fetch(`${origin}/graphql-explorer/nope.js`)).status).toBe(404);
  });
});
