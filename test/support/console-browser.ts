/// <reference lib="dom" />
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';

/** Where the console tests leave each page's screenshot (gitignored). */
export const ARTIFACTS = join(__dirname, '..', 'artifacts', 'console');

/** Builds the console (dist/web) if it is missing or older than its sources, as npm start and npm test do. */
export function ensureConsoleBuilt(): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const bootstrap = require('../../infra/scripts/bootstrap.js') as { webIsStale(): boolean; buildWeb(): boolean };
  if (bootstrap.webIsStale() && !bootstrap.buildWeb()) throw new Error('the console’s build failed (see above)');
}

/**
 * A browser context on the console as one user, in Mexico City's time zone and Spanish: with a
 * bearer token put in sessionStorage before any page script runs (what an API client with a token
 * does), or none (the sign-in page). Every request that does not go to the gateway is recorded in
 * `foreign` and refused: the console must work on a closed network.
 */
export async function consoleContext(
  browser: Browser,
  origin: string,
  token: string | null,
): Promise<{ context: BrowserContext; page: Page; foreign: string[]; errors: string[] }> {
  const context = await browser.newContext({
    locale: 'es-MX',
    timezoneId: 'America/Mexico_City',
    viewport: { width: 1440, height: 900 },
  });
  if (token) await context.addInitScript((t) => sessionStorage.setItem('seguimiento.token', t), token);
  const foreign: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    foreign.push(url);
    return route.abort();
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return { context, page, foreign, errors };
}

/**
 * Saves the page's screenshot as an artifact and checks it is not blank: drawn into a canvas in
 * the page, it must have many colours and a good share of pixels that are not the background.
 */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const png = await page.screenshot({ fullPage: true });
  const path = join(ARTIFACTS, `${name}.png`);
  writeFileSync(path, png);
  const { colours, inked } = await page.evaluate(
    async (dataUrl) => {
      const image = new Image();
      image.src = dataUrl;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = Math.min(image.width, 1440);
      canvas.height = Math.min(image.height, 2000);
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0);
      const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
      const seen = new Set<number>();
      let notWhite = 0;
      for (let i = 0; i < data.length; i += 4 * 7) {
        seen.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
        if (data[i] < 240 || data[i + 1] < 240 || data[i + 2] < 240) notWhite += 1;
      }
      return { colours: seen.size, inked: notWhite / (data.length / (4 * 7)) };
    },
    `data:image/png;base64,${png.toString('base64')}`,
  );
  if (colours < 20 || inked < 0.02)
    throw new Error(`the screenshot ${name}.png looks blank (${colours} colours, ${(inked * 100).toFixed(1)}% inked)`);
  return path;
}

const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's serious and critical violations of WCAG 2.0/2.1 A and AA on the page, as `rule: target…` lines. */
export async function accessibilityProblems(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol: the page's CSP (script-src 'self') does not apply to it.
  await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            context: unknown,
            options: unknown,
          ): Promise<{
            violations: Array<{ id: string; impact: string; help: string; nodes: Array<{ target: string[] }> }>;
          }>;
        };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    }));
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.targets.join(' | ')}`);
}
