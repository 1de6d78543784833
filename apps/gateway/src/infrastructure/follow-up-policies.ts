import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_POLICY, type FollowUpPolicy, findOple, policyWith, validateIdentity } from '@seguimiento/domain';
import type { FollowUpPolicySource } from '@seguimiento/application';
import { repoRoot } from '@seguimiento/runtime';

/**
 * Each OPLE's follow-up policy (calendar or business days, closed days, periods, escalation),
 * read once from `SEGUIMIENTO_POLICIES_FILE` (default config/follow-up-policies.json). A policy is
 * fixed into a case when it opens, so changing the file affects new cases only.
 */
export class FollowUpPolicies implements FollowUpPolicySource {
  constructor(
    private readonly byOple: ReadonlyMap<string, FollowUpPolicy>,
    private readonly fallback: FollowUpPolicy,
  ) {}

  static fromFile(
    path = process.env.SEGUIMIENTO_POLICIES_FILE || join(repoRoot(), 'config', 'follow-up-policies.json'),
  ): FollowUpPolicies {
    let raw: { default?: Partial<FollowUpPolicy>; oples?: Record<string, Partial<FollowUpPolicy>> };
    try {
      raw = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      throw new Error(`${path}: cannot read the follow-up policies (${(error as Error).message})`);
    }
    return FollowUpPolicies.from(raw, path);
  }

  static from(
    raw: { default?: Partial<FollowUpPolicy>; oples?: Record<string, Partial<FollowUpPolicy>> },
    source = 'policies',
  ): FollowUpPolicies {
    const check = (where: string, policy: Partial<FollowUpPolicy>) => {
      try {
        // The domain's own checks, through a probe identity that is otherwise valid.
        validateIdentity({
          documentId: 'document:GRO:probe',
          ople: 'GRO',
          deliverable: 1,
          versionKind: 'PROYECTO',
          policy,
        });
      } catch (error) {
        throw new Error(`${source}: ${where}.${(error as Error).message}`);
      }
    };
    const fallback = policyWith({ ...DEFAULT_POLICY, ...(raw.default ?? {}) });
    check('default', fallback);
    const byOple = new Map<string, FollowUpPolicy>();
    for (const [ople, overrides] of Object.entries(raw.oples ?? {})) {
      if (!findOple(ople))
        throw new Error(`${source}: oples.${ople}: not a known OPLE id (use the state's ISO code, e.g. GRO)`);
      check(`oples.${ople}`, overrides);
      byOple.set(ople, { ...fallback, ...overrides });
    }
    return new FollowUpPolicies(byOple, fallback);
  }

  of(ople: string): FollowUpPolicy {
    return this.byOple.get(ople) ?? this.fallback;
  }
}
