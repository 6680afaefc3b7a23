import { ONBOARDING_LIMITS } from '@app/contracts';

/** A broken rule about a policy document: a stable code, a sentence naming the field, and how bad. */
export interface PolicyViolation {
  rule: string;
  message: string;
  kind: 'invalid' | 'conflict';
}

/** The version of a policy in force, as a new version is measured against it. */
export interface PolicyInForce {
  version: number;
  adoptedOn: string;
}

/**
 * Whether a version of a policy may be adopted: never dated in the future, and a later version of a
 * policy in force (its number higher, its date not before the one it replaces). A new policy needs a
 * free place: every policy travels to a spin-off as a template, and a template set is bounded.
 */
export function policyAdoptionViolation(
  current: PolicyInForce | null,
  next: PolicyInForce,
  today: string,
  policiesHeld: number,
): PolicyViolation | null {
  if (next.adoptedOn > today)
    return {
      rule: 'POLICY.ADOPTED_IN_FUTURE',
      message: `adoptedOn ${next.adoptedOn} is in the future (today is ${today})`,
      kind: 'invalid',
    };
  if (!current) {
    if (policiesHeld >= ONBOARDING_LIMITS.maxPolicies)
      return {
        rule: 'POLICY.TOO_MANY',
        message: `the co-op already has ${policiesHeld} policies, the most it can keep (and share with a spin-off)`,
        kind: 'conflict',
      };
    return null;
  }
  if (next.version <= current.version)
    return {
      rule: 'POLICY.VERSION_NOT_LATER',
      message: `version ${next.version} must be higher than version ${current.version} in force`,
      kind: 'conflict',
    };
  if (next.adoptedOn < current.adoptedOn)
    return {
      rule: 'POLICY.ADOPTED_BEFORE_CURRENT',
      message: `adoptedOn ${next.adoptedOn} is before ${current.adoptedOn}, when version ${current.version} in force was adopted`,
      kind: 'conflict',
    };
  return null;
}

/** The first policy whose key an earlier one already has (a template set names each policy once), or null. */
export function repeatedPolicyKey(policies: readonly { key: string }[]): { index: number; key: string } | null {
  const seen = new Set<string>();
  for (const [index, p] of policies.entries()) {
    if (seen.has(p.key)) return { index, key: p.key };
    seen.add(p.key);
  }
  return null;
}
