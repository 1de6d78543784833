import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parseCorrespondence } from '@seguimiento/intake';
import { freePort } from '@seguimiento/infra/ports';
import { type TestStack, startTestStack } from '../support/test-stack';

/**
 * The seed's correspondence pasted in (ingestCorrespondence, and the `seguimiento` CLI), the state
 * it leaves, the commission's report generated from it, and that report read back in.
 */
const SEED = join(__dirname, '../../libs/intake/src/testing/seed-report.txt');
const CLI = join(__dirname, '../../apps/cli/bin/seguimiento.js');
const INGEST = `mutation($text: String!, $dryRun: Boolean!) { ingestCorrespondence(text: $text, ople: "GRO", dryRun: $dryRun) {
  created alreadyRecorded needsReview failed
  oficios { number result targets message reviewReasons assumptions }
} }`;

interface Ingested {
  number: string;
  result: string;
  targets: string[];
  message: string | null;
  reviewReasons: string[];
  assumptions: string[];
}
interface IngestReport {
  created: number;
  alreadyRecorded: number;
  needsReview: number;
  failed: number;
  oficios: Ingested[];
}

/** The fields the round trip must keep, for comparison. */
const essence = (text: string) =>
  parseCorrespondence(text).oficios.map((o) => ({
    number: o.number,
    date: o.date,
    kind: o.kind,
    outcome: o.outcome,
    additionalObservations: o.additionalObservations,
    references: o.references,
    deadline: o.deadline,
    deliverable: o.deliverable,
    items: o.items.map((i) => ({ deliverable: i.deliverable, dueDate: i.dueDate })),
    meeting: o.meeting?.at ?? null,
  }));

describe('intake of the seed, and the commission’s report', () => {
  let stack: TestStack;
  const seed = readFileSync(SEED, 'utf8');
  const eventCount = async () => Number((await stack.db.query('SELECT count(*) AS n FROM events'))[0].n);
  const ingest = async (dryRun: boolean) => {
    const answer = await stack.gql<{ ingestCorrespondence: IngestReport }>(INGEST, { text: seed, dryRun });
    expect(answer.errors).toBeUndefined();
    return answer.data!.ingestCorrespondence;
  };
  const cli = async (args: string[], env: Record<string, string> = {}) => {
    try {
      const { stdout, stderr } = await promisify(execFile)(process.execPath, [CLI, ...args], {
        env: { ...process.env, SEGUIMIENTO_URL: stack.graphqlUrl, SEGUIMIENTO_TOKEN: stack.adminToken, ...env },
        maxBuffer: 20 * 1024 * 1024,
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  };

  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('a dry run reads the 17 oficios and writes nothing', async () => {
    const before = await eventCount();
    const report = await ingest(true);
    expect(report.oficios).toHaveLength(17);
    expect(report.oficios.filter((o) => o.result === 'PLANNED')).toHaveLength(16);
    expect(report.oficios.find((o) => o.number === 'INE/UTSI/1312/2024')).toMatchObject({
      result: 'NEEDS_REVIEW',
      reviewReasons: [expect.stringMatching(/no se puede asociar a un documento/)],
    });
    expect(await eventCount()).toBe(before);
  });

  it('records the seed into an empty system, leaving the state the guide describes', async () => {
    const report = await ingest(false);
    expect(report).toMatchObject({ created: 16, alreadyRecorded: 0, needsReview: 1, failed: 0 });
    const by = (n: string) => report.oficios.find((o) => o.number === `INE/UTSI/${n}/2024`)!;
    expect(by('1121').targets).toEqual(['document:GRO:e11-proyecto']);
    expect(by('1123')).toMatchObject({
      targets: ['document:GRO:e14-proyecto'],
      assumptions: [expect.stringMatching(/se supone el proyecto del entregable 14/)],
    });
    expect(by('1581').targets).toEqual(['request:GRO:ine-utsi-1376-2024']);
    expect(by('1654').targets).toHaveLength(9);

    const doc = async (id: string) =>
      (
        await stack.gql<{ document: Record<string, unknown> }>(
          `query { document(id: "${id}") { status resolution ballInCourt openObservations } }`,
        )
      ).data!.document;
    expect(await doc('document:GRO:e15-proyecto')).toMatchObject({ status: 'RESOLVED', openObservations: 0 });
    expect(await doc('document:GRO:e15-final')).toMatchObject({ status: 'RESOLVED', resolution: 'ACCEPTED' });
    expect(await doc('document:GRO:e11-proyecto')).toMatchObject({ status: 'OBSERVED', ballInCourt: 'OPLE' });
    expect(await doc('document:GRO:e14-proyecto')).toMatchObject({ status: 'OBSERVED', ballInCourt: 'OPLE' });
    expect(await doc('document:GRO:e16-proyecto')).toMatchObject({ status: 'OBSERVED', ballInCourt: 'OPLE' });

    const request = (
      await stack.gql<{ request: Record<string, unknown> }>(
        `query { request(id: "request:GRO:ine-utsi-1221-2024") { status overdue deadline { dueDate dueAt } } }`,
      )
    ).data!.request;
    expect(request).toEqual({
      status: 'OPEN',
      overdue: true,
      deadline: { dueDate: '2024-03-04', dueAt: '2024-03-05T06:00:00.000Z' },
    });
    // 1376 and 1377 say "numeral 33, documento 34": entregable 34, as they say; 1581 and 1583 close them.
    const closed = await stack.gql<{
      a: { status: string; deliverable: number };
      b: { status: string; deliverable: number };
    }>(
      `query { a: request(id: "request:GRO:ine-utsi-1376-2024") { status deliverable } b: request(id: "request:GRO:ine-utsi-1377-2024") { status deliverable } }`,
    );
    expect(closed.data).toEqual({
      a: { status: 'FULFILLED', deliverable: 34 },
      b: { status: 'FULFILLED', deliverable: 34 },
    });

    const expected = await stack.gql<{ obligations: Array<{ id: string; dueDate: string; sourceOficio: string }> }>(
      `query { obligations(ople: "GRO") { id dueDate sourceOficio } }`,
    );
    const fromReminder = expected
      .data!.obligations.filter((o) => o.sourceOficio === 'INE/UTSI/1654/2024')
      .map((o) => [o.id, o.dueDate]);
    expect(fromReminder.sort()).toEqual(
      [
        ['document:GRO:e3-final', '2024-04-05'],
        ['document:GRO:e16-final', '2024-04-07'],
        ['document:GRO:e17-final', '2024-04-07'],
        ['document:GRO:e18-final', '2024-04-07'],
        ['document:GRO:e19-final', '2024-04-07'],
        ['document:GRO:e20-final', '2024-04-07'],
        ['document:GRO:e21-final', '2024-04-12'],
        ['document:GRO:e22-final', '2024-04-14'],
        ['document:GRO:e23-final', '2024-04-22'],
      ].sort(),
    );
  });

  it('ingesting it again changes nothing', async () => {
    const before = await eventCount();
    const again = await ingest(false);
    expect(again).toMatchObject({ created: 0, alreadyRecorded: 16, needsReview: 1, failed: 0 });
    expect(await eventCount()).toBe(before);
  });

  it('writes the commission’s report, which reads back as the same oficios', async () => {
    const answer = await stack.gql<{ correspondenceReport: { content: string; fileName: string } }>(
      `query { correspondenceReport(ople: "GRO", from: "2024-02-18", to: "2024-03-21", format: MD) { fileName content } }`,
    );
    expect(answer.errors).toBeUndefined();
    const md = answer.data!.correspondenceReport.content;
    expect(answer.data!.correspondenceReport.fileName).toBe('informe-GRO-2024-02-18-2024-03-21.md');
    expect(md).toContain('CORRESPONDIENTE AL PERIODO DEL 18 DE FEBRERO AL 21 DE MARZO DE 2024.');
    expect(md).toMatch(/\n1\. 19 de febrero de 2024, oficio INE\/UTSI\/0923\/2024/);
    // 1312 waits for review: it keeps its place in the list, as it was read, and the annex says why.
    expect(md).toMatch(/\n17\. 20 de marzo de 2024, oficio INE\/UTSI\/1654\/2024/);
    expect(md).toContain('Solicitud INE/UTSI/1221/2024');
    expect(md).toMatch(/\n- INE\/UTSI\/1312\/2024 \(5 de marzo de 2024\): pendiente de revisión; no se puede asociar/);
    expect(essence(md).map((o) => o.number)).toEqual(essence(seed).map((o) => o.number));
    const recorded = essence(seed).filter((o) => o.number !== 'INE/UTSI/1312/2024');
    expect(essence(md).filter((o) => o.number !== 'INE/UTSI/1312/2024')).toEqual(recorded);
  });

  it('records the items of a reminder it could read and leaves the unknown one, and records a review of two entregables on each (rule 3)', async () => {
    const text = [
      'Correspondencia recibida del 10 al 30 de abril de 2024:',
      '1. 18 de abril de 2024, oficio INE/UTSI/1761/2024, mediante el cual remite diversas observaciones a los proyectos de acuerdo por los que se determina el número de actualizaciones por hora de los datos y de las bases de datos.',
      '2. 20 de abril de 2024, oficio INE/UTSI/1790/2024, mediante el cual se hace un atento recordatorio de los entregables correspondientes al mes de mayo, siendo los siguientes:',
      '• Informe del mes de abril sobre el avance en la implementación y operación del PREP (Con plazo máximo de remisión al 5 de mayo de 2024).',
      '• Versión final del Informe de evaluación de la ejecución de la prueba (Con plazo máximo de remisión al 10 de mayo de 2024).',
      '• Lineamientos de capacitación del personal de los centros de captura (Con plazo máximo de remisión al 12 de mayo de 2024).',
    ].join('\n');
    const answer = await stack.gql<{ ingestCorrespondence: IngestReport }>(
      INGEST.replace('ople: "GRO"', 'ople: "MEX"'),
      { text, dryRun: false },
    );
    expect(answer.errors).toBeUndefined();
    const report = answer.data!.ingestCorrespondence;
    expect(report).toMatchObject({ created: 2, needsReview: 0, failed: 0 });
    const [review, reminder] = report.oficios;
    expect(review).toMatchObject({
      number: 'INE/UTSI/1761/2024',
      result: 'CREATED',
      targets: ['document:MEX:e18-proyecto', 'document:MEX:e19-proyecto'],
    });
    expect(reminder).toMatchObject({ number: 'INE/UTSI/1790/2024', result: 'CREATED' });
    expect([...reminder.targets].sort()).toEqual(['document:MEX:e23-final', 'document:MEX:e3-final']);
    expect(reminder.assumptions).toEqual([
      expect.stringMatching(
        /^queda para revisión «Lineamientos de capacitación del personal de los centros de captura»: no se reconoce el entregable/,
      ),
    ]);

    // The CLI says which item waits, and that something needs a person (exit 1).
    const dir = mkdtempSync(join(tmpdir(), 'seguimiento-partial-'));
    try {
      const file = join(dir, 'abril.txt');
      writeFileSync(file, text);
      const dry = await cli(['ingest', file, '--dry-run', '--ople', 'MEX']);
      expect(dry.code).toBe(1);
      expect(dry.stdout).toMatch(
        /INE\/UTSI\/1790\/2024[\s\S]*?revisar: queda para revisión «Lineamientos de capacitación/,
      );
      expect(dry.stdout).toContain('1 elemento de recordatorio queda para revisión');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the CLI: --dry-run --json needs no server and prints the 12 fields of each oficio', async () => {
    const { code, stdout } = await cli(['ingest', SEED, '--dry-run', '--json'], {
      SEGUIMIENTO_URL: `http://127.0.0.1:${await freePort()}/graphql`,
    });
    expect(code).toBe(1); // 1312 would need a person, as in the real ingest
    const oficios = JSON.parse(stdout) as Array<Record<string, unknown>>;
    expect(oficios).toHaveLength(17);
    for (const o of oficios) {
      expect(Object.keys(o)).toEqual([
        'number',
        'date',
        'kind',
        'outcome',
        'additionalObservations',
        'references',
        'deadline',
        'deliverable',
        'items',
        'meeting',
        'confidence',
        'needsReview',
      ]);
    }
    expect(oficios[4]).toMatchObject({ number: 'INE/UTSI/1221/2024', kind: 'REQUEST', deadline: '2024-03-04' });
    expect(oficios.filter((o) => o.needsReview).map((o) => o.number)).toEqual(['INE/UTSI/1312/2024']);
  });

  it('the CLI: ingest, status as of a past day, and the report as PDF', async () => {
    const ingested = await cli(['ingest', SEED, '--ople', 'GRO']);
    expect(ingested.code).toBe(1); // 1312 needs a person
    expect(ingested.stdout).toMatch(/resumen: 0 registrados, 16 ya estaban, 1 para revisión, 0 rechazados/);
    expect(ingested.stdout).toMatch(/INE\/UTSI\/1312\/2024[\s\S]*?REVISAR\n\s+motivo: no se puede asociar/);
    expect(ingested.stdout).toMatch(/REVISAR\n\s+motivo: [^\n]+\n\s+en la cola de revisión: review:GRO:[0-9a-f]+ /);

    const status = await cli(['status', '--ople', 'GRO', '--as-of', '2024-04-08']);
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(/GRO, al 2024-04-08/);
    // Titles a person reads first, then the facts, then the id.
    expect(status.stdout).toMatch(/\n {6}a más tardar 2024-03-04 · VENCIDA {3}\(request:GRO:ine-utsi-1221-2024\)/);
    expect(status.stdout).toMatch(
      /\n {4}Entregable 16, versión final — [^\n]*Plan de Seguridad[^\n]*\n {6}esperado \(aún no remitido\) · la pelota: OPLE · plazo 2024-04-07 · VENCIDO {3}\(document:GRO:e16-final\)/,
    );
    expect(status.stdout).not.toMatch(/EXPECTED|UNDER_REVIEW|OBSERVED/);

    const dir = mkdtempSync(join(tmpdir(), 'seguimiento-report-'));
    try {
      const out = join(dir, 'informe.pdf');
      const pdf = await cli([
        'report',
        '--ople',
        'GRO',
        '--from',
        '2024-02-18',
        '--to',
        '2024-03-21',
        '--format',
        'pdf',
        '--out',
        out,
      ]);
      expect(pdf.code).toBe(0);
      expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each<[string, string[], number, RegExp]>([
    ['no command', [], 2, /uso: seguimiento/],
    ['an unknown command', ['export'], 2, /comando desconocido "export"/],
    ['ingest without a file', ['ingest'], 2, /falta FILE/],
    [
      'a file that does not exist',
      ['ingest', '/nonexistent/seed.txt', '--dry-run'],
      2,
      /no se puede leer \/nonexistent\/seed.txt: no existe/,
    ],
    ['an unknown option', ['ingest', SEED, '--dry'], 2, /opción desconocida: --dry/],
    ['an unknown OPLE', ['status', '--ople', 'XXX'], 2, /--ople: "XXX" no es un OPLE conocido/],
    [
      'an impossible date',
      ['report', '--ople', 'GRO', '--from', '2024-02-30', '--to', '2024-03-01'],
      2,
      /--from: "2024-02-30" no es una fecha válida/,
    ],
    [
      'a bad format',
      ['report', '--ople', 'GRO', '--from', '2024-02-01', '--to', '2024-03-01', '--format', 'docx'],
      2,
      /--format: "docx" no es md, txt ni pdf/,
    ],
  ])('the CLI refuses %s, with exit code 2 and the reason', async (_what, args, code, message) => {
    const result = await cli(args);
    expect(result.code).toBe(code);
    expect(result.stderr + result.stdout).toMatch(message);
  });

  it('the CLI says so when the server cannot be reached (exit 3)', async () => {
    const port = await freePort();
    const result = await cli(['status'], { SEGUIMIENTO_URL: `http://127.0.0.1:${port}/graphql` });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain(`no se pudo hablar con http://127.0.0.1:${port}/graphql (ECONNREFUSED)`);
  });
});
