import { DomainError } from '@app/platform';

import type { SpinOffViolation } from './onboarding.rules';

export const OnboardingErrors = {
  rule: (v: SpinOffViolation) => new DomainError(v.code, v.message, v.kind),
  /** The hub asked for templates for this co-op itself: a co-op is not its own spin-off. */
  ownCoop: (coopId: string) =>
    new DomainError('ONBOARDING.OWN_COOP', `spinOffCoopId ${coopId} is this co-op's own id: a co-op is not its own spin-off`, 'conflict'),
  proposalNotFound: (id: string) => new DomainError('ONBOARDING.PROPOSAL_NOT_FOUND', `spin-off proposal ${id} not found`, 'not-found'),
};
