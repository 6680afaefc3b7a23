import { DomainError } from '@app/platform';

import { RuleViolation } from './rulebook.rules';

export const RulebookErrors = {
  missing: () => new DomainError('RULEBOOK.MISSING', 'this node has no rulebook yet', 'not-found'),
  inconsistent: (violations: RuleViolation[]) =>
    new DomainError(violations[0].rule, violations.map((v) => v.message).join('; '), 'conflict', { violations }),
};
