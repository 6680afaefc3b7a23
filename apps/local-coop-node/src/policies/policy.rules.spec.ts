import { ONBOARDING_LIMITS } from '@app/contracts';

import { policyAdoptionViolation, repeatedPolicyKey } from './policy.rules';

const TODAY = '2026-06-15';

describe('adopting a version of a policy', () => {
  it('takes a first version of a new policy dated today or earlier, whatever its number', () => {
    expect(policyAdoptionViolation(null, { version: 1, adoptedOn: TODAY }, TODAY, 0)).toBeNull();
    expect(policyAdoptionViolation(null, { version: 7, adoptedOn: '2019-02-01' }, TODAY, 3)).toBeNull();
  });

  it('refuses a date in the future, naming adoptedOn, even by one day', () => {
    expect(policyAdoptionViolation(null, { version: 1, adoptedOn: '2026-06-16' }, TODAY, 0)).toEqual({
      rule: 'POLICY.ADOPTED_IN_FUTURE',
      message: 'adoptedOn 2026-06-16 is in the future (today is 2026-06-15)',
      kind: 'invalid',
    });
  });

  it('refuses a version that does not go up, at the edge included', () => {
    const current = { version: 3, adoptedOn: '2025-01-10' };
    expect(policyAdoptionViolation(current, { version: 3, adoptedOn: TODAY }, TODAY, 4)).toMatchObject({
      rule: 'POLICY.VERSION_NOT_LATER',
      message: 'version 3 must be higher than version 3 in force',
    });
    expect(policyAdoptionViolation(current, { version: 2, adoptedOn: TODAY }, TODAY, 4)?.rule).toBe('POLICY.VERSION_NOT_LATER');
    expect(policyAdoptionViolation(current, { version: 4, adoptedOn: TODAY }, TODAY, 4)).toBeNull();
  });

  it('refuses a later version dated before the one it replaces, and takes one dated the same day', () => {
    const current = { version: 3, adoptedOn: '2025-01-10' };
    expect(policyAdoptionViolation(current, { version: 4, adoptedOn: '2025-01-09' }, TODAY, 4)?.rule).toBe('POLICY.ADOPTED_BEFORE_CURRENT');
    expect(policyAdoptionViolation(current, { version: 4, adoptedOn: '2025-01-10' }, TODAY, 4)).toBeNull();
  });

  it('refuses a new policy once the co-op holds as many as a template set can carry, but not a new version of one', () => {
    const full = ONBOARDING_LIMITS.maxPolicies;
    expect(policyAdoptionViolation(null, { version: 1, adoptedOn: TODAY }, TODAY, full)?.rule).toBe('POLICY.TOO_MANY');
    expect(policyAdoptionViolation(null, { version: 1, adoptedOn: TODAY }, TODAY, full - 1)).toBeNull();
    expect(policyAdoptionViolation({ version: 1, adoptedOn: TODAY }, { version: 2, adoptedOn: TODAY }, TODAY, full)).toBeNull();
  });
});

describe('a set of policy templates', () => {
  it('finds the first key named twice', () => {
    expect(repeatedPolicyKey([{ key: 'a' }, { key: 'b' }, { key: 'a' }, { key: 'b' }])).toEqual({ index: 2, key: 'a' });
  });

  it('finds none in distinct keys or an empty set', () => {
    expect(repeatedPolicyKey([{ key: 'a' }, { key: 'b' }])).toBeNull();
    expect(repeatedPolicyKey([])).toBeNull();
  });
});
