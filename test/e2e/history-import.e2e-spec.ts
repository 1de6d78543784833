import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DirectoryWriter, EventStore } from '@seguimiento/persistence';
import { type TestStack, startTestStack } from '../support/test-stack';

/**
 * Issue 15, rules 7 and 8: history is imported as history, and the OPLE's side is recorded.
 * The seed (IEPC Guerrero, 18 Feb – 21 Mar 2024) is ingested into an empty system in 2026, then
 * the OPLE's own register of oficios sent together with the next month's report: each oficio is
 * applied as of its date, a deadline a later oficio of the same import met never fires, what is
 * still overdue at the end raises one notice (its highest rung, "found at import"), and a second
 * review of INE with no recorded answer of the OPLE means the OPLE answered: met (inferred).
 */
const SEED = join(__dirname, '../../libs/intake/src/testing/seed-report.txt');
const FIXTURES = join(__dirname, '../fixtures/history');
const INGEST = `mutation($text: String!) { ingestCorrespondence(text: $text, ople: "GRO", dryRun: false) {
  created alreadyRecorded needsReview failed
  oficios { number result targets message }
  foundAtImport { caseId step }
} }`;
const CASE = `query($id: ID!) {
  document(id: $id) {
    status
    escalations { step foundAtImport deadline { party kind dueDate } }
    pastDeadlines { deadline { party kind dueDate } outcome by on }
  }
}`;
const REQUEST = `query($id: ID!) {
  request(id: $id) { status escalations { step foundAtImport } pastDeadlines { deadline { dueDate } outcome by on } }
}`;
const AS_OF = `query($asOf: String!) {
  documents(filter: { ople: "GRO" }, first: 200, asOf: $asOf) { edges { node { id status } } }
}`;

interface IngestReport {
  created: number;
  alreadyRecorded: number;
  needsReview: number;
  failed: number;
  oficios: Array<{ number: string; result: string; targets: string[]; message: string | null }>;
  foundAtImport: Array<{ caseId: string; step: string }>;
}
type Case = {
  status: string;
  escalations: Array<{
    step: string;
    foundAtImport: boolean;
    deadline: { party: string; kind: string; dueDate: string };
  }>;
  pastDeadlines: Array<{
    deadline: { party?: string; kind?: string; dueDate: string };
    outcome: string;
    by: string | null;
    on: string | null;
  }>;
};

/** The cases the seed leaves overdue: three observed documents, the open request, the nine reminded deliverables. */
const OVERDUE_AFTER_SEED = [
  'document:GRO:e11-proyecto',
  'document:GRO:e14-proyecto',
  'document:GRO:e16-proyecto',
  'request:GRO:ine-utsi-1221-2024',
  ...['e3', 'e16', 'e17', 'e18', 'e19', 'e20', 'e21', 'e22', 'e23'].map((e) => `document:GRO:${e}-final`),
].sort();

describe('history imported as history (issue 15, rules 7 and 8)', () => {
  let stack: TestStack;
  const ingest = async (text: string): Promise<IngestReport> => {
    const answer = await stack.gql<{ ingestCorrespondence: IngestReport }>(INGEST, { text });
    expect(answer.errors).toBeUndefined();
    return answer.data!.ingestCorrespondence;
  };
  const document = async (id: string): Promise<Case> => {
    const answer = await stack.gql<{ document: Case }>(CASE, { id });
    expect(answer.errors).toBeUndefined();
    return answer.data!.document;
  };
  const statesAsOf = async (asOf: string): Promise<Record<string, string>> => {
    const answer = await stack.gql<{ documents: { edges: Array<{ node: { id: string; status: string } }> } }>(AS_OF, {
      asOf,
    });
    expect(answer.errors).toBeUndefined();
    return Object.fromEntries(answer.data!.documents.edges.map((e) => [e.node.id, e.node.status]));
  };

  beforeAll(async () => {
    stack = await startTestStack();
    // Who is told (issue 18): everyone immediate, so no storm could hide behind a digest-only preference.
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
          person('GRO', 'RESPONSABLE', 'resp@example.org'),
          person('GRO', 'AREA_RESPONSABLE', 'area@example.org'),
          person('GRO', 'SECRETARIA_TECNICA', 'st@example.org'),
          person('GRO', 'COMISION', 'comision@example.org'),
          person('INE', 'UTSI', 'utsi@example.org'),
        ],
      }),
    );
    await new DirectoryWriter(stack.db, new EventStore(stack.db)).seedFromFile(file);
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('the seed: no deadline a later oficio met fires; each case still overdue at the end raises one notice, its highest rung, found at import', async () => {
    const report = await ingest(readFileSync(SEED, 'utf8'));
    expect(report).toMatchObject({ created: 16, needsReview: 1, failed: 0 });

    // One notice per case still overdue — not one per deadline the import went through.
    expect(stack.notices.map((n) => n.streamId).sort()).toEqual(OVERDUE_AFTER_SEED);
    for (const notice of stack.notices) expect(notice).toMatchObject({ step: 'LEVEL_3', foundAtImport: true });
    expect(report.foundAtImport.map((f) => f.caseId).sort()).toEqual(OVERDUE_AFTER_SEED);
    expect(new Set(report.foundAtImport.map((f) => f.step))).toEqual(new Set(['LEVEL_3']));

    // No storm of mail (issue 18, item 6): no per-step mail, no calendar reminder of a deadline already
    // past, no reminder items already due — one summary per person of what was found overdue.
    const mail: Array<{ kind: string; group_key: string | null; case_id: string }> = await stack.db.query(
      "SELECT kind, group_key, payload->>'caseId' AS case_id FROM outbox ORDER BY id",
    );
    expect(mail.filter((m) => m.kind !== 'IMPORT_SUMMARY')).toEqual([]);
    expect([...new Set(mail.map((m) => m.group_key))]).toEqual(['import:comision@example.org']);
    expect(mail.map((m) => m.case_id).sort()).toEqual(OVERDUE_AFTER_SEED);

    // 1147 gave the OPLE until 29 Feb; 1240 (6 Mar, same import) addressed it: it never escalated.
    const e15 = await document('document:GRO:e15-proyecto');
    expect(e15).toMatchObject({ status: 'RESOLVED', escalations: [] });
    expect(e15.pastDeadlines.map((p) => [p.deadline.party, p.deadline.dueDate, p.outcome, p.by])).toEqual([
      ['OPLE', '2024-02-29', 'MET_INFERRED', null],
    ]);
    // Requested by 1376 and 1377, received by 1581 and 1583 within the import: no escalation either.
    for (const id of ['request:GRO:ine-utsi-1376-2024', 'request:GRO:ine-utsi-1377-2024']) {
      const answer = await stack.gql<{ request: { status: string; escalations: unknown[] } }>(REQUEST, { id });
      expect(answer.data!.request).toMatchObject({ status: 'FULFILLED', escalations: [] });
    }
    // What is still overdue says so, once.
    expect((await document('document:GRO:e11-proyecto')).escalations).toEqual([
      {
        step: 'LEVEL_3',
        foundAtImport: true,
        deadline: { party: 'OPLE', kind: 'ANSWER', dueDate: '2024-02-27' },
      },
    ]);
  });

  it('the OPLE’s register and the next month: met late, met as inferred, resolved within the import, and one notice for what is still overdue', async () => {
    const before = stack.notices.length;
    const text = [
      readFileSync(join(FIXTURES, 'enviada-2024-03.txt'), 'utf8'),
      readFileSync(join(FIXTURES, 'recibida-2024-04.txt'), 'utf8'),
    ].join('\n\n');
    const report = await ingest(text);
    expect(report).toMatchObject({ created: 5, alreadyRecorded: 0, needsReview: 0, failed: 0 });
    const by = (n: string) => report.oficios.find((o) => o.number === n)!;
    // The OPLE's oficios go through its door: an answer to observations, an answer to a request.
    expect(by('IEPC/GRO/SE/0131/2024').targets).toEqual(['document:GRO:e16-proyecto']);
    expect(by('IEPC/GRO/SE/0140/2024').targets).toEqual(['request:GRO:ine-utsi-1221-2024']);

    // e11's chain continues (1121 → 1702, partially): still overdue at the end, one more notice —
    // for its new deadline; e14 and e16 were resolved and 1221 answered within the import.
    const fresh = stack.notices.slice(before);
    expect(fresh.map((n) => [n.streamId, n.step, n.foundAtImport, n.deadline.dueDate])).toEqual([
      ['document:GRO:e11-proyecto', 'LEVEL_3', true, '2024-04-06'],
    ]);
    expect(report.foundAtImport).toEqual([{ caseId: 'document:GRO:e11-proyecto', step: 'LEVEL_3' }]);

    // A second review with no recorded answer of the OPLE: the OPLE answered in between.
    const e11 = await document('document:GRO:e11-proyecto');
    expect(e11.status).toBe('OBSERVED');
    expect(e11.pastDeadlines.at(-1)).toEqual({
      deadline: { party: 'OPLE', kind: 'ANSWER', dueDate: '2024-02-27' },
      outcome: 'MET_INFERRED',
      by: null,
      on: null,
    });
    expect(e11.escalations.map((e) => [e.deadline.dueDate, e.step, e.foundAtImport])).toEqual([
      ['2024-02-27', 'LEVEL_3', true],
      ['2024-04-06', 'LEVEL_3', true],
    ]);
    const e14 = await document('document:GRO:e14-proyecto');
    expect(e14.status).toBe('RESOLVED');
    expect(e14.pastDeadlines.at(-1)).toMatchObject({ deadline: { dueDate: '2024-02-28' }, outcome: 'MET_INFERRED' });

    // The OPLE answered 1489's observations three days late; INE answered a day late.
    const e16 = await document('document:GRO:e16-proyecto');
    expect(e16.status).toBe('RESOLVED');
    expect(e16.pastDeadlines.map((p) => [p.deadline.party, p.deadline.dueDate, p.outcome, p.by, p.on])).toEqual([
      ['OPLE', '2024-03-19', 'MET_LATE', 'IEPC/GRO/SE/0131/2024', '2024-03-22'],
      ['INE', '2024-04-01', 'MET_LATE', 'INE/UTSI/1780/2024', '2024-04-02'],
    ]);
    const request = await stack.gql<{ request: Record<string, unknown> }>(REQUEST, {
      id: 'request:GRO:ine-utsi-1221-2024',
    });
    expect(request.data!.request).toEqual({
      status: 'FULFILLED',
      escalations: [{ step: 'LEVEL_3', foundAtImport: true }],
      pastDeadlines: [
        { deadline: { dueDate: '2024-03-04' }, outcome: 'MET_LATE', by: 'IEPC/GRO/SE/0140/2024', on: '2024-03-25' },
      ],
    });

    // The states as of several days, by the dates of the oficios.
    const ids = ['document:GRO:e11-proyecto', 'document:GRO:e14-proyecto', 'document:GRO:e16-proyecto'];
    const pick = (states: Record<string, string>) => ids.map((id) => states[id]);
    expect(pick(await statesAsOf('2024-03-21'))).toEqual(['OBSERVED', 'OBSERVED', 'OBSERVED']);
    expect(pick(await statesAsOf('2024-03-26'))).toEqual(['OBSERVED', 'OBSERVED', 'UNDER_REVIEW']);
    expect(pick(await statesAsOf('2024-03-27'))).toEqual(['OBSERVED', 'RESOLVED', 'UNDER_REVIEW']);
    expect(pick(await statesAsOf('2024-04-02'))).toEqual(['OBSERVED', 'RESOLVED', 'RESOLVED']);
  });
});
