import { type MatrixDocument, documentMatrix } from './document-matrix';

const doc = (over: Partial<MatrixDocument>): MatrixDocument => ({
  id: 'document:GRO:e15-proyecto',
  ople: 'GRO',
  deliverable: 15,
  versionKind: 'PROYECTO',
  status: 'RESOLVED',
  dueAt: null,
  escalationLevel: 0,
  ...over,
});

describe('the national view’s cells', () => {
  const now = '2024-03-22T18:00:00.000Z';

  it('groups by OPLE × entregable × version: the most urgent status, the overdue count, the highest level, the lone document', () => {
    const cells = documentMatrix(
      [
        doc({ id: 'document:GRO:e3-2024-02', deliverable: 3, versionKind: 'FINAL', status: 'RESOLVED' }),
        doc({
          id: 'document:GRO:e3-2024-03',
          deliverable: 3,
          versionKind: 'FINAL',
          status: 'EXPECTED',
          dueAt: '2024-03-20T06:00:00.000Z',
          escalationLevel: 2,
        }),
        doc({
          id: 'document:GRO:e3-2024-04',
          deliverable: 3,
          versionKind: 'FINAL',
          status: 'UNDER_REVIEW',
          dueAt: now,
        }),
        doc({ ople: 'MEX', id: 'document:MEX:e15-proyecto', status: 'OBSERVED', dueAt: '2024-03-23T06:00:00.000Z' }),
        doc({}),
      ],
      now,
    );
    expect(cells).toEqual([
      {
        ople: 'GRO',
        deliverable: 3,
        versionKind: 'FINAL',
        documents: 3,
        status: 'UNDER_REVIEW',
        overdue: 2,
        escalationLevel: 2,
        documentId: null,
      },
      {
        ople: 'GRO',
        deliverable: 15,
        versionKind: 'PROYECTO',
        documents: 1,
        status: 'RESOLVED',
        overdue: 0,
        escalationLevel: 0,
        documentId: 'document:GRO:e15-proyecto',
      },
      {
        ople: 'MEX',
        deliverable: 15,
        versionKind: 'PROYECTO',
        documents: 1,
        status: 'OBSERVED',
        overdue: 0,
        escalationLevel: 0,
        documentId: 'document:MEX:e15-proyecto',
      },
    ]);
  });

  it('judges overdue at the instant asked (a deadline at that very instant has passed)', () => {
    const d = [doc({ dueAt: '2024-03-22T18:00:00.000Z' })];
    expect(documentMatrix(d, '2024-03-22T17:59:59.999Z')[0].overdue).toBe(0);
    expect(documentMatrix(d, now)[0].overdue).toBe(1);
  });

  it('has no cell without documents', () => {
    expect(documentMatrix([], now)).toEqual([]);
  });
});
