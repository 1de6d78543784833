import { DEFAULT_POLICY, addCountedDays, localDateOf } from '@seguimiento/domain';
import { generateDataset } from '@seguimiento/infra/datasets/generate';
import { Projector, projectedPosition } from '@seguimiento/persistence';
import { DocumentOrder } from '../../apps/gateway/src/supervision/dto/documents.args';
import { SupervisionService } from '../../apps/gateway/src/supervision/supervision.service';
import { type TestStack, startTestStack } from '../support/test-stack';
import { waitFor } from '../support/wait-for';

type Page = {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: Array<{ node: { id: string; status: string; ballInCourt: string; deadline: { dueDate: string } | null } }>;
};
const DOCUMENTS = `query($filter: DocumentsFilter, $first: Int, $after: String, $orderBy: DocumentOrder) {
  documents(filter: $filter, first: $first, after: $after, orderBy: $orderBy) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id status ballInCourt deadline { dueDate } } }
  }
}`;

describe('the supervisors’ lists and dashboard', () => {
  let stack: TestStack;
  const today = localDateOf(new Date());
  const in3 = addCountedDays(today, 3, DEFAULT_POLICY);
  const in10 = addCountedDays(today, 10, DEFAULT_POLICY);

  beforeAll(async () => {
    stack = await startTestStack();
    const run = async (query: string, input: Record<string, unknown>) => {
      const answer = await stack.gql(query, { input });
      if (answer.errors) throw new Error(JSON.stringify(answer.errors));
    };
    const record = `mutation($input: RecordIneOficioInput!) { recordIneOficio(input: $input) { alreadyRecorded } }`;
    await run(`mutation($input: SubmitDocumentInput!) { submitDocument(input: $input) { alreadyRecorded } }`, {
      ople: 'GRO',
      deliverable: 11,
      versionKind: 'PROYECTO',
      oficioNumber: 'IEPC/GRO/SE/0088/2024',
      submittedOn: today,
    });
    await run(record, {
      ople: 'GRO',
      oficioNumber: 'INE/UTSI/0451/2024',
      date: today,
      outcome: 'OBSERVATIONS',
      documentId: 'document:GRO:e11-proyecto',
    });
    await run(record, {
      ople: 'GRO',
      oficioNumber: 'INE/UTSI/1147/2024',
      date: '2024-02-24',
      outcome: 'ADDRESSED',
      additionalObservations: true,
      references: ['INE/UTSI/0801/2024'],
      deliverable: 15,
      versionKind: 'PROYECTO',
    });
    await run(record, {
      ople: 'GRO',
      oficioNumber: 'INE/UTSI/1240/2024',
      date: '2024-03-06',
      outcome: 'ADDRESSED',
      references: ['INE/UTSI/0801/2024', 'INE/UTSI/1147/2024'],
    });
    await run(`mutation($input: RecordIneRequestInput!) { recordIneRequest(input: $input) { alreadyRecorded } }`, {
      ople: 'GRO',
      oficioNumber: 'INE/UTSI/1221/2024',
      date: '2024-02-29',
      dueDate: '2024-03-04',
      subject: 'Estatus de la contratación del servicio de soporte',
    });
    await run(`mutation($input: RecordIneReminderInput!) { recordIneReminder(input: $input) { oficioNumber } }`, {
      ople: 'GRO',
      oficioNumber: 'INE/UTSI/1654/2024',
      date: today,
      items: [
        { deliverable: 16, versionKind: 'FINAL', dueDate: in3 },
        { deliverable: 17, versionKind: 'FINAL', dueDate: in10 },
      ],
    });
    await run(`mutation($input: SubmitDocumentInput!) { submitDocument(input: $input) { alreadyRecorded } }`, {
      ople: 'MEX',
      deliverable: 6,
      versionKind: 'PROYECTO',
      oficioNumber: 'IEEM/SE/2195/2024',
      submittedOn: today,
    });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('filters by OPLE and who holds the ball, soonest due first', async () => {
    const answer = await stack.gql<{ documents: Page }>(DOCUMENTS, { filter: { ople: 'GRO', ballInCourt: 'OPLE' } });
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.documents.edges.map((e) => [e.node.id, e.node.status, e.node.deadline?.dueDate])).toEqual([
      ['document:GRO:e16-final', 'EXPECTED', in3],
      ['document:GRO:e11-proyecto', 'OBSERVED', addCountedDays(today, 5, DEFAULT_POLICY)],
      ['document:GRO:e17-final', 'EXPECTED', in10],
    ]);
    expect(answer.data!.documents.totalCount).toBe(3);
  });

  it('pages with cursors through every document exactly once', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const answer: { data?: { documents: Page } } = await stack.gql<{ documents: Page }>(DOCUMENTS, {
        first: 2,
        after,
        orderBy: 'ID',
      });
      seen.push(...answer.data!.documents.edges.map((e) => e.node.id));
      if (!answer.data!.documents.pageInfo.hasNextPage) break;
      after = answer.data!.documents.pageInfo.endCursor;
    }
    expect(seen).toEqual([
      'document:GRO:e11-proyecto',
      'document:GRO:e15-proyecto',
      'document:GRO:e16-final',
      'document:GRO:e17-final',
      'document:MEX:e6-proyecto',
    ]);
  });

  it('filters by status, deliverable, text, due date and overdue', async () => {
    const ids = async (filter: Record<string, unknown>) => {
      const answer = await stack.gql<{ documents: Page }>(DOCUMENTS, { filter, orderBy: 'ID' });
      expect(answer.errors).toBeUndefined();
      return answer.data!.documents.edges.map((e) => e.node.id);
    };
    expect(await ids({ status: 'RESOLVED' })).toEqual(['document:GRO:e15-proyecto']);
    expect(await ids({ deliverable: 6 })).toEqual(['document:MEX:e6-proyecto']);
    expect(await ids({ search: 'seguridad' })).toEqual(['document:GRO:e16-final']);
    expect(await ids({ dueBefore: in3 })).toEqual(['document:GRO:e16-final']);
    // Nothing here is overdue yet, so `overdue: true` is checked further down, on data that is.
    expect((await ids({ overdue: false })).length).toBe(5);
  });

  it('answers the dashboard: counts, overdue, the oldest overdue and what falls due in 7 days', async () => {
    const answer = await stack.gql<{ dashboard: Record<string, unknown> }>(`query { dashboard(ople: "GRO") {
      ople byStatus { key count } byBallInCourt { key count } overdueCount oldestOverdue { id kind dueDate } dueNext7Days { id dueDate party }
    } }`);
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.dashboard).toEqual({
      ople: 'GRO',
      byStatus: [
        { key: 'EXPECTED', count: 2 },
        { key: 'OBSERVED', count: 1 },
        { key: 'RESOLVED', count: 1 },
      ],
      byBallInCourt: [{ key: 'OPLE', count: 3 }],
      overdueCount: 1,
      oldestOverdue: { id: 'request:GRO:ine-utsi-1221-2024', kind: 'REQUEST', dueDate: '2024-03-04' },
      dueNext7Days: [
        { id: 'document:GRO:e16-final', dueDate: in3, party: 'OPLE' },
        { id: 'document:GRO:e11-proyecto', dueDate: addCountedDays(today, 5, DEFAULT_POLICY), party: 'OPLE' },
      ],
    });
  });

  it('lists open obligations, overdue first, and the escalations they raised', async () => {
    const obligations = await stack.gql<{ obligations: Array<Record<string, unknown>> }>(
      `query { obligations(ople: "GRO") { id kind dueDate overdue status } }`,
    );
    expect(obligations.data!.obligations).toEqual([
      { id: 'request:GRO:ine-utsi-1221-2024', kind: 'REQUEST', dueDate: '2024-03-04', overdue: true, status: 'OPEN' },
      { id: 'document:GRO:e16-final', kind: 'EXPECTED_DELIVERABLE', dueDate: in3, overdue: false, status: 'OPEN' },
      { id: 'document:GRO:e17-final', kind: 'EXPECTED_DELIVERABLE', dueDate: in10, overdue: false, status: 'OPEN' },
    ]);
    const overdue = await stack.gql<{ obligations: Array<{ id: string }> }>(
      `query { obligations(overdue: true) { id } }`,
    );
    expect(overdue.data!.obligations.map((o) => o.id)).toEqual(['request:GRO:ine-utsi-1221-2024']);
    // 1221 was entered long overdue: its ladder went straight to the highest rung, and it is still open.
    const openEscalations = async () =>
      (
        await stack.gql<{ escalations: Array<Record<string, unknown>> }>(
          `query { escalations(open: true) { streamId step recipient open } }`,
        )
      ).data!.escalations;
    await waitFor(async () => (await openEscalations()).length > 0, 10_000);
    expect(await openEscalations()).toEqual([
      { streamId: 'request:GRO:ine-utsi-1221-2024', step: 'LEVEL_3', recipient: 'Comisión', open: true },
    ]);
  });

  it('records who takes charge of an escalation, once', async () => {
    const listed = await stack.gql<{ escalations: Array<{ streamId: string; key: string }> }>(
      `query { escalations(open: true) { streamId key } }`,
    );
    const { streamId, key } = listed.data!.escalations[0];
    const ack = `mutation($input: AcknowledgeEscalationInput!) { acknowledgeEscalation(input: $input) { streamId step acknowledgedBy acknowledgedAt } }`;
    const supervisor = stack.tokens.issue({ subject: 'supervisor@ine', role: 'SUPERVISOR', institution: 'INE' });
    expect((await stack.gqlAs(supervisor, ack, { input: { streamId, key } })).errors![0].extensions).toEqual({
      code: 'FORBIDDEN',
    });
    const first = await stack.gql<{ acknowledgeEscalation: { acknowledgedBy: string; acknowledgedAt: string } }>(ack, {
      input: { streamId, key, note: 'Se llamó a la Secretaría Técnica' },
    });
    expect(first.errors).toBeUndefined();
    expect(first.data!.acknowledgeEscalation).toMatchObject({ streamId, step: 'LEVEL_3', acknowledgedBy: 'admin@ine' });
    const again = await stack.gql<{ acknowledgeEscalation: { acknowledgedAt: string } }>(ack, {
      input: { streamId, key },
    });
    expect(again.data!.acknowledgeEscalation.acknowledgedAt).toBe(first.data!.acknowledgeEscalation.acknowledgedAt);
    const unknown = await stack.gql(ack, { input: { streamId, key: 'no-existe' } });
    expect(unknown.errors![0].extensions).toEqual({ code: 'CONFLICT', field: 'key' });
  });

  it('answers an oficio with what it cites and who cites it, and the correspondence register by date', async () => {
    const oficio = await stack.gql<{ oficio: Record<string, unknown> }>(
      `query { oficio(number: "INE/UTSI/0801/2024") { number entries { streamId role } cites citedBy } }`,
    );
    expect(oficio.data!.oficio).toEqual({
      number: 'INE/UTSI/0801/2024',
      entries: [{ streamId: 'document:GRO:e15-proyecto', role: 'INFERRED' }],
      cites: [],
      citedBy: ['INE/UTSI/1147/2024', 'INE/UTSI/1240/2024'],
    });
    const answer = await stack.gql<{ oficio: { cites: string[] } }>(
      `query { oficio(number: "ine/utsi/1240/2024") { cites } }`,
    );
    expect(answer.data!.oficio.cites).toEqual(['INE/UTSI/0801/2024', 'INE/UTSI/1147/2024']);
    const register = await stack.gql<{
      correspondence: Array<{ oficioNumber: string; direction: string; date: string }>;
    }>(
      `query { correspondence(ople: "GRO", from: "2024-02-01", to: "2024-03-31", direction: "IN") { oficioNumber direction date } }`,
    );
    expect(register.data!.correspondence).toEqual([
      { oficioNumber: 'INE/UTSI/1147/2024', direction: 'IN', date: '2024-02-24' },
      { oficioNumber: 'INE/UTSI/1221/2024', direction: 'IN', date: '2024-02-29' },
      { oficioNumber: 'INE/UTSI/1240/2024', direction: 'IN', date: '2024-03-06' },
    ]);
    const missing = await stack.gql(`query { oficio(number: "INE/UTSI/9999/2024") { number } }`);
    expect(missing.errors![0].extensions).toEqual({ code: 'NOT_FOUND', field: 'number' });
  });

  it('gives each document its timeline and live workflow state', async () => {
    const answer = await stack.gql<{
      document: { timeline: Array<Record<string, unknown>>; live: Record<string, unknown> };
    }>(
      `query { document(id: "document:GRO:e15-proyecto") { timeline { version type summary oficioNumber actor effectiveAt } live { running } } }`,
    );
    expect(answer.errors).toBeUndefined();
    const timeline = answer.data!.document.timeline;
    // Entered in 2026, 1147's five days were long gone: an escalation may have fired before 1240 was recorded.
    expect(timeline.map((t) => t.type).filter((t) => t !== 'EscalationRaised')).toEqual([
      'DocumentOpened',
      'IneAnswerRecorded',
      'DeadlineSet',
      'IneAnswerRecorded',
      'DocumentResolved',
      'DeadlineSet',
    ]);
    expect(timeline.map((t) => t.version)).toEqual(timeline.map((_, i) => i + 1));
    expect(timeline[1]).toMatchObject({
      version: 2,
      summary:
        'El INE, con oficio INE/UTSI/1147/2024, tiene por atendidas las observaciones y genera observaciones adicionales',
      oficioNumber: 'INE/UTSI/1147/2024',
      actor: 'admin@ine',
      effectiveAt: '2024-02-24T06:00:00.000Z',
    });
    expect(answer.data!.document.live).toEqual({ running: false });
    const open = await stack.gql<{ document: { live: { running: boolean; nextEscalationStep: string } } }>(
      `query { document(id: "document:GRO:e11-proyecto") { live { running nextEscalationStep } } }`,
    );
    expect(open.data!.document.live).toEqual({ running: true, nextEscalationStep: 'REMINDER' });
  });

  it('costs the same number of SQL statements for a page of 2 or 5 documents with rounds, observations and timelines (no N+1)', async () => {
    const query = `query($first: Int) { documents(first: $first, orderBy: ID) { edges { node { id rounds { number } observations { id status } timeline { type } } } } }`;
    const count = async (first: number) => {
      const spy = jest.spyOn(stack.gatewayDb, 'query');
      try {
        const answer = await stack.gql<{ documents: { edges: unknown[] } }>(query, { first });
        expect(answer.data!.documents.edges).toHaveLength(first);
        return spy.mock.calls.length;
      } finally {
        spy.mockRestore();
      }
    };
    const small = await count(2);
    expect(small).toBeGreaterThan(0);
    expect(await count(5)).toBe(small);
  });

  it('answers every list as of a past day (time travel)', async () => {
    const asOf1Mar = await stack.gql<{ documents: Page }>(
      `query { documents(asOf: "2024-03-01", filter: { ople: "GRO" }) { totalCount edges { node { id status ballInCourt deadline { dueDate } } } } }`,
    );
    expect(asOf1Mar.errors).toBeUndefined();
    expect(
      asOf1Mar.data!.documents.edges.map((e) => [
        e.node.id,
        e.node.status,
        e.node.ballInCourt,
        e.node.deadline?.dueDate,
      ]),
    ).toEqual([['document:GRO:e15-proyecto', 'OBSERVED', 'OPLE', '2024-02-29']]);
    const dashboard = await stack.gql<{ dashboard: Record<string, unknown> }>(
      `query { dashboard(ople: "GRO", asOf: "2024-03-10") { byStatus { key count } overdueCount oldestOverdue { id } } }`,
    );
    expect(dashboard.data!.dashboard).toEqual({
      byStatus: [{ key: 'RESOLVED', count: 1 }],
      overdueCount: 1,
      oldestOverdue: { id: 'request:GRO:ine-utsi-1221-2024' },
    });
    const obligations = await stack.gql<{ obligations: Array<Record<string, unknown>> }>(
      `query { obligations(asOf: "2024-03-02") { id overdue dueDate } }`,
    );
    expect(obligations.data!.obligations).toEqual([
      { id: 'request:GRO:ine-utsi-1221-2024', overdue: false, dueDate: '2024-03-04' },
    ]);
    const register = await stack.gql<{ correspondence: Array<{ oficioNumber: string }> }>(
      `query { correspondence(ople: "GRO", asOf: "2024-02-29") { oficioNumber } }`,
    );
    expect(register.data!.correspondence.map((c) => c.oficioNumber)).toEqual([
      'INE/UTSI/1147/2024',
      'INE/UTSI/1221/2024',
    ]);
    const bad = await stack.gql(`query { documents(asOf: "ayer") { totalCount } }`);
    expect(bad.errors![0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'asOf' });
  });

  it('refuses bad arguments with BAD_USER_INPUT naming the field', async () => {
    const first = await stack.gql(DOCUMENTS, { first: 500 });
    expect(first.errors![0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'first' });
    const after = await stack.gql(DOCUMENTS, { after: 'not-a-cursor' });
    expect(after.errors![0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'after' });
    const ople = await stack.gql(DOCUMENTS, { filter: { ople: 'guerrero' } });
    expect(ople.errors![0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'filter.ople' });
  });

  // Late in the file: an overdue document raises an escalation, which the lists above would show.
  it('filters overdue documents: one whose review is weeks late, and none of an OPLE without any', async () => {
    const answer = await stack.gql(
      `mutation($input: SubmitDocumentInput!) { submitDocument(input: $input) { alreadyRecorded } }`,
      {
        input: {
          ople: 'QUE',
          deliverable: 6,
          versionKind: 'PROYECTO',
          oficioNumber: 'IEQ/SE/0012/2024',
          submittedOn: '2024-01-10',
        },
      },
    );
    expect(answer.errors).toBeUndefined();
    const ids = async (filter: Record<string, unknown>) => {
      const page = await stack.gql<{ documents: Page }>(DOCUMENTS, { filter, orderBy: 'ID' });
      expect(page.errors).toBeUndefined();
      return page.data!.documents.edges.map((e) => e.node.id);
    };
    expect(await ids({ overdue: true })).toEqual(['document:QUE:e6-proyecto']);
    expect(await ids({ overdue: true, ople: 'GRO' })).toEqual([]);
    expect(await ids({ overdue: false })).not.toContain('document:QUE:e6-proyecto');
    expect((await ids({ overdue: false })).length).toBe(5);
  });

  it('groups the national view in one query: the cells the documents list gives, now (SQL) and as of now (folded)', async () => {
    type Cell = {
      ople: string;
      deliverable: number;
      versionKind: string;
      documents: number;
      status: string;
      overdue: number;
      escalationLevel: number;
      documentId: string | null;
    };
    type Node = Omit<Cell, 'documents' | 'overdue' | 'documentId'> & { id: string; overdue: boolean };
    const MATRIX = `query($asOf: String) { documentMatrix(asOf: $asOf) {
      ople deliverable versionKind documents status overdue escalationLevel documentId } }`;
    // A second QUE document in the same cell, withdrawn: the cell shows the one under review, and no lone document.
    for (const mutation of [
      'submitDocument(input: { ople: "QUE", deliverable: 6, versionKind: PROYECTO, documentKey: "e6-proyecto-b", oficioNumber: "IEQ/SE/0013/2024", submittedOn: "2024-01-11" }) { alreadyRecorded }',
      'withdrawDocument(input: { documentId: "document:QUE:e6-proyecto-b", date: "2024-01-12", reason: "duplicado" }) { alreadyRecorded }',
    ]) {
      expect((await stack.gql(`mutation { ${mutation} }`)).errors).toBeUndefined();
    }
    const LIST = `query { documents(first: 200, orderBy: ID) { edges { node { id ople deliverable versionKind status overdue escalationLevel } } } }`;
    let listed = await stack.gql<{ documents: { edges: Array<{ node: Node }> } }>(LIST);
    // QUE's document (the test above) is weeks late: its escalations fire up to level 3 in the background.
    await waitFor(async () => {
      listed = await stack.gql<{ documents: { edges: Array<{ node: Node }> } }>(LIST);
      return listed.data!.documents.edges.some((e) => e.node.ople === 'QUE' && e.node.escalationLevel === 3);
    });
    // The oracle: the documents as the list shows them, grouped here.
    const urgency = ['OBSERVED', 'UNDER_REVIEW', 'EXPECTED', 'RESOLVED', 'WITHDRAWN'];
    const expected = new Map<string, Cell>();
    for (const { node: d } of listed.data!.documents.edges) {
      const key = `${d.ople}|${String(d.deliverable).padStart(3, '0')}|${d.versionKind}`;
      const c = expected.get(key) ?? { ...d, documents: 0, overdue: 0, escalationLevel: 0, documentId: d.id };
      c.documents += 1;
      c.overdue += d.overdue ? 1 : 0;
      c.escalationLevel = Math.max(c.escalationLevel, d.escalationLevel);
      if (urgency.indexOf(d.status) < urgency.indexOf(c.status)) c.status = d.status;
      c.documentId = c.documents === 1 ? d.id : null;
      expected.set(key, c);
    }
    const oracle = [...expected.keys()].sort().map((k) => {
      const { ople, deliverable, versionKind, documents, status, overdue, escalationLevel, documentId } =
        expected.get(k)!;
      return { ople, deliverable, versionKind, documents, status, overdue, escalationLevel, documentId };
    });
    const now = await stack.gql<{ documentMatrix: Cell[] }>(MATRIX, {});
    expect(now.errors).toBeUndefined();
    expect(now.data!.documentMatrix).toEqual(oracle);
    const folded = await stack.gql<{ documentMatrix: Cell[] }>(MATRIX, { asOf: new Date().toISOString() });
    expect(folded.errors).toBeUndefined();
    expect(folded.data!.documentMatrix).toEqual(oracle);
    // Not an empty agreement: QUE's document weeks late (the test above) and GRO's chains, in their cells.
    expect(now.data!.documentMatrix.find((c) => c.ople === 'QUE')).toEqual({
      ople: 'QUE',
      deliverable: 6,
      versionKind: 'PROYECTO',
      documents: 2,
      status: 'UNDER_REVIEW',
      overdue: 1,
      escalationLevel: 3,
      documentId: null,
    });
    const gro = now.data!.documentMatrix.filter((c) => c.ople === 'GRO');
    expect(gro.reduce((n, c) => n + c.documents, 0)).toBeGreaterThanOrEqual(4);
    expect(gro.find((c) => c.deliverable === 11)).toMatchObject({
      versionKind: 'PROYECTO',
      status: 'OBSERVED',
      documentId: 'document:GRO:e11-proyecto',
    });
  });

  it('serves the list queries from their indexes (EXPLAIN over a generated set of 9,600 documents)', async () => {
    await generateDataset(stack.db, { oples: 32, documentsPerOple: 300, rounds: 3, seed: 3 });
    const projector = new Projector(stack.db, { batchSize: 5000 });
    await projector.catchUp();
    expect(Number(await projectedPosition(stack.db))).toBeGreaterThan(0);
    await stack.db.query('ANALYZE rm_documents');
    const service = new SupervisionService(stack.db);
    const plan = (filter: Record<string, unknown>, orderBy = DocumentOrder.DUE_SOONEST) =>
      service.explainDocuments({ filter, orderBy, first: 50 });
    expect(await plan({ ople: 'GRO', status: 'OBSERVED' })).toMatch(/rm_documents_ople_status/);
    expect(await plan({ ople: 'GRO', ballInCourt: 'INE' })).toMatch(/rm_documents_ople_(ball|status)/);
    expect(await plan({ deliverable: 15, ople: 'MEX' })).toMatch(/rm_documents_deliverable/);
    expect(await plan({ dueBefore: '2024-01-20' })).toMatch(/rm_documents_due_at/);
  });
});
