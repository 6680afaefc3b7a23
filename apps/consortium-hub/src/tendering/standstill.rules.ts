import { workingDaysPeriodEnd } from '@app/platform/calendar';

/**
 * The Procurement Act 2023's standstill (s.51): after the award decision (the contract award notice),
 * a period of eight working days, beginning with the day of the notice, before the contracts may be
 * entered into, so a bidder can challenge. Working days are the Act's (s.123): weekdays that are a
 * bank holiday in no part of the UK (libs/platform/src/calendar). The period ends at midnight, UK time, at the
 * end of its eighth working day.
 *
 * A challenge recorded during the standstill holds the contracts until staff record its outcome:
 * dismissed or withdrawn lets them become final (once the standstill is over); upheld sets the award
 * decision aside, and the council decides again (a new standstill follows).
 */
export const STANDSTILL_WORKING_DAYS = 8;

export const CHALLENGE_OUTCOMES = ['dismissed', 'withdrawn', 'upheld'] as const;
export type ChallengeOutcome = (typeof CHALLENGE_OUTCOMES)[number];

export function standstillOf(decidedAt: Date): { lastDay: string; endsAt: Date } {
  return workingDaysPeriodEnd(decidedAt, STANDSTILL_WORKING_DAYS);
}

export interface ChallengeViolation {
  rule: string;
  message: string;
  kind: 'invalid' | 'conflict';
}

/** A challenge is recorded while the tender is in its standstill, and made no later than now, nor before the decision. */
export function challengeRefusal(
  t: { stage: string; decidedAt: Date | null; standstillEndsAt: Date | null },
  madeAt: Date,
  now: Date,
): ChallengeViolation | null {
  if (t.stage !== 'standstill' || !t.decidedAt || !t.standstillEndsAt)
    return {
      rule: 'TENDERING.NOT_IN_STANDSTILL',
      kind: 'conflict',
      message: `a tender that is ${t.stage} is not in its standstill: a challenge is recorded during the standstill`,
    };
  if (madeAt > now) return { rule: 'TENDERING.CHALLENGE_DATE', kind: 'invalid', message: 'madeAt must not be in the future' };
  if (madeAt < t.decidedAt)
    return {
      rule: 'TENDERING.CHALLENGE_DATE',
      kind: 'invalid',
      message: `madeAt ${madeAt.toISOString()} is before the award decision at ${t.decidedAt.toISOString()}`,
    };
  if (madeAt >= t.standstillEndsAt)
    return {
      rule: 'TENDERING.STANDSTILL_OVER',
      kind: 'conflict',
      message: `the challenge was made at ${madeAt.toISOString()}, after the standstill ended at ${t.standstillEndsAt.toISOString()}`,
    };
  return null;
}

/** An outcome is recorded once. */
export function outcomeRefusal(challenge: { outcome: string | null }): ChallengeViolation | null {
  return challenge.outcome
    ? {
        rule: 'TENDERING.CHALLENGE_DECIDED',
        kind: 'conflict',
        message: `the challenge's outcome was already recorded: ${challenge.outcome}`,
      }
    : null;
}
