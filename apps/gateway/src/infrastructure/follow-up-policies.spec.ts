import { DEFAULT_POLICY } from '@seguimiento/domain';
import { FollowUpPolicies } from './follow-up-policies';

describe('per-OPLE follow-up policies', () => {
  it('reads the committed configuration', () => {
    expect(FollowUpPolicies.fromFile().of('GRO')).toEqual(DEFAULT_POLICY);
  });

  it('lets an OPLE count business days with its own closed days, the rest keep the default', () => {
    const policies = FollowUpPolicies.from({ oples: { MEX: { dayCount: 'BUSINESS', closedDays: ['2025-03-28'] } } });
    expect(policies.of('MEX')).toEqual({ ...DEFAULT_POLICY, dayCount: 'BUSINESS', closedDays: ['2025-03-28'] });
    expect(policies.of('GRO')).toEqual(DEFAULT_POLICY);
  });

  it('names the entry and the field that is wrong', () => {
    expect(() => FollowUpPolicies.from({ oples: { XYZ: {} } })).toThrow('oples.XYZ: not a known OPLE id');
    expect(() => FollowUpPolicies.from({ oples: { MEX: { dayCount: 'WEEKDAYS' as never } } })).toThrow(
      'policies: oples.MEX.policy.dayCount: debe ser CALENDAR o BUSINESS.',
    );
    expect(() => FollowUpPolicies.from({ default: { opleAnswerDays: -2 } })).toThrow('default.policy.opleAnswerDays');
  });
});
