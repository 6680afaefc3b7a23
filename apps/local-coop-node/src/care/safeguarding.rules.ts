import type { SafeguardingOutcome } from '@app/contracts';

import type { CareViolation } from './care.rules';

/** A concern's referral and outcome, as recorded or as a change would leave them. */
export interface ConcernState {
  raisedOn: string;
  referredOn: string | null;
  outcome: SafeguardingOutcome;
  closedOn: string | null;
}

/**
 * The days of a concern must run in order and none may lie ahead of today: raised, then referred to
 * the council (if it was), then closed; an open concern has no closing day and a closed one has one.
 */
export function concernViolation(c: ConcernState, today: string): CareViolation | null {
  if (c.raisedOn > today) return { rule: 'CARE.SAFEGUARDING_IN_FUTURE', message: `raisedOn ${c.raisedOn} is after today (${today})` };
  if (c.referredOn !== null && c.referredOn < c.raisedOn)
    return { rule: 'CARE.SAFEGUARDING_DATES', message: `referredOn ${c.referredOn} is before the concern was raised on ${c.raisedOn}` };
  if (c.referredOn !== null && c.referredOn > today)
    return { rule: 'CARE.SAFEGUARDING_IN_FUTURE', message: `referredOn ${c.referredOn} is after today (${today})` };
  if (c.outcome === 'open' && c.closedOn !== null)
    return { rule: 'CARE.SAFEGUARDING_DATES', message: 'closedOn is only given with a closing outcome; an open concern has none' };
  if (c.outcome !== 'open' && c.closedOn === null)
    return { rule: 'CARE.SAFEGUARDING_DATES', message: `closedOn is required with the outcome ${c.outcome}` };
  if (c.closedOn !== null && c.closedOn < c.raisedOn)
    return { rule: 'CARE.SAFEGUARDING_DATES', message: `closedOn ${c.closedOn} is before the concern was raised on ${c.raisedOn}` };
  if (c.closedOn !== null && c.closedOn > today)
    return { rule: 'CARE.SAFEGUARDING_IN_FUTURE', message: `closedOn ${c.closedOn} is after today (${today})` };
  if (c.closedOn !== null && c.referredOn !== null && c.closedOn < c.referredOn)
    return { rule: 'CARE.SAFEGUARDING_DATES', message: `closedOn ${c.closedOn} is before the referral on ${c.referredOn}` };
  return null;
}

/**
 * What may change once a concern is recorded: a closed concern is final (a new concern is raised
 * instead), and a referral made to the council cannot be unmade, only its day corrected.
 */
export function concernChangeViolation(current: ConcernState, next: ConcernState): CareViolation | null {
  if (current.outcome !== 'open')
    return {
      rule: 'CARE.SAFEGUARDING_CLOSED',
      message: `the concern closed on ${current.closedOn} (${current.outcome}) and cannot change`,
    };
  if (current.referredOn !== null && next.referredOn === null)
    return {
      rule: 'CARE.SAFEGUARDING_REFERRAL_MADE',
      message: `the concern was referred to the council on ${current.referredOn}; a referral cannot be withdrawn`,
    };
  return null;
}
