import { DomainError } from '@app/platform';

import { WorkforceViolation } from './workforce.rules';

export const WorkforceErrors = {
  staffNotFound: (id: string) => new DomainError('WORKFORCE.STAFF_NOT_FOUND', `staff member ${id} not found`, 'not-found'),
  vacancyNotFound: (id: string) => new DomainError('WORKFORCE.VACANCY_NOT_FOUND', `vacancy ${id} not found`, 'not-found'),
  /** A rule of employment broken by the request, given the records as they stand. */
  rule: (v: WorkforceViolation) => new DomainError(v.rule, v.message, 'conflict'),
  /** The request contradicts itself (its own fields are out of order). */
  invalid: (v: WorkforceViolation) => new DomainError(v.rule, v.message, 'invalid'),
  nothingToChange: () => new DomainError('WORKFORCE.NOTHING_TO_CHANGE', 'the request changes no field', 'invalid'),
};
