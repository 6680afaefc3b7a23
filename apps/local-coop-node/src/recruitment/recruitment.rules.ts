import type { HireRequestEnding } from '@app/contracts';

/** Where a request to hire stands on the node; `refused` is the hub refusing it, the others the candidate's answer or the pool's. */
export const HIRE_REQUEST_STATUSES = ['sent', 'waiting', 'refused', 'declined', 'withdrawn', 'closed', 'accepted'] as const;
export type HireRequestStatus = (typeof HIRE_REQUEST_STATUSES)[number];

export const APPLICANT_STATUSES = ['applicant', 'hired', 'not-hired'] as const;
export type ApplicantStatus = (typeof APPLICANT_STATUSES)[number];

/** A broken rule: a stable code, a sentence naming the rule and values, and whether the request or the records are at fault. */
export interface RecruitmentViolation {
  code: string;
  message: string;
  kind: 'invalid' | 'conflict';
}

/** Dates are 'YYYY-MM-DD' strings throughout, so they compare correctly as text. */
export interface PoolableVacancy {
  status: 'open' | 'filled' | 'withdrawn';
  openedOn: string;
}

/**
 * The day the post starts, as the pool will show it: the one asked for, else the day the vacancy opens
 * or today, whichever is later. Candidates' checks are judged on it, so it is never in the past, and
 * a post does not start before its vacancy opens.
 */
export function poolStart(
  v: PoolableVacancy,
  requested: string | undefined,
  today: string,
): { startsOn: string } | { violation: RecruitmentViolation } {
  if (v.status !== 'open')
    return {
      violation: {
        code: 'RECRUITMENT.VACANCY_NOT_OPEN',
        message: `the vacancy is ${v.status}: only an open vacancy goes in the pool`,
        kind: 'conflict',
      },
    };
  if (requested === undefined) return { startsOn: v.openedOn > today ? v.openedOn : today };
  if (requested < today)
    return {
      violation: {
        code: 'RECRUITMENT.STARTS_IN_PAST',
        message: `startsOn ${requested} is in the past (today is ${today})`,
        kind: 'invalid',
      },
    };
  if (requested < v.openedOn)
    return {
      violation: {
        code: 'RECRUITMENT.STARTS_BEFORE_OPENING',
        message: `startsOn ${requested} is before the vacancy opens on ${v.openedOn}`,
        kind: 'conflict',
      },
    };
  return { startsOn: requested };
}

export function unpoolViolation(v: { pooled: boolean }): RecruitmentViolation | null {
  return v.pooled ? null : { code: 'RECRUITMENT.VACANCY_NOT_POOLED', message: 'the vacancy is not in the pool', kind: 'conflict' };
}

/** A request the co-op already made for the same candidate (the profile id the hub showed it). */
export interface EarlierRequest {
  vacancyId: string;
  status: HireRequestStatus;
}

/**
 * Whether the co-op may ask for this candidate for this vacancy: the vacancy open and in the pool, no
 * request for the same candidate and vacancy still going or accepted, and no decline from the candidate
 * before (they said no to this co-op; the hub refuses to ask them again).
 */
export function hireRequestViolation(
  vacancy: { status: string; pooled: boolean },
  vacancyId: string,
  earlier: EarlierRequest[],
): RecruitmentViolation | null {
  if (vacancy.status !== 'open')
    return { code: 'RECRUITMENT.VACANCY_NOT_OPEN', message: `the vacancy is ${vacancy.status}`, kind: 'conflict' };
  if (!vacancy.pooled)
    return { code: 'RECRUITMENT.VACANCY_NOT_POOLED', message: 'the vacancy is not in the pool: pool it first', kind: 'conflict' };
  const same = earlier.find((r) => r.vacancyId === vacancyId && ['sent', 'waiting', 'accepted'].includes(r.status));
  if (same)
    return {
      code: 'RECRUITMENT.ALREADY_REQUESTED',
      message: `a request for this candidate and vacancy is already ${same.status}`,
      kind: 'conflict',
    };
  if (earlier.some((r) => r.status === 'declined'))
    return {
      code: 'RECRUITMENT.DECLINED_BEFORE',
      message: 'the candidate declined a request from this co-op: they are not asked again',
      kind: 'conflict',
    };
  return null;
}

/** The hub's receipt for a request: applied, it is with the candidate; rejected, refused with the hub's reason. Only a request just sent moves. */
export function statusAfterReceipt(current: HireRequestStatus, outcome: 'applied' | 'rejected'): HireRequestStatus | null {
  if (current !== 'sent') return null;
  return outcome === 'applied' ? 'waiting' : 'refused';
}

/** How a request ended without an application; an accepted request (its application is here) stays accepted. */
export function statusAfterAnswer(current: HireRequestStatus, outcome: HireRequestEnding): HireRequestStatus | null {
  if (current === 'accepted' || current === outcome) return null;
  return outcome;
}

/**
 * The candidate's application arrived for a request: it is their acceptance, and wins over any ending
 * that overtook it on the way. An accepted request already has its applicant: nothing more to record.
 */
export function applicationIsNew(current: HireRequestStatus): boolean {
  return current !== 'accepted';
}

export function applicantDecisionViolation(a: { status: ApplicantStatus; erased: boolean }): RecruitmentViolation | null {
  if (a.erased) return { code: 'RECRUITMENT.APPLICANT_ERASED', message: "the applicant's details were erased", kind: 'conflict' };
  if (a.status !== 'applicant')
    return { code: 'RECRUITMENT.APPLICANT_DECIDED', message: `the applicant is already ${a.status}`, kind: 'conflict' };
  return null;
}

/** A label that replaces an erased applicant's name: stable, and naming nobody. */
export function erasedApplicantLabel(id: string): string {
  return `Erased applicant #${id.slice(0, 8)}`;
}

/** The day a vacancy filled from the pool closes: today, or the day it opens if that is later (it was filled ahead). */
export function fillingDay(v: { openedOn: string }, today: string): string {
  return v.openedOn > today ? v.openedOn : today;
}
