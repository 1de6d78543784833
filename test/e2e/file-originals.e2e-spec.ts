import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../apps/cli/src/main';
import type { Io } from '../../apps/cli/src/io';
import { linesDocx, linesPdf } from '../support/correspondence-files';
import { type TestStack, startTestStack } from '../support/test-stack';

/**
 * The originals (issue 16): a file sent through GraphQL (ingestFile) or the CLI is read, its
 * oficios recorded, and the file itself kept, content-addressed, with the oficios it yielded; it
 * downloads byte for byte from the oficio (GET /files/<sha256>, the same token or session), to
 * its OPLE's users and INE's only; the same file twice is recognised and nothing is written twice;
 * a file over 25 MiB is refused naming the field.
 */
const CORPUS = join(__dirname, '..', 'corpus');
const GRO_TEXT = readFileSync(join(CORPUS, 'gro-informe-incisos.txt'), 'utf8');
const MEX_TEXT = readFileSync(join(CORPUS, 'mex-fichas.txt'), 'utf8');
const MAX_FILE_BYTES = 25 * 1024 * 1024;

const INGEST_FILE = `mutation($input: IngestFileInput!) { ingestFile(input: $input) {
  created alreadyRecorded needsReview failed warnings
  oficios { number result targets }
  file { sha256 name size mediaType kind alreadyReceived firstSeenAt firstSeenBy ople pages downloadUrl }
} }`;
const SOURCE_FILES = `query($n: String!) { oficio(number: $n) {
  sourceFile { sha256 name downloadUrl }
  sourceFiles { sha256 name mediaType size downloadUrl }
} }`;

interface Report {
  created: number;
  alreadyRecorded: number;
  needsReview: number;
  failed: number;
  warnings: string[];
  oficios: Array<{ number: string | null; result: string; targets: string[] }>;
  file: {
    sha256: string;
    name: string;
    size: number;
    mediaType: string;
    kind: string;
    alreadyReceived: boolean;
    firstSeenAt: string;
    firstSeenBy: string;
    ople: string;
    pages: number | null;
    downloadUrl: string;
  };
}
interface Listed {
  sha256: string;
  name: string;
  mediaType: string;
  size: number;
  downloadUrl: string;
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const base64 = (bytes: Buffer) => bytes.toString('base64');

describe('originals kept and downloadable', () => {
  let stack: TestStack;
  let gateway: string;
  let groOperator: string;
  let groSupervisor: string;
  let mexOperator: string;
  let pdf: Buffer;
  let docx: Buffer;
  /** The first oficio the PDF recorded. */
  let oficio: string;

  const counts = async () => {
    const [row] = await stack.db.query(`SELECT
      (SELECT count(*) FROM events)::int AS events,
      (SELECT count(*) FROM source_files)::int AS files,
      (SELECT count(*) FROM source_file_oficios)::int AS links`);
    return row as { events: number; files: number; links: number };
  };
  const ingestFile = async (token: string, input: Record<string, unknown>) =>
    stack.gqlAs<{ ingestFile: Report }>(token, INGEST_FILE, { input: { dryRun: false, ...input } });
  const ingested = async (token: string, input: Record<string, unknown>) => {
    const answer = await ingestFile(token, input);
    expect(answer.errors).toBeUndefined();
    return answer.data!.ingestFile;
  };
  const download = async (path: string, headers: Record<string, string>) => {
    const response = await fetch(`${gateway}${path}`, { headers });
    return {
      status: response.status,
      headers: response.headers,
      bytes: Buffer.from(await response.arrayBuffer()),
    };
  };
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const sourceFiles = async (token: string, number: string) => {
    const answer = await stack.gqlAs<{ oficio: { sourceFile: Listed | null; sourceFiles: Listed[] } }>(
      token,
      SOURCE_FILES,
      { n: number },
    );
    expect(answer.errors).toBeUndefined();
    return answer.data!.oficio;
  };
  /** The settled event count: what an ingest set off (projections, escalations) has been written. */
  const settled = async () => {
    let previous = await counts();
    for (let i = 0; i < 50; i++) {
      await new Promise((r) => setTimeout(r, 200));
      const now = await counts();
      if (now.events === previous.events) return now;
      previous = now;
    }
    return previous;
  };

  beforeAll(async () => {
    stack = await startTestStack();
    gateway = stack.graphqlUrl.replace(/\/graphql$/, '');
    groOperator = stack.tokens.issue({ subject: 'operador@iepc-gro', role: 'OPERATOR', institution: 'GRO' });
    groSupervisor = stack.tokens.issue({ subject: 'comision@iepc-gro', role: 'SUPERVISOR', institution: 'GRO' });
    mexOperator = stack.tokens.issue({ subject: 'operador@ieem', role: 'OPERATOR', institution: 'MEX' });
    [pdf, docx] = await Promise.all([linesPdf(GRO_TEXT), linesDocx(GRO_TEXT)]);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('given a PDF of a corpus text sent by GRO’s operator, then its oficios are recorded and the original downloads from an oficio byte for byte', async () => {
    const report = await ingested(groOperator, {
      ople: 'GRO',
      fileName: 'Informe 010 – correspondencia.pdf',
      contentBase64: base64(pdf),
    });
    expect(report.created).toBeGreaterThan(3);
    expect(report.file).toMatchObject({
      sha256: sha256(pdf),
      name: 'Informe 010 – correspondencia.pdf',
      size: pdf.length,
      mediaType: 'application/pdf',
      kind: 'pdf',
      alreadyReceived: false,
      firstSeenBy: 'operador@iepc-gro',
      ople: 'GRO',
      downloadUrl: `/files/${sha256(pdf)}`,
    });
    expect(report.file.pages).toBeGreaterThan(0);
    const created = report.oficios.filter((o) => o.result === 'CREATED' && o.number);
    oficio = created[0].number!;
    // Every oficio recorded from it names the file.
    for (const o of created) {
      const listed = await sourceFiles(groSupervisor, o.number!);
      expect(listed.sourceFile).toMatchObject({ sha256: sha256(pdf), downloadUrl: `/files/${sha256(pdf)}` });
    }
    const { sourceFile } = await sourceFiles(groSupervisor, oficio);
    const got = await download(sourceFile!.downloadUrl, bearer(groSupervisor));
    expect(got.status).toBe(200);
    expect(got.bytes.equals(pdf)).toBe(true);
    expect(got.headers.get('content-type')).toBe('application/pdf');
    expect(got.headers.get('content-disposition')).toBe(
      `attachment; filename="Informe 010 _ correspondencia.pdf"; filename*=UTF-8''Informe%20010%20%E2%80%93%20correspondencia.pdf`,
    );
  });

  it('given the same PDF again, under another name, then it is recognised and nothing is recorded or kept twice', async () => {
    const before = await settled();
    const again = await ingested(stack.adminToken, { ople: 'GRO', fileName: 'copia.pdf', contentBase64: base64(pdf) });
    expect(again.file).toMatchObject({
      sha256: sha256(pdf),
      alreadyReceived: true,
      name: 'Informe 010 – correspondencia.pdf',
      firstSeenBy: 'operador@iepc-gro',
    });
    expect(again.warnings[0]).toMatch(
      /archivo ya recibido el \d+ de \w+ de \d{4}, \d\d:\d\d \(tiempo del centro\) por operador@iepc-gro/,
    );
    expect(again.created).toBe(0);
    expect(again.alreadyRecorded).toBeGreaterThan(3);
    expect(await settled()).toEqual(before);
  });

  it('given the DOCX of the same text, then it is a second original, its oficios are not recorded again, and the oficio lists both files', async () => {
    const before = await settled();
    const report = await ingested(groOperator, {
      ople: 'GRO',
      fileName: 'informe-010.docx',
      contentBase64: base64(docx),
    });
    expect(report.file).toMatchObject({
      sha256: sha256(docx),
      alreadyReceived: false,
      mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      kind: 'docx',
    });
    expect(report.created).toBe(0);
    const after = await settled();
    expect(after.events).toBe(before.events);
    expect(after.files).toBe(before.files + 1);
    const listed = await sourceFiles(stack.adminToken, oficio);
    expect(listed.sourceFiles.map((f) => f.sha256)).toEqual([sha256(pdf), sha256(docx)]);
    expect(listed.sourceFile!.sha256).toBe(sha256(pdf));
    const got = await download(listed.sourceFiles[1].downloadUrl, bearer(stack.adminToken));
    expect(got.bytes.equals(docx)).toBe(true);
  });

  it('given users of the OPLE, of INE and of another OPLE, then only the first two get the file; the others a 404 like a file that does not exist', async () => {
    const path = `/files/${sha256(pdf)}`;
    const unknown = `/files/${'0'.repeat(64)}`;
    const bySession = await download(path, { cookie: `seguimiento_session=${groSupervisor}` });
    expect(bySession.status).toBe(200);
    expect(bySession.bytes.equals(pdf)).toBe(true);
    expect((await download(path, bearer(stack.adminToken))).bytes.equals(pdf)).toBe(true);

    const other = await download(path, bearer(mexOperator));
    const missing = await download(unknown, bearer(mexOperator));
    expect(other.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(other.bytes.toString()).toBe(missing.bytes.toString());
    expect(other.bytes.includes(pdf.subarray(0, 8))).toBe(false);
    const otherSession = await download(path, { cookie: `seguimiento_session=${mexOperator}` });
    expect(otherSession.status).toBe(404);

    const anonymous = await download(path, {});
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toBe('Bearer');
    const forged = await download(path, bearer(`${groSupervisor}x`));
    expect(forged.status).toBe(401);
    // A GRO user may not send a file for MEX either.
    const answer = await ingestFile(groOperator, { ople: 'MEX', fileName: 'x.pdf', contentBase64: base64(pdf) });
    expect(answer.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('given a file over 25 MiB, then it is refused naming contentBase64, and nothing is written', async () => {
    const before = await settled();
    const big = Buffer.alloc(MAX_FILE_BYTES + 1, 'a');
    const answer = await ingestFile(groOperator, { ople: 'GRO', fileName: 'enorme.txt', contentBase64: base64(big) });
    expect(answer.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'contentBase64' });
    expect(answer.errors?.[0].message).toBe(
      `contentBase64: el archivo pesa ${MAX_FILE_BYTES + 1} bytes; el máximo es 25 MiB (${MAX_FILE_BYTES} bytes)`,
    );
    expect(await counts()).toEqual(before);
  });

  it('given a body past the upload limit, or a large body that is not a sole ingestFile, then 413 before anything runs', async () => {
    const post = (body: string, token: string) =>
      fetch(stack.graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...bearer(token) },
        body,
      });
    const huge = JSON.stringify({
      query: INGEST_FILE,
      variables: { input: { ople: 'GRO', fileName: 'x.txt', dryRun: true, contentBase64: 'QUJD'.repeat(9_000_000) } },
    });
    const past = await post(huge, groOperator);
    expect(past.status).toBe(413);
    expect((await past.json()).errors[0].extensions.code).toBe('BAD_REQUEST');
    const text = 'x'.repeat(2 * 1024 * 1024);
    const notAnUpload = await post(
      JSON.stringify({
        query: 'mutation($t: String!) { ingestCorrespondence(text: $t, ople: "GRO") { created } }',
        variables: { t: text },
      }),
      groOperator,
    );
    expect(notAnUpload.status).toBe(413);
    // A reader may not send large bodies at all: the ordinary limit applies before any resolver.
    const reader = await post(
      JSON.stringify({
        query: INGEST_FILE,
        variables: { input: { ople: 'GRO', fileName: 'x.txt', contentBase64: 'QUJD'.repeat(400_000) } },
      }),
      groSupervisor,
    );
    expect(reader.status).toBe(413);
  });

  it('given the CLI, then ingest FILE keeps the original and files get downloads it by oficio and by SHA-256', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'seguimiento-originals-'));
    const file = join(folder, 'fichas-mex.docx');
    const bytes = await linesDocx(MEX_TEXT);
    writeFileSync(file, bytes);
    const env = { url: process.env.SEGUIMIENTO_URL, token: process.env.SEGUIMIENTO_TOKEN };
    process.env.SEGUIMIENTO_URL = stack.graphqlUrl;
    process.env.SEGUIMIENTO_TOKEN = mexOperator;
    const out: string[] = [];
    const err: string[] = [];
    const io: Io = {
      out: (line) => out.push(line),
      err: (line) => err.push(line),
      writeFile: (path, content) => writeFileSync(path, content),
    };
    try {
      const code = await main(['ingest', file, '--ople', 'MEX'], io);
      expect([0, 1]).toContain(code);
      expect(err.join('\n')).toContain(
        `original guardado: fichas-mex.docx, ${bytes.length} bytes (descargar: seguimiento files get ${sha256(bytes)})`,
      );
      const [kept] = await stack.db.query('SELECT ople, first_seen_by FROM source_files WHERE sha256 = $1', [
        sha256(bytes),
      ]);
      expect(kept).toEqual({ ople: 'MEX', first_seen_by: 'operador@ieem' });

      const [linked] = await stack.db.query(
        'SELECT oficio_number FROM source_file_oficios WHERE sha256 = $1 ORDER BY oficio_number LIMIT 1',
        [sha256(bytes)],
      );
      expect(linked).toBeDefined();
      const byOficio = join(folder, 'por-oficio.docx');
      expect(await main(['files', 'get', linked.oficio_number, '-o', byOficio], io)).toBe(0);
      expect(readFileSync(byOficio).equals(bytes)).toBe(true);
      const bySha = join(folder, 'por-sha.docx');
      expect(await main(['files', 'get', sha256(bytes), '-o', bySha], io)).toBe(0);
      expect(readFileSync(bySha).equals(bytes)).toBe(true);
      // GRO's PDF is not MEX's: the CLI says so, exit 2.
      expect(await main(['files', 'get', sha256(pdf), '-o', join(folder, 'ajeno.pdf')], io)).toBe(2);
      expect(err.at(-1)).toMatch(/no existe ese archivo, o su usuario no puede verlo/);
    } finally {
      process.env.SEGUIMIENTO_URL = env.url;
      process.env.SEGUIMIENTO_TOKEN = env.token;
      if (env.url === undefined) delete process.env.SEGUIMIENTO_URL;
      if (env.token === undefined) delete process.env.SEGUIMIENTO_TOKEN;
    }
  });
});
