import { DomainError } from '@app/platform';

import type { PolicyViolation } from './policy.rules';

export const PoliciesErrors = {
  notFound: (key: string) => new DomainError('POLICY.NOT_FOUND', `policy ${key} not found`, 'not-found'),
  rule: (v: PolicyViolation) => new DomainError(v.rule, v.message, v.kind),
};
