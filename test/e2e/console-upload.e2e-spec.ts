/// <reference lib="dom" />
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { type UsersInput, users } from '../../apps/cli/src/commands/users';
import { EXIT } from '../../apps/cli/src/usage';
import { launchChromium } from '../support/browser';
import { accessibilityProblems, consoleContext, ensureConsoleBuilt, screenshot } from '../support/console-browser';
import { type RegisterEntry, linesPdf, registerXlsx } from '../support/correspondence-files';
import { type TestStack, startTestStack } from '../support/test-stack';

/**
 * «Subir archivo» on /registrar (issues 16 and 17) in headless Chromium, signed in through the real
 * form as GRO's operator: a file too large or of another type is refused in the page before
 * anything is sent, a damaged PDF by the API, beside the picker; a PDF chosen by keyboard is read
 * (dryRun), one oficio is skipped, the rest recorded — the API then knows exactly the kept ones —,
 * each recorded oficio links to its page, whose «Descargar original» gives the file back; the same
 * PDF again says «archivo ya recibido»; a spreadsheet shows how its columns were mapped. axe-core
 * on every state; screenshots in test/artifacts/console/.
 */
const CORPUS = join(__dirname, '..', 'corpus');
const GRO_TEXT = readFileSync(join(CORPUS, 'gro-informe-incisos.txt'), 'utf8');
/** A notice of the corpus text that no other oficio cites: left out, it must leave no trace. */
const SKIPPED = 'INE/UTSI/1930/2024';
const PASSWORD = 'clave-operador-gro-2024';
const PDF_MIME = 'application/pdf';
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const ENTRIES: RegisterEntry[] = [
  {
    date: '19 de febrero de 2024',
    isoDate: '2024-02-19',
    number: 'INE/UTSI/0923/2024',
    subject:
      'mediante el cual remite la actualización del “Manual del manejo de inconsistencias de las Actas PREP”, que establece la manera en la que se tratarán las inconsistencias de las Actas PREP.',
  },
  {
    date: '23 de febrero de 2024',
    isoDate: '2024-02-23',
    number: 'INE/UTSI/1123/2024',
    subject:
      'mediante el cual informa que se tienen por atendidas de manera parcial las observaciones remitidas mediante oficio INE/UTSI/0797/2024 de la designación del ente auditor y no se generan adicionales.',
  },
];

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('console: uploading a file on «Registrar correspondencia»', () => {
  let stack: TestStack;
  let browser: Browser;
  let origin: string;
  let ineToken: string;
  let pdf: Buffer;
  let xlsx: Buffer;
  let page: Page;
  let foreign: string[];
  /** Every ingestFile the page sent (their bodies): the page's own checks must send none. */
  const sent: string[] = [];

  beforeAll(async () => {
    ensureConsoleBuilt();
    stack = await startTestStack();
    origin = new URL(stack.graphqlUrl).origin;
    [pdf, xlsx] = await Promise.all([linesPdf(GRO_TEXT), registerXlsx(ENTRIES)]);
    const err: string[] = [];
    const input: UsersInput = {
      env: { DATABASE_URL: stack.databaseUrl },
      interactive: false,
      stdin: async () => `${PASSWORD}\n`,
      askHidden: async () => {
        throw new Error('no terminal in tests');
      },
    };
    const code = await users(
      [
        'add',
        'operador.gro',
        '--role',
        'OPERATOR',
        '--ople',
        'GRO',
        '--name',
        'Persona operador.gro',
        '--password-stdin',
      ],
      { out: () => undefined, err: (l: string) => err.push(l), writeFile: () => undefined },
      input,
    );
    expect({ code, err }).toEqual({ code: EXIT.OK, err: [] });
    ineToken = stack.tokens.issue({ subject: 'supervisor.ine', role: 'SUPERVISOR', institution: 'INE' });
    browser = await launchChromium();
    const opened = await consoleContext(browser, origin, null);
    ({ page, foreign } = opened);
    page.on('request', (request) => {
      const body = request.postData() ?? '';
      if (body.includes('ingestFile')) sent.push(body);
    });
    await page.goto(`${origin}/registrar`);
    await page.getByRole('heading', { name: 'Ingresar' }).waitFor();
    await page.getByLabel('Usuario').fill('operador.gro');
    await page.getByLabel('Contraseña').fill(PASSWORD);
    await page.getByRole('button', { name: 'Ingresar' }).click();
    await page.getByRole('heading', { name: 'Registrar correspondencia', level: 1 }).waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  async function check(name: string) {
    await screenshot(page, name);
    expect(await accessibilityProblems(page)).toEqual([]);
  }
  const picker = () => page.getByLabel('Subir archivo');
  const fileError = () => page.locator('#rec-file-error');
  const counts = async () => {
    const [row] = await stack.db.query(`SELECT
      (SELECT count(*) FROM source_files)::int AS files,
      (SELECT count(*) FROM events WHERE stream_id NOT LIKE 'user:%')::int AS events`);
    return row as { files: number; events: number };
  };
  const oficio = async (number: string) => {
    const answer = await stack.gqlAs<{
      oficio: { entries: Array<{ streamId: string }>; sourceFiles: Array<{ sha256: string; name: string }> };
    }>(ineToken, `query($n: String!) { oficio(number: $n) { entries { streamId } sourceFiles { sha256 name } } }`, {
      n: number,
    });
    // An oficio nobody recorded is NOT_FOUND (naming the number): null here.
    if (answer.errors?.[0]?.extensions?.code === 'NOT_FOUND') return null;
    expect(answer.errors).toBeUndefined();
    return answer.data!.oficio;
  };
  const rows = () => page.getByTestId('reading').locator('tbody tr');
  /** Each row's oficio number and whether it is flagged for review. */
  const readRows = () =>
    rows().evaluateAll((trs) =>
      trs.map((tr) => ({
        number: tr.getAttribute('data-oficio') ?? '',
        flagged: tr.classList.contains('row-review'),
      })),
    );

  it('says beside the picker, before sending anything, a file too large or of another type; and the API’s refusal of a damaged PDF', async () => {
    const before = await counts();
    await check('25-registrar-archivo-inicio');
    const describedBy = async () => (await picker().getAttribute('aria-describedby'))?.split(' ') ?? [];

    // Made in the page (25 MiB through the DevTools protocol is slow on a loaded machine), given
    // to the input as the browser gives a chosen file.
    await picker().evaluate(
      (input: HTMLInputElement, size) => {
        const chosen = new DataTransfer();
        chosen.items.add(new File([new Uint8Array(size)], 'grande.pdf', { type: 'application/pdf' }));
        input.files = chosen.files;
        input.dispatchEvent(new Event('change', { bubbles: true }));
      },
      25 * 1024 * 1024 + 1,
    );
    await fileError().filter({ hasText: '«grande.pdf» pesa 25.1 MiB; el máximo es 25 MiB' }).waitFor();
    expect(await fileError().getAttribute('role')).toBe('alert');
    expect(await describedBy()).toContain('rec-file-error');
    expect(await picker().getAttribute('aria-invalid')).toBe('true');
    await page.getByRole('button', { name: 'Leer el archivo' }).click();
    await fileError().filter({ hasText: 'pesa 25.1 MiB' }).waitFor();

    await picker().setInputFiles({ name: 'foto.png', mimeType: 'image/png', buffer: Buffer.from('no es un oficio') });
    await fileError().filter({ hasText: 'no es de un tipo que se pueda leer: se aceptan PDF, DOCX' }).waitFor();
    await page.getByRole('button', { name: 'Leer el archivo' }).click();
    expect(sent).toEqual([]);

    // The page cannot tell a damaged PDF: the API does, and says why.
    await picker().setInputFiles({ name: 'dañado.pdf', mimeType: PDF_MIME, buffer: Buffer.from('%PDF-1.7\nbasura') });
    expect(await fileError().count()).toBe(0);
    await page.getByRole('button', { name: 'Leer el archivo' }).click();
    await fileError().filter({ hasText: 'No se pudo leer «dañado.pdf»:' }).waitFor();
    expect(await fileError().innerText()).toMatch(/PDF/);
    expect(await describedBy()).toContain('rec-file-error');
    expect(sent).toHaveLength(1);
    expect(await page.getByTestId('reading').count()).toBe(0);
    await check('26-registrar-archivo-error');
    expect(await counts()).toEqual(before);
  });

  it('by keyboard: a PDF chosen and read; one oficio skipped; exactly the kept ones recorded, each linked to its page', async () => {
    await page.goto(`${origin}/registrar`);
    await page.getByRole('heading', { name: 'Registrar correspondencia', level: 1 }).waitFor();
    const tabTo = async (test: () => boolean) => {
      for (let i = 0; i < 200; i += 1) {
        await page.keyboard.press('Tab');
        if (await page.evaluate(test)) return;
      }
      throw new Error('never reached by Tab');
    };
    await tabTo(() => document.activeElement?.id === 'rec-file');
    const chooser = page.waitForEvent('filechooser');
    await page.keyboard.press('Space');
    await (await chooser).setFiles({ name: 'Informe 010 – correspondencia.pdf', mimeType: PDF_MIME, buffer: pdf });
    await page.getByTestId('chosen-file').filter({ hasText: 'Informe 010 – correspondencia.pdf' }).waitFor();
    await tabTo(() => document.activeElement?.textContent === 'Leer el archivo');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Cómo se leyó el archivo' }).waitFor();
    expect(await page.getByTestId('file-facts').innerText()).toMatch(
      /^Informe 010 – correspondencia\.pdf: PDF, \d+ páginas?, [\d.]+ KiB\./,
    );

    const read = await readRows();
    expect(read.map((r) => r.number)).toContain(SKIPPED);
    expect(read.length).toBeGreaterThanOrEqual(7);
    // Skipped by keyboard too: Tab to its box, Space.
    await tabTo(() => document.activeElement?.getAttribute('aria-label') === 'Registrar el oficio INE/UTSI/1930/2024');
    await page.keyboard.press('Space');
    expect(await page.getByLabel(`Registrar el oficio ${SKIPPED}`).isChecked()).toBe(false);
    const kept = read.filter((r) => !r.flagged && r.number !== SKIPPED).map((r) => r.number);
    expect(kept.length).toBeGreaterThan(4);
    await page
      .getByTestId('reading-summary')
      .filter({ hasText: `Se registrarán ${kept.length}.` })
      .waitFor();
    await check('27-registrar-archivo-lectura');

    await page.getByRole('button', { name: `Registrar ${kept.length} oficios` }).click();
    await page.getByRole('heading', { name: 'Resultado del registro' }).waitFor();
    expect(await page.getByTestId('reading-summary').innerText()).toMatch(
      new RegExp(`^Oficios registrados ${kept.length}; .*omitidos 1\\.$`),
    );
    expect(await rows().filter({ hasText: SKIPPED }).getByTestId('row-result').innerText()).toMatch(
      /^Omitido por usted/,
    );
    await check('28-registrar-archivo-resultado');

    // Through the API: every kept oficio is recorded, read from this file; the skipped one left no trace.
    for (const number of kept) {
      const o = await oficio(number);
      expect({ number, recorded: (o?.entries.length ?? 0) > 0 }).toEqual({ number, recorded: true });
      expect(o!.sourceFiles.map((f) => f.sha256)).toEqual([sha256(pdf)]);
    }
    expect(await oficio(SKIPPED)).toBeNull();
    const [trace] = await stack.db.query(
      `SELECT (SELECT count(*) FROM events WHERE data::text LIKE $1)::int AS events,
              (SELECT count(*) FROM review_items WHERE oficio_number = $2)::int AS reviews`,
      [`%${SKIPPED}%`, SKIPPED],
    );
    expect(trace).toEqual({ events: 0, reviews: 0 });
    const [kept1] = await stack.db.query(`SELECT count(*)::int AS n FROM source_files WHERE sha256 = $1`, [
      sha256(pdf),
    ]);
    expect(kept1.n).toBe(1);

    // Each recorded oficio links to its page, where the original downloads.
    expect(await rows().filter({ hasText: SKIPPED }).getByRole('link', { name: SKIPPED }).count()).toBe(0);
    await rows().getByRole('link', { name: kept[0] }).click();
    await page.getByRole('heading', { name: `Oficio ${kept[0]}` }).waitFor();
    const link = page.getByTestId('originals').getByRole('link', { name: 'Descargar original' });
    const href = (await link.getAttribute('href'))!;
    expect(href).toBe(`/files/${sha256(pdf)}`);
    const bytes = await page.evaluate(async (url) => {
      const response = await fetch(url);
      return { status: response.status, size: (await response.arrayBuffer()).byteLength };
    }, href);
    expect(bytes).toEqual({ status: 200, size: pdf.length });
  });

  it('the same PDF again: the reading says «archivo ya recibido el … por …»', async () => {
    await page.goto(`${origin}/registrar`);
    await picker().setInputFiles({ name: 'otra-copia.pdf', mimeType: PDF_MIME, buffer: pdf });
    await page.getByRole('button', { name: 'Leer el archivo' }).click();
    const received = page.getByTestId('already-received');
    await received.waitFor();
    expect(await received.innerText()).toMatch(
      /^Informe 010 – correspondencia\.pdf: archivo ya recibido el \d+ de \w+ de \d{4}, \d\d:\d\d \(tiempo del centro\) por operador\.gro/,
    );
    await check('29-registrar-archivo-ya-recibido');
  });

  it('a spreadsheet: the reading shows how its columns were mapped, and its oficios are recorded', async () => {
    await page.goto(`${origin}/registrar`);
    await picker().setInputFiles({ name: 'control.xlsx', mimeType: XLSX_MIME, buffer: xlsx });
    await page.getByRole('button', { name: 'Leer el archivo' }).click();
    const columns = page.getByTestId('register-columns');
    await columns.waitFor();
    const mapping = await columns
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).innerText.split('\t')));
    expect(mapping).toEqual(
      expect.arrayContaining([
        ['fecha', 'Fecha del oficio'],
        ['número de oficio', 'No. de oficio'],
        ['asunto', 'Asunto'],
      ]),
    );
    expect(await page.getByTestId('file-facts').innerText()).toMatch(/^control\.xlsx: Hoja de cálculo \(XLSX\)/);
    expect((await readRows()).map((r) => r.number)).toEqual(ENTRIES.map((e) => e.number));
    await check('30-registrar-archivo-xlsx');
    await page.getByRole('button', { name: /^Registrar \d+ oficios?$/ }).click();
    await page.getByRole('heading', { name: 'Resultado del registro' }).waitFor();
    for (const e of ENTRIES) expect((await oficio(e.number))?.entries.length).toBeGreaterThan(0);
    expect(foreign).toEqual([]);
  });
});
