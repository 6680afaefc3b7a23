import { DomainError } from '@app/platform';

import type { ClearingViolation } from './clearing.rules';

export const TimeClearingErrors = {
  /** A rule of the clearing broken by what is recorded (the limit, a co-op's status): the paying node's receipt carries it. */
  broken: (v: ClearingViolation, details?: Record<string, unknown>) => new DomainError(v.rule, v.message, 'conflict', details),
  transferIdTaken: (id: string, coopId: string) =>
    new DomainError('TIMECLEARING.TRANSFER_ID_TAKEN', `transfer ${id} is already recorded, and not as ${coopId}'s payment`, 'conflict'),
  transferNotFound: (id: string) => new DomainError('TIMECLEARING.TRANSFER_NOT_FOUND', `clearing transfer ${id} not found`, 'not-found'),
  monthsInverted: (from: string, to: string) =>
    new DomainError('TIMECLEARING.MONTHS_INVERTED', `from (${from}) is after to (${to}): give the earlier month first`, 'invalid'),
};
