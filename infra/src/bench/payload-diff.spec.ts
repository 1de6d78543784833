import { describeDifferences, payloadDifferences } from './payload-diff';

describe("a figure's payload against its baseline's", () => {
  it('finds nothing between equal JSON values, whatever the order of their keys', () => {
    const page = { totalCount: 2, edges: [{ node: { id: 'a', deadline: null, rounds: [{ number: 1 }] } }, { node: { id: 'b', deadline: { dueDate: '2024-03-01' }, rounds: [] } }] };
    const same = { edges: [{ node: { rounds: [{ number: 1 }], deadline: null, id: 'a' } }, { node: { rounds: [], id: 'b', deadline: { dueDate: '2024-03-01' } } }], totalCount: 2 };
    expect(payloadDifferences(page, same)).toEqual([]);
    expect(payloadDifferences([], [])).toEqual([]);
  });

  it('names each place that differs: a value, a type, a missing key, an array length or order', () => {
    expect(payloadDifferences({ overdueCount: 3, byStatus: [{ key: 'A', count: 1 }] }, { overdueCount: 2, byStatus: [{ key: 'A', count: '1' }] })).toEqual([
      { path: '$.byStatus[0].count', figure: 1, baseline: '1' },
      { path: '$.overdueCount', figure: 3, baseline: 2 },
    ]);
    expect(payloadDifferences({ oldestOverdue: null }, {})).toEqual([{ path: '$.oldestOverdue', figure: null, baseline: '(absent)' }]);
    expect(payloadDifferences({ a: [1, 2] }, { a: [2, 1] })).toEqual([
      { path: '$.a[0]', figure: 1, baseline: 2 },
      { path: '$.a[1]', figure: 2, baseline: 1 },
    ]);
    expect(payloadDifferences([1, 2, 3], [1, 2])).toEqual([{ path: '$.length', figure: 3, baseline: 2 }]);
    expect(payloadDifferences({ d: null }, { d: { dueDate: 'x' } })).toEqual([{ path: '$.d', figure: null, baseline: { dueDate: 'x' } }]);
  });

  it('stops at the limit, and describes each difference on one line', () => {
    const many = payloadDifferences(Array.from({ length: 50 }, (_, i) => i), Array.from({ length: 50 }, (_, i) => -i - 1), 3);
    expect(many).toHaveLength(3);
    expect(describeDifferences([{ path: '$.x', figure: 'a'.repeat(100), baseline: 1 }])).toEqual([`$.x: figure "${'a'.repeat(76)}…, baseline 1`]);
  });
});
