import { deadlineOn } from './deadline';
import { escalationKey, escalationLadder, nextEscalation } from './escalation';
import { policyWith } from './policy';

const policy = policyWith();
const deadline = deadlineOn('OPLE', 'DELIVERY', '2024-04-07'); // passes at 2024-04-08T06:00Z

describe('escalation ladder', () => {
  it('reminds 2 days before, marks OVERDUE when the day ends, then levels 1–3 after 1, 3 and 7 days', () => {
    expect(escalationLadder(deadline, policy)).toEqual([
      { step: 'REMINDER', at: '2024-04-06T06:00:00.000Z' },
      { step: 'OVERDUE', at: '2024-04-08T06:00:00.000Z' },
      { step: 'LEVEL_1', at: '2024-04-09T06:00:00.000Z' },
      { step: 'LEVEL_2', at: '2024-04-11T06:00:00.000Z' },
      { step: 'LEVEL_3', at: '2024-04-15T06:00:00.000Z' },
    ]);
  });

  it('follows the configured reminder and grace periods', () => {
    const ladder = escalationLadder(deadline, policyWith({ reminderDaysBefore: 1, escalationGraceDays: [2, 4, 10] }));
    expect(ladder.map((p) => p.at.slice(0, 10))).toEqual([
      '2024-04-07',
      '2024-04-08',
      '2024-04-10',
      '2024-04-12',
      '2024-04-18',
    ]);
  });

  it('sleeps until the reminder when nothing is due yet', () => {
    expect(nextEscalation(deadline, new Set(), '2024-04-01T00:00:00Z', policy)).toEqual({
      due: null,
      next: { step: 'REMINDER', at: '2024-04-06T06:00:00.000Z' },
    });
  });

  it('fires the step that is due, then plans the following one', () => {
    const fired = new Set([escalationKey(deadline, 'REMINDER')]);
    expect(nextEscalation(deadline, fired, '2024-04-08T06:00:00.000Z', policy)).toEqual({
      due: { step: 'OVERDUE', at: '2024-04-08T06:00:00.000Z' },
      next: { step: 'LEVEL_1', at: '2024-04-09T06:00:00.000Z' },
    });
  });

  it('discovering a ladder late fires only its highest due step, not every rung', () => {
    expect(nextEscalation(deadline, new Set(), '2024-04-12T00:00:00Z', policy)).toEqual({
      due: { step: 'LEVEL_2', at: '2024-04-11T06:00:00.000Z' },
      next: { step: 'LEVEL_3', at: '2024-04-15T06:00:00.000Z' },
    });
  });

  it('has nothing left once every step fired, and nothing at all without a deadline', () => {
    const all = new Set(escalationLadder(deadline, policy).map((p) => escalationKey(deadline, p.step)));
    expect(nextEscalation(deadline, all, '2024-05-01T00:00:00Z', policy)).toEqual({ due: null, next: null });
    expect(nextEscalation(null, new Set(), '2024-05-01T00:00:00Z', policy)).toEqual({ due: null, next: null });
  });

  it('an extension is a new deadline: its ladder starts afresh', () => {
    const fired = new Set([escalationKey(deadline, 'REMINDER'), escalationKey(deadline, 'OVERDUE')]);
    const extended = deadlineOn('OPLE', 'DELIVERY', '2024-04-14');
    expect(nextEscalation(extended, fired, '2024-04-09T00:00:00Z', policy)).toEqual({
      due: null,
      next: { step: 'REMINDER', at: '2024-04-13T06:00:00.000Z' },
    });
  });
});
