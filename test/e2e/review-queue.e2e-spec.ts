import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { type TestStack, startTestStack } from '../support/test-stack';
import { waitFor } from '../support/wait-for';

/**
 * The review queue (issue 15, rules 3, 5 and 6) through the public API, on the real servers:
 * the seed ingested leaves 1312 (the COTAPREP report acknowledged) in the queue with its reason;
 * the dashboard counts it; the commission's report lists it as pending; an operator resolves it
 * onto the entregable they choose (the oficio is recorded, the event carries the actor); a
 * second resolution is a CONFLICT; another item is dismissed; an OPLE's users see and touch only
 * their OPLE's queue. A review naming two entregables is recorded on each; a reminder with one
 * unknown item records the others and queues that one. Escalations found at import say so.
 */
const CLI = join(__dirname, '../../apps/cli/bin/seguimiento.js');
const SEED = readFileSync(join(__dirname, '../../libs/intake/src/testing/seed-report.txt'), 'utf8');
const MEX_TEXT = [
  'Correspondencia recibida del 10 al 30 de abril de 2024:',
  '1. 18 de abril de 2024, oficio INE/UTSI/1761/2024, mediante el cual remite diversas observaciones a los proyectos de acuerdo por los que se determina el número de actualizaciones por hora de los datos y de las bases de datos.',
  '2. 20 de abril de 2024, oficio INE/UTSI/1790/2024, mediante el cual se hace un atento recordatorio de los entregables correspondientes al mes de mayo, siendo los siguientes:',
  '• Informe del mes de abril sobre el avance en la implementación y operación del PREP (Con plazo máximo de remisión al 5 de mayo de 2024).',
  '• Lineamientos de capacitación del personal de los centros de captura (Con plazo máximo de remisión al 12 de mayo de 2024).',
].join('\n');

const INGEST = `mutation($text: String!, $ople: String!) { ingestCorrespondence(text: $text, ople: $ople, dryRun: false) {
  created needsReview failed oficios { number result targets reviewIds }
} }`;
const ITEM =
  'id ople oficioNumber oficioDate status reasons text span { start end } read queuedBy actor at resolution { target deliverable versionKind recordedOn note }';
const QUEUE = `query($ople: String, $status: ReviewStatus) { reviewQueue(ople: $ople, status: $status) { ${ITEM} } }`;
const RESOLVE = `mutation($input: ResolveReviewInput!) { resolveReview(input: $input) { ${ITEM} } }`;
const DISMISS = `mutation($input: DismissReviewInput!) { dismissReview(input: $input) { ${ITEM} } }`;
const REPORT = `query { correspondenceReport(ople: "GRO", from: "2024-02-18", to: "2024-03-21", format: MD) { content } }`;

interface Item {
  id: string;
  ople: string;
  oficioNumber: string | null;
  oficioDate: string | null;
  status: string;
  reasons: string[];
  text: string;
  span: { start: number; end: number };
  read: string;
  queuedBy: string;
  actor: string | null;
  at: string | null;
  resolution: {
    target: string;
    deliverable: number | null;
    versionKind: string | null;
    recordedOn: string[];
    note: string | null;
  } | null;
}
interface Ingested {
  created: number;
  needsReview: number;
  failed: number;
  oficios: Array<{ number: string; result: string; targets: string[]; reviewIds: string[] }>;
}

describe('the review queue (issue 15, rule 6)', () => {
  let stack: TestStack;
  let groOperator: string;
  let mexOperator: string;
  let mexSupervisor: string;
  let groIngest: Ingested;
  let mexIngest: Ingested;

  const as = async <T>(token: string, query: string, variables: Record<string, unknown> = {}) =>
    stack.gqlAs<T>(token, query, variables);
  const ok = async <T>(token: string, query: string, variables: Record<string, unknown> = {}): Promise<T> => {
    const answer = await as<T>(token, query, variables);
    expect(answer.errors).toBeUndefined();
    return answer.data!;
  };
  const codeOf = (answer: { errors?: Array<{ extensions?: { code?: unknown } }> }) =>
    answer.errors?.[0]?.extensions?.code;

  beforeAll(async () => {
    stack = await startTestStack();
    groOperator = stack.tokens.issue({ subject: 'operador.gro', role: 'OPERATOR', institution: 'GRO' });
    mexOperator = stack.tokens.issue({ subject: 'operador.mex', role: 'OPERATOR', institution: 'MEX' });
    mexSupervisor = stack.tokens.issue({ subject: 'comision.mex', role: 'SUPERVISOR', institution: 'MEX' });
    groIngest = (await ok<{ ingestCorrespondence: Ingested }>(stack.adminToken, INGEST, { text: SEED, ople: 'GRO' }))
      .ingestCorrespondence;
    mexIngest = (
      await ok<{ ingestCorrespondence: Ingested }>(stack.adminToken, INGEST, { text: MEX_TEXT, ople: 'MEX' })
    ).ingestCorrespondence;
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('stores 1312 with its text, span, reason and what was read, listed by the API and counted on the dashboard; a second ingest queues nothing new', async () => {
    expect(groIngest).toMatchObject({ created: 16, needsReview: 1, failed: 0 });
    const entry = groIngest.oficios.find((o) => o.number === 'INE/UTSI/1312/2024')!;
    expect(entry).toMatchObject({
      result: 'NEEDS_REVIEW',
      reviewIds: [expect.stringMatching(/^review:GRO:[0-9a-f]+$/)],
    });

    const { reviewQueue } = await ok<{ reviewQueue: Item[] }>(stack.adminToken, QUEUE, {
      ople: 'GRO',
      status: 'PENDING',
    });
    expect(reviewQueue.map((i) => i.oficioNumber)).toEqual(['INE/UTSI/1312/2024']);
    const [item] = reviewQueue;
    expect(item).toMatchObject({
      id: entry.reviewIds[0],
      ople: 'GRO',
      oficioDate: '2024-03-05',
      status: 'PENDING',
      reasons: [expect.stringMatching(/no se puede asociar a un documento/)],
      queuedBy: 'admin@ine',
      resolution: null,
    });
    expect(item.text).toBe(SEED.slice(item.span.start, item.span.end));
    expect(item.text).toMatch(/COTAPREP/);
    expect(JSON.parse(item.read)).toMatchObject({ number: 'INE/UTSI/1312/2024', kind: 'REVIEW', outcome: 'ACCEPTED' });

    const board = await ok<{ dashboard: { pendingReviewCount: number } }>(
      stack.adminToken,
      '{ dashboard(ople: "GRO") { pendingReviewCount } }',
    );
    expect(board.dashboard.pendingReviewCount).toBe(1);

    const before = Number(
      (await stack.db.query("SELECT count(*) AS n FROM events WHERE stream_id LIKE 'review:%'"))[0].n,
    );
    const again = (await ok<{ ingestCorrespondence: Ingested }>(stack.adminToken, INGEST, { text: SEED, ople: 'GRO' }))
      .ingestCorrespondence;
    expect(again.oficios.find((o) => o.number === 'INE/UTSI/1312/2024')!.reviewIds).toEqual(entry.reviewIds);
    expect(
      Number((await stack.db.query("SELECT count(*) AS n FROM events WHERE stream_id LIKE 'review:%'"))[0].n),
    ).toBe(before);
  });

  it('rule 3: a review naming entregables 18 and 19 is recorded on each; rule 5: only the reminder’s unknown item waits', async () => {
    const [review, reminder] = mexIngest.oficios;
    expect(review).toMatchObject({ number: 'INE/UTSI/1761/2024', result: 'CREATED', reviewIds: [] });
    expect(review.targets).toEqual(['document:MEX:e18-proyecto', 'document:MEX:e19-proyecto']);
    for (const id of review.targets) {
      const { document } = await ok<{ document: { status: string; rounds: Array<{ answeredBy: string | null }> } }>(
        stack.adminToken,
        `query($id: ID!) { document(id: $id) { status rounds { answeredBy } } }`,
        { id },
      );
      expect(document.status).toBe('OBSERVED');
      expect(document.rounds.map((r) => r.answeredBy)).toEqual(['INE/UTSI/1761/2024']);
    }
    expect(reminder).toMatchObject({
      number: 'INE/UTSI/1790/2024',
      result: 'CREATED',
      targets: ['document:MEX:e3-final'],
    });
    expect(reminder.reviewIds).toHaveLength(1);
    const { reviewQueue } = await ok<{ reviewQueue: Item[] }>(stack.adminToken, QUEUE, { ople: 'MEX' });
    expect(reviewQueue).toHaveLength(1);
    expect(reviewQueue[0]).toMatchObject({
      id: reminder.reviewIds[0],
      oficioNumber: 'INE/UTSI/1790/2024',
      reasons: [expect.stringMatching(/Lineamientos de capacitación.*no se reconoce el entregable/)],
    });
  });

  it('an OPLE’s users see and touch only their OPLE’s queue', async () => {
    const own = await ok<{ reviewQueue: Item[] }>(mexSupervisor, QUEUE, {});
    expect(own.reviewQueue.length).toBeGreaterThan(0);
    expect(own.reviewQueue.every((i) => i.ople === 'MEX')).toBe(true);
    expect(codeOf(await as(mexSupervisor, QUEUE, { ople: 'GRO' }))).toBe('FORBIDDEN');
    // An empty OPLE is no way around the fence; an unknown one is refused naming ople.
    const empty = await ok<{ reviewQueue: Item[] }>(mexSupervisor, QUEUE, { ople: '' });
    expect(empty.reviewQueue.map((i) => i.id)).toEqual(own.reviewQueue.map((i) => i.id));
    const unknown = await as(mexSupervisor, QUEUE, { ople: 'ZZZ' });
    expect(codeOf(unknown)).toBe('BAD_USER_INPUT');
    expect(unknown.errors![0].message).toMatch(/^ople: /);
    const gro = groIngest.oficios.find((o) => o.number === 'INE/UTSI/1312/2024')!.reviewIds[0];
    expect(codeOf(await as(mexSupervisor, `query($id: ID!) { reviewItem(id: $id) { id } }`, { id: gro }))).toBe(
      'FORBIDDEN',
    );
    expect(codeOf(await as(mexOperator, RESOLVE, { input: { id: gro, deliverable: 34 } }))).toBe('FORBIDDEN');
    expect(codeOf(await as(mexOperator, DISMISS, { input: { id: gro, reason: 'no es mío' } }))).toBe('FORBIDDEN');
    expect(codeOf(await as(mexSupervisor, DISMISS, { input: { id: own.reviewQueue[0].id, reason: 'x' } }))).toBe(
      'FORBIDDEN',
    );
  });

  it('the CLI lists the queue and shows an item; resolve without --entregable is a usage error', async () => {
    const cli = async (args: string[]) => {
      try {
        const { stdout } = await promisify(execFile)(process.execPath, [CLI, ...args], {
          env: { ...process.env, SEGUIMIENTO_URL: stack.graphqlUrl, SEGUIMIENTO_TOKEN: stack.adminToken },
        });
        return { code: 0, stdout, stderr: '' };
      } catch (error) {
        const e = error as { code: number; stdout: string; stderr: string };
        return { code: e.code, stdout: e.stdout, stderr: e.stderr };
      }
    };
    const id = groIngest.oficios.find((o) => o.number === 'INE/UTSI/1312/2024')!.reviewIds[0];
    const list = await cli(['review', 'list', '--ople', 'GRO']);
    expect(list.code).toBe(0);
    expect(list.stdout).toBe(
      `${id}\t2024-03-05\tINE/UTSI/1312/2024\tpendiente\tno se puede asociar a un documento: no cita oficios y no se reconoce un entregable del lineamiento 33\n`,
    );
    const show = await cli(['review', 'show', id]);
    expect(show.code).toBe(0);
    expect(show.stdout).toContain('segundo informe parcial de actividades del COTAPREP');
    expect(show.stdout).toMatch(/"outcome": "ACCEPTED"/);
    const missing = await cli(['review', 'resolve', id]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/falta --entregable/);
  });

  it('the commission’s report lists 1312 as pending review, with its reason', async () => {
    const { correspondenceReport } = await ok<{ correspondenceReport: { content: string } }>(stack.adminToken, REPORT);
    expect(correspondenceReport.content).toMatch(
      /\n### Pendiente de revisión\n\n- INE\/UTSI\/1312\/2024 \(5 de marzo de 2024\): pendiente de revisión; no se puede asociar a un documento/,
    );
    expect(correspondenceReport.content).toMatch(/\n\d+\. 5 de marzo de 2024, oficio INE\/UTSI\/1312\/2024, /);
  });

  it('an operator resolves 1312 onto entregable 34: the oficio is recorded there, the event carries the actor; twice is a CONFLICT', async () => {
    const id = groIngest.oficios.find((o) => o.number === 'INE/UTSI/1312/2024')!.reviewIds[0];
    const bad = await as(groOperator, RESOLVE, { input: { id, deliverable: 34, dueDate: '2024-02-30' } });
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors![0].message).toMatch(/^dueDate: /);

    const { resolveReview } = await ok<{ resolveReview: Item }>(groOperator, RESOLVE, {
      input: { id, deliverable: 34, version: 'FINAL', note: 'segundo informe parcial del COTAPREP' },
    });
    expect(resolveReview).toMatchObject({
      status: 'RESOLVED',
      actor: 'operador.gro',
      resolution: {
        deliverable: 34,
        versionKind: 'FINAL',
        recordedOn: ['document:GRO:e34-final'],
        note: 'segundo informe parcial del COTAPREP',
      },
    });
    const [event] = await stack.db.query(
      "SELECT type, data, metadata FROM events WHERE stream_id = $1 AND type = 'ReviewResolved'",
      [id],
    );
    expect(event).toMatchObject({ data: { actor: 'operador.gro' }, metadata: { actor: 'operador.gro' } });
    const { document } = await ok<{ document: { status: string; resolution: string | null } }>(
      stack.adminToken,
      '{ document(id: "document:GRO:e34-final") { status resolution } }',
    );
    expect(document).toEqual({ status: 'RESOLVED', resolution: 'ACCEPTED' });

    const twice = await as(groOperator, RESOLVE, { input: { id, deliverable: 34, version: 'FINAL' } });
    expect(codeOf(twice)).toBe('CONFLICT');
    expect(twice.errors![0].message).toMatch(/ya fue resuelta por operador\.gro/);

    const board = await ok<{ dashboard: { pendingReviewCount: number } }>(
      stack.adminToken,
      '{ dashboard(ople: "GRO") { pendingReviewCount } }',
    );
    expect(board.dashboard.pendingReviewCount).toBe(0);
    const { correspondenceReport } = await ok<{ correspondenceReport: { content: string } }>(stack.adminToken, REPORT);
    expect(correspondenceReport.content).toContain('Nada pendiente de revisión.');
    expect(correspondenceReport.content).toMatch(/\n\d+\. 5 de marzo de 2024, oficio INE\/UTSI\/1312\/2024, /);
  });

  it('an operator of the OPLE dismisses the reminder’s unknown item, with the actor and the reason', async () => {
    const { reviewQueue } = await ok<{ reviewQueue: Item[] }>(mexOperator, QUEUE, { status: 'PENDING' });
    const [item] = reviewQueue;
    const empty = await as(mexOperator, DISMISS, { input: { id: item.id, reason: '   ' } });
    expect(codeOf(empty)).toBe('BAD_USER_INPUT');
    expect(empty.errors![0].message).toMatch(/^reason: /);
    const { dismissReview } = await ok<{ dismissReview: Item }>(mexOperator, DISMISS, {
      input: { id: item.id, reason: 'no es un entregable del lineamiento 33' },
    });
    expect(dismissReview).toMatchObject({
      status: 'DISMISSED',
      actor: 'operador.mex',
      resolution: { target: 'descartado', note: 'no es un entregable del lineamiento 33' },
    });
    expect(codeOf(await as(mexOperator, RESOLVE, { input: { id: item.id, deliverable: 34 } }))).toBe('CONFLICT');
    const left = await ok<{ reviewQueue: Item[] }>(mexOperator, QUEUE, { status: 'PENDING' });
    expect(left.reviewQueue).toEqual([]);
  });

  it('escalations found at import say so', async () => {
    type Entry = { streamId: string; step: string; foundAtImport: boolean };
    const raisedAtImport = async (): Promise<number> =>
      (
        await stack.db.query(
          "SELECT count(*)::int AS n FROM events WHERE type = 'EscalationRaised' AND stream_id LIKE '%:GRO:%' AND (data->>'foundAtImport')::boolean IS TRUE",
        )
      )[0].n;
    let entries: Entry[] = [];
    await waitFor(async () => {
      entries = (
        await ok<{ escalations: Entry[] }>(
          stack.adminToken,
          '{ escalations(ople: "GRO") { streamId step foundAtImport } }',
        )
      ).escalations;
      return entries.filter((e) => e.foundAtImport).length === (await raisedAtImport());
    });
    const found = entries.filter((e) => e.foundAtImport);
    expect(found.map((e) => e.streamId)).toContain('document:GRO:e11-proyecto');
    for (const e of found) expect(e.step).toBe('LEVEL_3');
  });
});
