import { DomainError } from '@app/platform';

import type { ArrivedTooLate } from './review.rules';

export const ReportingErrors = {
  unknownMetric: (id: string, known: readonly string[]) =>
    new DomainError('REPORTING.UNKNOWN_METRIC', `metric ${id} is not in the return definition; it has ${known.join(', ')}`, 'invalid'),
  nothingToPublish: (label: string) =>
    new DomainError(
      'REPORTING.NOTHING_TO_PUBLISH',
      `no ${label} return is approved yet: approve at least one before publishing`,
      'conflict',
    ),
  releaseUnchanged: (number: number) =>
    new DomainError(
      'REPORTING.RELEASE_UNCHANGED',
      `release ${number} already holds exactly the approved returns: nothing new to publish`,
      'conflict',
    ),
  notPublished: (label: string) => new DomainError('REPORTING.NOT_PUBLISHED', `no ${label} report has been published yet`, 'not-found'),
  releaseNotFound: (label: string, number: number) =>
    new DomainError('REPORTING.RELEASE_NOT_FOUND', `the ${label} report has no release ${number}`, 'not-found'),
  cycleNotFound: (id: string) => new DomainError('REPORTING.CYCLE_NOT_FOUND', `return cycle ${id} not found`, 'not-found'),
  cycleExists: (label: string) => new DomainError('REPORTING.CYCLE_EXISTS', `a cycle for ${label} is already open`, 'conflict'),
  periodNotStarted: (label: string) => new DomainError('REPORTING.PERIOD_NOT_STARTED', `period ${label} has not started yet`, 'invalid'),
  periodTypeNotAllowed: (label: string, definition: string, allowed: string) =>
    new DomainError('REPORTING.PERIOD_TYPE_NOT_ALLOWED', `${definition} cannot be asked for ${label}: it allows ${allowed}`, 'invalid'),
  dueBeforePeriodEnd: () => new DomainError('REPORTING.DUE_TOO_EARLY', 'dueAt must be after the period ends', 'invalid'),
  submissionInvalid: (problems: string[]) => new DomainError('REPORTING.SUBMISSION_INVALID', problems.join('; '), 'invalid', { problems }),
  wrongPeriod: (expected: string, got: string) =>
    new DomainError('REPORTING.WRONG_PERIOD', `the cycle is for ${expected}, the return is for ${got}`, 'invalid'),
  // Sign-off, send-back, locking and exceptions (review.rules.ts).
  coopNotFound: (id: string) => new DomainError('REPORTING.COOP_NOT_FOUND', `co-op ${id} not found`, 'not-found'),
  noCurrentReturn: (coopId: string, period: string) =>
    new DomainError('REPORTING.NO_CURRENT_RETURN', `co-op ${coopId} has no return for ${period} to review`, 'conflict'),
  notCurrentReturn: (messageId: string, current: string) =>
    new DomainError(
      'REPORTING.NOT_CURRENT_RETURN',
      `return ${messageId} is not the co-op's current return (${current} is): look at the current one first`,
      'conflict',
      { currentMessageId: current },
    ),
  alreadyApproved: (messageId: string) =>
    new DomainError('REPORTING.ALREADY_APPROVED', `return ${messageId} is already approved`, 'conflict'),
  alreadySentBack: (messageId: string) =>
    new DomainError(
      'REPORTING.ALREADY_SENT_BACK',
      `return ${messageId} has already been sent back; the co-op has not resubmitted yet`,
      'conflict',
    ),
  returnApproved: (approvedAt: Date) =>
    new DomainError(
      'REPORTING.RETURN_APPROVED',
      `the return was approved on ${approvedAt.toISOString()}; ask consortium staff to send it back before resubmitting`,
      'conflict',
    ),
  cycleLocked: (locksAt: Date, exceptionEndedAt: Date | null, arrivedTooLate: ArrivedTooLate | null = null) =>
    new DomainError(
      'REPORTING.CYCLE_LOCKED',
      `cycle locked since ${locksAt.toISOString()}` +
        (exceptionEndedAt ? `; the co-op's exception ended at ${exceptionEndedAt.toISOString()}` : '') +
        (arrivedTooLate
          ? `; the return says it was made at ${arrivedTooLate.madeAt.toISOString()}, before ${arrivedTooLate.claimedBefore.toISOString()}, ` +
            `but reached the hub at ${arrivedTooLate.receivedAt.toISOString()}, more than ${arrivedTooLate.graceHours} hours after that, so its time no longer counts`
          : '') +
        '; ask consortium staff for an exception',
      'conflict',
    ),
  madeBeforeOpened: (madeAt: Date, openedAt: Date, allowanceMs: number) =>
    new DomainError(
      'REPORTING.MADE_BEFORE_OPENED',
      `the return says it was made at ${madeAt.toISOString()}, before the cycle opened at ${openedAt.toISOString()} ` +
        `(allowing ${Math.round(allowanceMs / 1000)} s for the node's clock): a return cannot be made before the hub asked for it; check the node's clock and submit again`,
      'invalid',
    ),
  clockAhead: (reason: string) => new DomainError('REPORTING.CLOCK_AHEAD', reason, 'invalid'),
  exceptionNotFuture: (until: string) =>
    new DomainError('REPORTING.EXCEPTION_NOT_FUTURE', `until must be in the future, not ${until}`, 'invalid'),
  exceptionBeforeLock: (until: string, locksAt: Date) =>
    new DomainError(
      'REPORTING.EXCEPTION_BEFORE_LOCK',
      `until ${until} is before the cycle locks (${locksAt.toISOString()}): the co-op can submit until then without an exception`,
      'invalid',
    ),
};
