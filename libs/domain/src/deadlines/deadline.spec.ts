import { deadlineOn, isOverdue } from './deadline';

describe('overdue', () => {
  // 2026-03-10 ends at 06:00 UTC on the 11th in Mexico City (UTC-6).
  const deadline = deadlineOn('OPLE', 'DELIVERY', '2026-03-10');

  it('is overdue from the instant the deadline passes, not before', () => {
    expect(deadline.dueAt).toBe('2026-03-11T06:00:00.000Z');
    expect(isOverdue({ deadline }, '2026-03-11T05:59:59.999Z')).toBe(false);
    expect(isOverdue({ deadline }, '2026-03-11T06:00:00.000Z')).toBe(true);
    expect(isOverdue({ deadline }, '2026-04-01T00:00:00.000Z')).toBe(true);
  });

  it('is never overdue without a running deadline', () => {
    expect(isOverdue({ deadline: null }, '2099-01-01T00:00:00.000Z')).toBe(false);
  });
});
