import { COPM_MEANINGFUL_CHANGE } from '@app/contracts';

/** A broken rule: a stable code and a sentence that names the rule and the values. */
export interface CareViolation {
  rule: string;
  message: string;
}

export const VISIT_STATUSES = ['planned', 'delivered', 'missed', 'cancelled'] as const;
export type VisitStatus = (typeof VISIT_STATUSES)[number];
export const VISIT_OUTCOMES = ['delivered', 'missed', 'cancelled'] as const;
export type VisitOutcome = (typeof VISIT_OUTCOMES)[number];

/**
 * The co-op's calendar: a visit belongs to the day, and the month, on which it starts in this zone.
 * (A node configuration variable would let a co-op outside Great Britain set its own.)
 */
export const CARE_TIME_ZONE = 'Europe/London';

const DAY = new Intl.DateTimeFormat('en-CA', { timeZone: CARE_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The co-op's calendar date, 'YYYY-MM-DD', on which an instant falls. */
export function localDateOf(instant: Date): string {
  const parts = Object.fromEntries(DAY.formatToParts(instant).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** The first day of a 'YYYY-MM' month and the first day of the month after. */
export function monthBounds(month: string): { first: string; next: string } {
  const [y, m] = month.split('-').map(Number);
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return { first: `${month}-01`, next: `${next}-01` };
}

/**
 * Only a planned visit can change: once delivered, missed or cancelled, its record is final (a visit
 * that happened late is delivered, not missed; a cancelled one is planned again as a new visit).
 */
export function visitChangeViolation(status: VisitStatus): CareViolation | null {
  switch (status) {
    case 'planned':
      return null;
    case 'delivered':
      return { rule: 'CARE.VISIT_ALREADY_DELIVERED', message: 'the visit has already been delivered' };
    case 'missed':
      return { rule: 'CARE.VISIT_ALREADY_MISSED', message: 'the visit has already been recorded as missed' };
    case 'cancelled':
      return { rule: 'CARE.VISIT_CANCELLED', message: 'the visit was cancelled' };
  }
}

export interface Support {
  startedOn: string;
  endedOn: string | null;
}

/** Support runs from its first day to its last, both included. */
export function isSupportedOn(s: Support, on: string): boolean {
  return s.startedOn <= on && (s.endedOn === null || s.endedOn >= on);
}

export function birthViolation(dateOfBirth: string, startedOn: string): CareViolation | null {
  if (dateOfBirth > startedOn)
    return { rule: 'CARE.BORN_AFTER_START', message: `dateOfBirth ${dateOfBirth} is after startedOn ${startedOn}` };
  return null;
}

export function supportEndingViolation(s: Pick<Support, 'startedOn'>, endedOn: string | null): CareViolation | null {
  if (endedOn !== null && endedOn < s.startedOn)
    return { rule: 'CARE.ENDED_BEFORE_START', message: `endedOn ${endedOn} is before support started on ${s.startedOn}` };
  return null;
}

/** A visit needs both people: the person supported on its day, and a carer employed on it. */
export function visitDayViolation(day: string, support: Support, carerEmployed: boolean): CareViolation | null {
  if (!isSupportedOn(support, day)) {
    return {
      rule: 'CARE.SERVICE_USER_NOT_SUPPORTED',
      message: `the person is not supported on ${day} (from ${support.startedOn} to ${support.endedOn ?? 'now'})`,
    };
  }
  if (!carerEmployed) return { rule: 'CARE.CARER_NOT_EMPLOYED', message: `the carer is not employed by the co-op on ${day}` };
  return null;
}

export interface GoalScores {
  performanceAtStart: number;
  satisfactionAtStart: number;
  performanceAtReview: number | null;
  satisfactionAtReview: number | null;
}

/**
 * A goal improved when the person scores either their performance or their satisfaction at least
 * `minimumRise` points higher at review than at the start; null until it is reviewed. COPM counts a
 * change of 2 points or more as clinically meaningful (a 1-point rise is within the measure's noise),
 * so that is the default; the return's versions 1 and 2 counted any rise and pass 1.
 */
export function goalImproved(g: GoalScores, minimumRise: number = COPM_MEANINGFUL_CHANGE): boolean | null {
  if (g.performanceAtReview === null || g.satisfactionAtReview === null) return null;
  return g.performanceAtReview - g.performanceAtStart >= minimumRise || g.satisfactionAtReview - g.satisfactionAtStart >= minimumRise;
}

export function countImproved(goals: GoalScores[], minimumRise: number = COPM_MEANINGFUL_CHANGE): number {
  return goals.filter((g) => goalImproved(g, minimumRise) === true).length;
}

export function carePlanDatesViolation(agreedOn: string, reviewDueOn: string): CareViolation | null {
  if (reviewDueOn <= agreedOn)
    return { rule: 'CARE.REVIEW_DUE_NOT_AFTER_AGREEMENT', message: `reviewDueOn ${reviewDueOn} must be after agreedOn ${agreedOn}` };
  return null;
}

/** A plan is reviewed once, after it was agreed, scoring every one of its goals exactly once. */
export function reviewViolation(
  plan: { agreedOn: string; reviewedOn: string | null; goalIds: string[] },
  reviewedOn: string,
  scoredGoalIds: string[],
): CareViolation | null {
  if (plan.reviewedOn !== null)
    return { rule: 'CARE.PLAN_ALREADY_REVIEWED', message: `the plan was already reviewed on ${plan.reviewedOn}; agree a new plan instead` };
  if (reviewedOn < plan.agreedOn)
    return { rule: 'CARE.REVIEW_BEFORE_AGREEMENT', message: `reviewedOn ${reviewedOn} is before the plan was agreed on ${plan.agreedOn}` };
  const scored = new Set(scoredGoalIds);
  const exact = scored.size === scoredGoalIds.length && scored.size === plan.goalIds.length && plan.goalIds.every((id) => scored.has(id));
  if (!exact)
    return { rule: 'CARE.REVIEW_GOALS_MISMATCH', message: `a review scores each of the plan's ${plan.goalIds.length} goals exactly once` };
  return null;
}

export function periodViolation(p: { from: string; to: string }): CareViolation | null {
  return p.from > p.to ? { rule: 'CARE.PERIOD_INVERTED', message: `to (${p.to}) must not be before from (${p.from})` } : null;
}

/** A share as a percentage to one decimal place, or null when there is nothing to share out. */
export function percentOf(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part * 1000) / whole) / 10;
}

/** A consortium contract the co-op holds, as far as tagging a visit needs it. */
export interface ContractTerms {
  serviceType: string;
  startsOn: string;
  endsOn: string;
}

/**
 * A visit may name the contract it delivers only if the co-op holds that contract (`contract` null:
 * it does not), the visit is of the contract's service type, and its day falls while the contract runs.
 */
export function visitContractViolation(
  visit: { serviceType: string; day: string },
  contractId: string,
  contract: ContractTerms | null,
): CareViolation | null {
  if (contract === null) return { rule: 'CARE.CONTRACT_NOT_HELD', message: `the co-op holds no consortium contract ${contractId}` };
  if (contract.serviceType !== visit.serviceType)
    return {
      rule: 'CARE.CONTRACT_SERVICE_MISMATCH',
      message: `contract ${contractId} is for ${contract.serviceType}, not ${visit.serviceType}`,
    };
  if (visit.day < contract.startsOn || visit.day > contract.endsOn)
    return {
      rule: 'CARE.CONTRACT_NOT_RUNNING',
      message: `contract ${contractId} runs from ${contract.startsOn} to ${contract.endsOn}, not on ${visit.day}`,
    };
  return null;
}
