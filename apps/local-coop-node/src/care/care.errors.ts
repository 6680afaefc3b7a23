import { DomainError } from '@app/platform';

import { CareViolation } from './care.rules';

export const CareErrors = {
  serviceUserNotFound: (id: string) => new DomainError('CARE.SERVICE_USER_NOT_FOUND', `service user ${id} not found`, 'not-found'),
  carePlanNotFound: (id: string) => new DomainError('CARE.CARE_PLAN_NOT_FOUND', `care plan ${id} not found`, 'not-found'),
  safeguardingConcernNotFound: (id: string) =>
    new DomainError('CARE.SAFEGUARDING_CONCERN_NOT_FOUND', `safeguarding concern ${id} not found`, 'not-found'),
  visitNotFound: (id: string) => new DomainError('CARE.VISIT_NOT_FOUND', `visit ${id} not found`, 'not-found'),
  /** A rule of care broken by the request, given the records as they stand. */
  rule: (v: CareViolation) => new DomainError(v.rule, v.message, 'conflict'),
  /** The request contradicts itself (its own fields are out of order). */
  invalid: (v: CareViolation) => new DomainError(v.rule, v.message, 'invalid'),
  visitsAfterEnd: (endedOn: string, count: number) =>
    new DomainError(
      'CARE.VISITS_AFTER_END',
      `${count} planned or delivered visit(s) fall after ${endedOn}; cancel or move them before ending support`,
      'conflict',
    ),
  alreadyErased: (id: string) => new DomainError('CARE.ALREADY_ERASED', `service user ${id} has already been erased`, 'conflict'),
  erased: (id: string) =>
    new DomainError('CARE.ERASED', `service user ${id} has been erased; what was kept of their record cannot be changed`, 'conflict'),
  nothingToChange: () => new DomainError('CARE.NOTHING_TO_CHANGE', 'the request changes no field', 'invalid'),
};
