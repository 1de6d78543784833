import { type DatabaseSnapshot, snapshotDifferences } from './database-snapshot';

const table = (columns: string[], rows: unknown[][]) => ({
  columns,
  rows: rows.map((r) => JSON.stringify(r)).sort(),
});

describe('what an upgrade changed in the rows a release left', () => {
  const before: DatabaseSnapshot = {
    events: table(
      ['position', 'type'],
      [
        [1, 'DocumentSubmitted'],
        [2, 'EscalationRaised'],
      ],
    ),
    migrations: table(['id', 'name'], [[1, 'CreateEvents1732406400000']]),
  };

  it('finds nothing when every row is kept (and new rows only where they are expected)', () => {
    const after: DatabaseSnapshot = {
      events: table(
        ['position', 'type'],
        [
          [2, 'EscalationRaised'],
          [1, 'DocumentSubmitted'],
        ],
      ),
      migrations: table(
        ['id', 'name'],
        [
          [1, 'CreateEvents1732406400000'],
          [2, 'Next1732407500000'],
        ],
      ),
    };
    expect(snapshotDifferences(before, after, ['migrations'])).toEqual([]);
  });

  it('names each table whose rows were lost, altered or added, and each table or column gone', () => {
    expect(
      snapshotDifferences(before, {
        events: table(
          ['position', 'type'],
          [
            [1, 'DocumentSubmitted'],
            [2, 'EscalationAcknowledged'],
          ],
        ),
        migrations: table(
          ['id', 'name'],
          [
            [1, 'CreateEvents1732406400000'],
            [2, 'Next1732407500000'],
          ],
        ),
      }),
    ).toEqual([
      'events: 1 rows changed or gone, e.g. [2,"EscalationRaised"]',
      'events: 1 rows new or changed, e.g. [2,"EscalationAcknowledged"]',
      'migrations: 1 rows new or changed, e.g. [2,"Next1732407500000"]',
    ]);
    expect(snapshotDifferences(before, { events: table(['position'], [[1], [2]]) })).toEqual([
      'events: columns gone: type',
      'events: 2 rows changed or gone, e.g. [1,"DocumentSubmitted"]',
      'events: 2 rows new or changed, e.g. [1]',
      'migrations: the table is gone',
    ]);
  });

  it('counts a duplicated row as a new one', () => {
    const doubled = {
      ...before,
      events: table(
        ['position', 'type'],
        [
          [1, 'DocumentSubmitted'],
          [1, 'DocumentSubmitted'],
          [2, 'EscalationRaised'],
        ],
      ),
    };
    expect(snapshotDifferences(before, doubled)).toEqual([
      'events: 1 rows new or changed, e.g. [1,"DocumentSubmitted"]',
    ]);
  });
});
