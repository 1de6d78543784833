import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DirectoryWriter, EventStore } from '@seguimiento/persistence';
import { type TestStack, startTestStack } from '../support/test-stack';

/**
 * Issue 15, "How to show it": a whole PREP process of another OPLE (IEEQ, Querétaro, January to
 * May 2024, five monthly reports of the correspondence received) backfilled in one ingest, then
 * asserted as of several dates through the API's `asOf`: each document's state, the escalations
 * fired (history imported as history: no storm; what is still overdue at the end raises one notice
 * at its highest rung, found at import), the review queue (the one oficio that does not say which
 * entregable is queued, not guessed) and the commission's report for a month.
 */
const FIXTURE = join(__dirname, '../fixtures/history/backfill-QUE-2024.txt');
const INGEST = `mutation($text: String!) { ingestCorrespondence(text: $text, ople: "QUE", dryRun: false) {
  created alreadyRecorded needsReview failed
  oficios { number result targets }
  foundAtImport { caseId step }
} }`;
const AS_OF = `query($asOf: String!) {
  documents(filter: { ople: "QUE" }, first: 200, asOf: $asOf) { edges { node { id status } } }
}`;
const CASE = `query($id: ID!) {
  document(id: $id) { status escalations { step foundAtImport } }
}`;
const REQUEST = `query($id: ID!) { request(id: $id) { status escalations { step foundAtImport } } }`;
const ESCALATIONS = `query($asOf: String) { escalations(ople: "QUE", asOf: $asOf) { streamId step foundAtImport } }`;
const QUEUE = `{ reviewQueue(ople: "QUE", status: PENDING) { oficioNumber oficioDate status reasons } }`;
const REPORT = `query($from: String!, $to: String!) {
  correspondenceReport(ople: "QUE", from: $from, to: $to, format: MD) { content }
}`;

interface IngestReport {
  created: number;
  alreadyRecorded: number;
  needsReview: number;
  failed: number;
  oficios: Array<{ number: string; result: string; targets: string[] }>;
  foundAtImport: Array<{ caseId: string; step: string }>;
}

describe('a whole process of another OPLE, backfilled (issue 15, how to show it)', () => {
  let stack: TestStack;
  let report: IngestReport;
  const gql = async <T>(query: string, variables: Record<string, unknown> = {}): Promise<T> => {
    const answer = await stack.gql<T>(query, variables);
    expect(answer.errors).toBeUndefined();
    return answer.data!;
  };
  const statesAsOf = async (asOf: string): Promise<Record<string, string>> => {
    const data = await gql<{ documents: { edges: Array<{ node: { id: string; status: string } }> } }>(AS_OF, {
      asOf,
    });
    return Object.fromEntries(data.documents.edges.map((e) => [e.node.id, e.node.status]));
  };

  beforeAll(async () => {
    stack = await startTestStack();
    const file = join(tmpdir(), `directory-${randomUUID()}.json`);
    const person = (institution: string, role: string, email: string) => ({
      institution,
      role,
      email,
      name: email,
      preference: 'IMMEDIATE',
    });
    writeFileSync(
      file,
      JSON.stringify({
        contacts: [
          person('QUE', 'RESPONSABLE', 'resp@example.org'),
          person('QUE', 'COMISION', 'comision@example.org'),
          person('INE', 'UTSI', 'utsi@example.org'),
        ],
      }),
    );
    await new DirectoryWriter(stack.db, new EventStore(stack.db)).seedFromFile(file);
    report = await gql<{ ingestCorrespondence: IngestReport }>(INGEST, {
      text: readFileSync(FIXTURE, 'utf8'),
    }).then((d) => d.ingestCorrespondence);
  });
  afterAll(async () => {
    await stack?.stop();
  });

  const escalationsAsOf = async (asOf: string) => {
    const data = await gql<{ escalations: Array<{ streamId: string; step: string; foundAtImport: boolean }> }>(
      ESCALATIONS,
      { asOf },
    );
    return data.escalations.map((e) => [e.streamId, e.step, e.foundAtImport]).sort();
  };
  const today = new Date().toISOString().slice(0, 10);

  it('the whole file in one ingest: sixteen oficios recorded, the vague one queued, nothing guessed', () => {
    expect(report).toMatchObject({ created: 16, alreadyRecorded: 0, needsReview: 1, failed: 0 });
    const by = (n: string) => report.oficios.find((o) => o.number === n)!;
    expect(by('INE/UTSI/0850/2024')).toEqual({ number: 'INE/UTSI/0850/2024', result: 'NEEDS_REVIEW', targets: [] });
    // The reminder's "plazo máximo" items, each its own final version.
    expect(by('INE/UTSI/1011/2024').targets).toEqual([
      'document:QUE:e3-final',
      'document:QUE:e16-final',
      'document:QUE:e17-final',
    ]);
    // The request answered "requerido mediante oficio 0302" goes to that request.
    expect(by('INE/UTSI/0455/2024').targets).toEqual(['request:QUE:ine-utsi-0302-2024']);
  });

  it('the states as of the end of February, the end of April and today', async () => {
    expect(await statesAsOf('2024-02-29')).toEqual({
      'document:QUE:e11-proyecto': 'OBSERVED', // 0120 observed, 0410 partial with additional ones
      'document:QUE:e14-proyecto': 'RESOLVED', // 0215 observed, 0598 no additional ones
      'document:QUE:e15-proyecto': 'OBSERVED', // 0660 observed
    });
    expect(await statesAsOf('2024-04-30')).toEqual({
      'document:QUE:e3-final': 'EXPECTED', // reminded by 1011, never received
      'document:QUE:e11-proyecto': 'RESOLVED', // 0733
      'document:QUE:e14-proyecto': 'RESOLVED',
      'document:QUE:e15-proyecto': 'OBSERVED', // 0988 additional ones, 1140 partially attended
      'document:QUE:e16-final': 'EXPECTED', // reminded, not yet received
      'document:QUE:e16-proyecto': 'RESOLVED', // 0901 observed, 1105 attended
      'document:QUE:e17-final': 'EXPECTED',
    });
    expect(await statesAsOf(today)).toEqual({
      'document:QUE:e3-final': 'EXPECTED',
      'document:QUE:e11-proyecto': 'RESOLVED',
      'document:QUE:e14-proyecto': 'RESOLVED',
      'document:QUE:e15-proyecto': 'RESOLVED', // 1566
      'document:QUE:e16-final': 'RESOLVED', // 1402: received, no observations
      'document:QUE:e16-proyecto': 'RESOLVED',
      'document:QUE:e17-final': 'EXPECTED',
    });
    const request = async (id: string) => (await gql<{ request: { status: string } }>(REQUEST, { id })).request;
    expect(await request('request:QUE:ine-utsi-0302-2024')).toEqual({ status: 'FULFILLED', escalations: [] });
  });

  it('escalations: none fired while the history was replayed; what is still overdue raises one notice, its highest rung, found at import', async () => {
    expect(await escalationsAsOf('2024-02-29')).toEqual([]);
    expect(await escalationsAsOf('2024-04-30')).toEqual([]);
    const overdue = ['document:QUE:e17-final', 'document:QUE:e3-final', 'request:QUE:ine-utsi-1250-2024'];
    expect(await escalationsAsOf(today)).toEqual(overdue.map((id) => [id, 'LEVEL_3', true]));
    expect(stack.notices.map((n) => [n.streamId, n.step, n.foundAtImport, n.deadline.dueDate]).sort()).toEqual([
      ['document:QUE:e17-final', 'LEVEL_3', true, '2024-04-07'],
      ['document:QUE:e3-final', 'LEVEL_3', true, '2024-04-05'],
      ['request:QUE:ine-utsi-1250-2024', 'LEVEL_3', true, '2024-04-19'],
    ]);
    expect(report.foundAtImport.map((f) => [f.caseId, f.step]).sort()).toEqual(overdue.map((id) => [id, 'LEVEL_3']));
    // Met within the import (e16's final version received late by 1402, the 0302 request by 0455): never escalated.
    expect(
      (await gql<{ document: { escalations: unknown[] } }>(CASE, { id: 'document:QUE:e16-final' })).document,
    ).toEqual({ status: 'RESOLVED', escalations: [] });
    // No storm of mail: only the import summary.
    const mail: Array<{ kind: string; case_id: string }> = await stack.db.query(
      "SELECT kind, payload->>'caseId' AS case_id FROM outbox ORDER BY id",
    );
    expect(mail.filter((m) => m.kind !== 'IMPORT_SUMMARY')).toEqual([]);
    expect([...new Set(mail.map((m) => m.case_id))].sort()).toEqual(overdue);
  });

  it('the review queue holds the vague oficio with its reason, and the March report lists it as pending review', async () => {
    const { reviewQueue } = await gql<{ reviewQueue: unknown[] }>(QUEUE);
    expect(reviewQueue).toEqual([
      {
        oficioNumber: 'INE/UTSI/0850/2024',
        oficioDate: '2024-03-11',
        status: 'PENDING',
        reasons: [
          'no se puede asociar a un documento: no cita oficios y no se reconoce un entregable del lineamiento 33',
        ],
      },
    ]);
    const { correspondenceReport } = await gql<{ correspondenceReport: { content: string } }>(REPORT, {
      from: '2024-03-01',
      to: '2024-03-31',
    });
    const content = correspondenceReport.content;
    // The month's five oficios, in order, and nothing of another month.
    const listed = [...content.matchAll(/^\d+\. .*?oficio (INE\/UTSI\/\d+\/2024)/gm)].map((m) => m[1]);
    expect(listed).toEqual([
      'INE/UTSI/0733/2024',
      'INE/UTSI/0850/2024',
      'INE/UTSI/0901/2024',
      'INE/UTSI/0988/2024',
      'INE/UTSI/1011/2024',
    ]);
    const section = (title: string) => content.split(`### ${title}\n\n`)[1]?.split('\n\n')[0];
    expect(section('Pendiente de revisión')).toBe(
      '- INE/UTSI/0850/2024 (11 de marzo de 2024): pendiente de revisión; no se puede asociar a un documento: no cita oficios y no se reconoce un entregable del lineamiento 33.',
    );
    expect(section('Vencido al 31 de marzo de 2024')?.split('\n')).toEqual([
      '- Entregable 16, proyecto de plan de seguridad y plan de continuidad. Vencía el 19 de marzo de 2024; corresponde al OPLE.',
      '- Entregable 15, proyecto de instrumento jurídico con el ente auditor y su anexo técnico. Vencía el 25 de marzo de 2024; corresponde al OPLE.',
    ]);
    expect(content).toContain(
      '- Entregable 11, proyecto de prototipo navegable del sitio de publicación y formato de base de datos: resuelto.',
    );
  });
});
