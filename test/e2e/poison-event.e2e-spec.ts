import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { DATA_REFUSED, recordIneAnswerUpdate } from '@seguimiento/contracts';
import { type TestStack, startTestStack } from '../support/test-stack';

/**
 * No poison messages (issue 20, item 6): an event PostgreSQL refuses for its data (SQLSTATE
 * classes 22 and 23) is not retried forever by its activity, pinning its workflow. The command
 * that caused it is refused with the reason; the case goes on and takes the next command.
 * The gateway refuses such text at its door, so the event is injected straight into the workflow.
 */
const OPLE = `mutation($input: RecordOpleOficioInput!) { recordOpleOficio(input: $input) { alreadyRecorded } }`;
const DOCUMENT = 'document:GRO:e12-proyecto';

describe('an event PostgreSQL refuses for its data', () => {
  let stack: TestStack;
  const events = async () =>
    (
      (await stack.db.query('SELECT type FROM events WHERE stream_id = $1 ORDER BY stream_version', [
        DOCUMENT,
      ])) as Array<{
        type: string;
      }>
    ).map((r) => r.type);

  beforeAll(async () => {
    stack = await startTestStack();
    const submitted = await stack.gql(OPLE, {
      input: {
        ople: 'GRO',
        oficioNumber: 'IEPC/GRO/SE/0301/2024',
        date: '2024-03-04',
        deliverable: 12,
        versionKind: 'PROYECTO',
      },
    });
    expect(submitted.errors).toBeUndefined();
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('refuses the command at once with DATA_REFUSED, stores nothing, and the case takes the next command', async () => {
    const handle = stack.temporal.workflow.getHandle(DOCUMENT);
    const answer = (text: string, oficioNumber: string) => ({
      oficioNumber,
      date: '2024-03-08',
      outcome: 'OBSERVATIONS' as const,
      additionalObservations: false,
      references: ['IEPC/GRO/SE/0301/2024'],
      observations: [{ text }],
      actor: 'prueba',
    });
    const before = await events();
    expect(before.length).toBeGreaterThan(0);

    // A NUL character: jsonb refuses it (SQLSTATE 22P05). Before this fix the activity retried forever
    // and this update never answered (the test timed out).
    const refused = await handle
      .executeUpdate(recordIneAnswerUpdate, { args: [answer('a\u0000b', 'INE/UTSI/0777/2024')] })
      .then(
        () => null,
        (error: unknown) => error,
      );
    expect(refused).toBeInstanceOf(WorkflowUpdateFailedError);
    const cause = (refused as WorkflowUpdateFailedError).cause;
    expect(cause).toBeInstanceOf(ApplicationFailure);
    expect((cause as ApplicationFailure).type).toBe(DATA_REFUSED);
    expect((cause as ApplicationFailure).message).toMatch(/SQLSTATE 22P05/);
    // (The ladder of the long-past deadline may fire meanwhile; no answer was stored.)
    expect((await events()).filter((t) => t === 'IneAnswerRecorded')).toEqual([]);

    // Not pinned: the same case records the next, clean answer.
    const next = await handle.executeUpdate(recordIneAnswerUpdate, {
      args: [answer('Falta la firma', 'INE/UTSI/0778/2024')],
    });
    expect(next.changed).toBe(true);
    expect((await events()).filter((t) => t === 'IneAnswerRecorded')).toEqual(['IneAnswerRecorded']);
    expect((await handle.describe()).status.name).toBe('RUNNING');
  });
});
