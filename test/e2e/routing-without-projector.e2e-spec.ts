import { backfillCaseOficios } from '@seguimiento/persistence';
import { type TestStack, startTestStack } from '../support/test-stack';
import { waitFor } from '../support/wait-for';

/**
 * The write side never waits for the read side (issue 14): an answer finds its case through the
 * `case_oficios` index the event store writes with the events, so with the projector stopped an
 * INE answer that cites the OPLE's oficio still lands on its document.
 */
const INE = `mutation($input: RecordIneOficioInput!) { recordIneOficio(input: $input) { kind alreadyRecorded } }`;
const OPLE = `mutation($input: RecordOpleOficioInput!) { recordOpleOficio(input: $input) { alreadyRecorded } }`;

describe('routing an oficio with the projector stopped', () => {
  let stack: TestStack;
  const pairs = async (table: string) =>
    (
      (await stack.db.query(
        `SELECT DISTINCT oficio_number, stream_id, ople FROM ${table} ORDER BY oficio_number, stream_id`,
      )) as Array<Record<string, string>>
    ).map((r) => `${r.oficio_number} ${r.stream_id} ${r.ople}`);

  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('routes an INE answer to the document whose oficio it cites, before the read models know the document', async () => {
    await stack.projector.stop();

    const first = await stack.gql(OPLE, {
      input: {
        ople: 'GRO',
        oficioNumber: 'IEPC/GRO/SE/0301/2024',
        date: '2024-03-04',
        deliverable: 12,
        versionKind: 'PROYECTO',
      },
    });
    expect(first.errors).toBeUndefined();
    const review = await stack.gql<{ recordIneOficio: { kind: string } }>(INE, {
      input: {
        ople: 'GRO',
        oficioNumber: 'INE/UTSI/0777/2024',
        date: '2024-03-08',
        outcome: 'OBSERVATIONS',
        references: ['IEPC/GRO/SE/0301/2024'],
      },
    });
    expect(review.errors).toBeUndefined();
    expect(review.data!.recordIneOficio.kind).toBe('REVIEW');

    // The answer is in the document's log; the read models have not seen the document at all.
    await waitFor(
      async () =>
        (
          await stack.db.query(`SELECT 1 FROM events WHERE stream_id = $1 AND type = 'IneAnswerRecorded'`, [
            'document:GRO:e12-proyecto',
          ])
        ).length === 1,
    );
    expect(
      await stack.db.query(`SELECT 1 FROM rm_correspondence WHERE stream_id = 'document:GRO:e12-proyecto'`),
    ).toEqual([]);
    expect(await pairs('case_oficios')).toEqual([
      'IEPC/GRO/SE/0301/2024 document:GRO:e12-proyecto GRO',
      'INE/UTSI/0777/2024 document:GRO:e12-proyecto GRO',
    ]);

    // Once the projector runs again, the register and the index agree.
    stack.projector.start();
    await waitFor(async () => (await pairs('rm_correspondence')).length === 2);
    expect(await pairs('rm_correspondence')).toEqual(await pairs('case_oficios'));
  });

  it('fills the index for events already stored with the same derivation (the migration)', async () => {
    const before = await pairs('case_oficios');
    const roles = async () => (await stack.db.query('SELECT * FROM case_oficios ORDER BY 1, 2, 4')) as unknown[];
    const rolesBefore = await roles();
    await stack.db.transaction(async (tx) => {
      await tx.query('DELETE FROM case_oficios');
      await backfillCaseOficios(tx, { pageSize: 1 });
    });
    expect(await pairs('case_oficios')).toEqual(before);
    expect(await roles()).toEqual(rolesBefore);
  });
});
