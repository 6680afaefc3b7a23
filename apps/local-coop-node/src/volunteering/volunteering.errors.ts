import { DomainError } from '@app/platform';

import type { ExpenseStatus } from './expense.rules';
import type { RuleViolation } from './volunteer.rules';

export const VolunteeringErrors = {
  volunteerNotFound: (id: string) => new DomainError('VOLUNTEERING.VOLUNTEER_NOT_FOUND', `volunteer ${id} not found`, 'not-found'),
  expenseNotFound: (id: string) => new DomainError('VOLUNTEERING.EXPENSE_NOT_FOUND', `expense claim ${id} not found`, 'not-found'),
  acrossCoopsTransferNotFound: (id: string) =>
    new DomainError('TIMEBANK.TRANSFER_NOT_FOUND', `transfer across co-ops ${id} not found`, 'not-found'),
  memberAlreadyVolunteer: (memberId: string) =>
    new DomainError('VOLUNTEERING.MEMBER_ALREADY_VOLUNTEER', `member ${memberId} already has a volunteer record`, 'conflict'),
  /** A rule of the feature broken by what the data already says. */
  broken: (v: RuleViolation, details?: Record<string, unknown>) => new DomainError(v.rule, v.message, 'conflict', details),
  /** A request that contradicts itself, whatever is stored. */
  invalid: (v: RuleViolation) => new DomainError(v.rule, v.message, 'invalid'),
  expenseTransition: (v: RuleViolation, currentStatus: ExpenseStatus, allowedActions: string[]) =>
    new DomainError(v.rule, v.message, 'conflict', { currentStatus, allowedActions }),
};
