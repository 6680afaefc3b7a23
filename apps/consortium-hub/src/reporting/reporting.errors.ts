import { DomainError } from '@app/platform';

export const ReportingErrors = {
  cycleNotFound: (id: string) => new DomainError('REPORTING.CYCLE_NOT_FOUND', `return cycle ${id} not found`, 'not-found'),
  cycleExists: (label: string) => new DomainError('REPORTING.CYCLE_EXISTS', `a cycle for ${label} is already open`, 'conflict'),
  periodNotStarted: (label: string) => new DomainError('REPORTING.PERIOD_NOT_STARTED', `period ${label} has not started yet`, 'invalid'),
  dueBeforePeriodEnd: () => new DomainError('REPORTING.DUE_TOO_EARLY', 'dueAt must be after the period ends', 'invalid'),
  submissionInvalid: (problems: string[]) => new DomainError('REPORTING.SUBMISSION_INVALID', problems.join('; '), 'invalid', { problems }),
  wrongPeriod: (expected: string, got: string) => new DomainError('REPORTING.WRONG_PERIOD', `the cycle is for ${expected}, the return is for ${got}`, 'invalid'),
};
