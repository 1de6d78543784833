import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '@seguimiento/runtime';
import { DEFAULT_POLICY, addCountedDays, localDateOf } from '@seguimiento/domain';
import { type TestStack, startTestStack } from '../support/test-stack';

const SUBMIT = `mutation($input: SubmitDocumentInput!) {
  submitDocument(input: $input) {
    alreadyRecorded
    document { id ople deliverable versionKind title status ballInCourt submissions lastOficioNumber lastSubmittedOn version deadline { party kind dueDate } }
  }
}`;
const DOCUMENT = `query($id: ID!) { document(id: $id) { id status ballInCourt submissions lastOficioNumber version } }`;

// Dated today, so that INE's 10-day review clock is still running while the test looks at it.
const today = localDateOf(new Date());
const reviewDue = addCountedDays(today, 10, DEFAULT_POLICY);
const draft15 = {
  ople: 'GRO',
  deliverable: 15,
  versionKind: 'PROYECTO',
  oficioNumber: 'iepc/gro/se/0101/2024',
  submittedOn: today,
};

async function eventsOf(stack: TestStack, streamId: string) {
  return stack.db.query(
    'SELECT stream_version, type, data, metadata FROM events WHERE stream_id = $1 ORDER BY stream_version',
    [streamId],
  );
}

describe('the first slice: submitDocument → workflow → event store → document(id)', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('starts the document workflow, appends DocumentSubmitted and answers document(id) from the store', async () => {
    const submitted = await stack.gql<{
      submitDocument: { alreadyRecorded: boolean; document: Record<string, unknown> };
    }>(SUBMIT, { input: draft15 });
    expect(submitted.errors).toBeUndefined();
    expect(submitted.data!.submitDocument.alreadyRecorded).toBe(false);
    expect(submitted.data!.submitDocument.document).toEqual({
      id: 'document:GRO:e15-proyecto',
      ople: 'GRO',
      deliverable: 15,
      versionKind: 'PROYECTO',
      title: 'Instrumento jurídico con el ente auditor y su anexo técnico',
      status: 'UNDER_REVIEW',
      ballInCourt: 'INE',
      submissions: 1,
      lastOficioNumber: 'IEPC/GRO/SE/0101/2024',
      lastSubmittedOn: today,
      version: 3,
      deadline: { party: 'INE', kind: 'REVIEW', dueDate: reviewDue },
    });

    // The workflow exists on the real Temporal server under its business id, and is waiting.
    const description = await stack.temporal.workflow.getHandle('document:GRO:e15-proyecto').describe();
    expect(description.type).toBe('documentWorkflow');
    expect(description.status.name).toBe('RUNNING');

    // The events reached PostgreSQL, numbered 1, 2, 3 in the document's stream.
    const events = await eventsOf(stack, 'document:GRO:e15-proyecto');
    expect(events.map((e: { stream_version: number; type: string }) => [e.stream_version, e.type])).toEqual([
      [1, 'DocumentOpened'],
      [2, 'DocumentSubmitted'],
      [3, 'DeadlineSet'],
    ]);
    expect(events[1]).toMatchObject({
      data: { oficioNumber: 'IEPC/GRO/SE/0101/2024', submission: 1, submittedOn: today },
      metadata: {
        oficioNumber: 'IEPC/GRO/SE/0101/2024',
        correlationId: 'document:GRO:e15-proyecto',
        actor: 'admin@ine',
        effectiveAt: expect.any(String),
      },
    });
    expect(events[0].data).toMatchObject({ deliverable: 15, ople: 'GRO', openedBy: 'SUBMISSION' });

    // Read-your-writes: the mutation answered once the read models had the document.
    expect(
      await stack.db.query(
        "SELECT status, ball_in_court, stream_version FROM rm_documents WHERE id = 'document:GRO:e15-proyecto'",
      ),
    ).toEqual([{ status: 'UNDER_REVIEW', ball_in_court: 'INE', stream_version: 3 }]);

    const read = await stack.gql<{ document: Record<string, unknown> }>(DOCUMENT, { id: 'document:GRO:e15-proyecto' });
    expect(read.data!.document).toEqual({
      id: 'document:GRO:e15-proyecto',
      status: 'UNDER_REVIEW',
      ballInCourt: 'INE',
      submissions: 1,
      lastOficioNumber: 'IEPC/GRO/SE/0101/2024',
      version: 3,
    });
  });

  it('answers a repeated submission of the same oficio as already recorded, changing nothing', async () => {
    const again = await stack.gql<{ submitDocument: { alreadyRecorded: boolean; document: { version: number } } }>(
      SUBMIT,
      { input: draft15 },
    );
    expect(again.data!.submitDocument).toMatchObject({ alreadyRecorded: true, document: { version: 3 } });
    expect(await eventsOf(stack, 'document:GRO:e15-proyecto')).toHaveLength(3);
  });

  it('refuses a resubmission while INE holds the ball, with CONFLICT, and writes nothing', async () => {
    const again = await stack.gql(SUBMIT, { input: { ...draft15, oficioNumber: 'IEPC/GRO/SE/0150/2024' } });
    expect(again.data).toBeNull();
    expect(again.errors![0].extensions).toEqual({ code: 'CONFLICT' });
    expect(again.errors![0].message).toMatch(/en revisión del INE/);
    expect(await eventsOf(stack, 'document:GRO:e15-proyecto')).toHaveLength(3);
  });

  it.each([
    ['deliverable', { deliverable: 35 }],
    ['ople', { ople: 'XX' }],
    ['submittedOn', { submittedOn: '2024-02-30' }],
    ['oficioNumber', { oficioNumber: 'sin número' }],
    ['documentKey', { documentKey: 'Bad Key!' }],
  ])('refuses bad %s with BAD_USER_INPUT naming the field, and starts nothing', async (field, change) => {
    const input = { ...draft15, documentKey: `bad-${field.toLowerCase()}`, ...change };
    const answer = await stack.gql(SUBMIT, { input });
    expect(answer.errors![0].extensions).toEqual({ code: 'BAD_USER_INPUT', field });
    expect(answer.errors![0].message.startsWith(`${field}:`)).toBe(true);
    const [{ count }] = await stack.db.query(
      "SELECT count(*)::int AS count FROM events WHERE stream_id LIKE 'document:%:bad-%'",
    );
    expect(count).toBe(0);
    // Refused before any workflow started.
    await expect(
      stack.temporal.workflow.getHandle(`document:${input.ople}:${input.documentKey}`).describe(),
    ).rejects.toThrow(/not found/i);
  });

  it('answers NOT_FOUND for a document nobody submitted', async () => {
    const answer = await stack.gql(DOCUMENT, { id: 'document:GRO:e99-nunca' });
    expect(answer.errors![0].extensions).toEqual({ code: 'NOT_FOUND', field: 'id' });
  });

  it('serves the schema committed in apps/gateway/schema.gql (UPDATE_SCHEMA=1 rewrites it)', () => {
    const committedPath = join(repoRoot(), 'apps', 'gateway', 'schema.gql');
    const generated = readFileSync(stack.generatedSchema, 'utf8');
    if (process.env.UPDATE_SCHEMA === '1') writeFileSync(committedPath, generated);
    expect(generated).toBe(readFileSync(committedPath, 'utf8'));
  });

  it('exposes Prometheus metrics to an ADMIN: request latency by root field, workflow starts, escalations', async () => {
    expect((await fetch(stack.graphqlUrl.replace('/graphql', '/metrics'))).status).toBe(401);
    const response = await fetch(stack.graphqlUrl.replace('/graphql', '/metrics'), {
      headers: { authorization: `Bearer ${stack.adminToken}` },
    });
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toMatch(
      /seguimiento_graphql_request_duration_seconds_count\{operation="submitDocument",outcome="ok"\} \d+/,
    );
    expect(text).toMatch(/seguimiento_workflow_start_requests_total\{workflow="documentWorkflow"\} [1-9]/);
    expect(text).toContain('# HELP seguimiento_escalations_raised');
  });

  it('logs each request as one JSON line with its request id, echoed to the caller', async () => {
    const response = await fetch(stack.graphqlUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-request-id': 'prueba-123',
        authorization: `Bearer ${stack.adminToken}`,
      },
      body: JSON.stringify({ operationName: 'Uno', query: 'query Uno { dashboard { overdueCount } }' }),
    });
    expect(response.headers.get('x-request-id')).toBe('prueba-123');
    await response.text();
    const line = stack.requestLines.map((l) => JSON.parse(l)).find((l) => l.requestId === 'prueba-123');
    expect(line).toMatchObject({
      level: 'info',
      msg: 'request',
      method: 'POST',
      path: '/graphql',
      operation: 'Uno',
      status: 200,
    });
    expect(typeof line.ms).toBe('number');
  });

  it('reports ready when PostgreSQL and Temporal answer', async () => {
    const response = await fetch(stack.graphqlUrl.replace('/graphql', '/ready'));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ready', postgres: 'ok', temporal: 'ok' });
  });
});
