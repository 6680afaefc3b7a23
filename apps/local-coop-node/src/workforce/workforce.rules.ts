import type { ContractType } from '@app/contracts';
import { monthsBefore } from '@app/platform';

/** The posts a co-op employs people in: shared with the hub's recruitment pool, so the vocabulary lives in contracts. */
export { STAFF_ROLES, type StaffRole } from '@app/contracts';

export const VACANCY_STATUSES = ['open', 'filled', 'withdrawn'] as const;
export type VacancyStatus = (typeof VACANCY_STATUSES)[number];

/** A broken rule: a stable code and a sentence that names the rule and the values. */
export interface WorkforceViolation {
  rule: string;
  message: string;
}

/** Dates are 'YYYY-MM-DD' strings throughout, so they compare correctly as text. */
export interface Employment {
  startedOn: string;
  leftOn: string | null;
}

/** The leave date is the last day worked, so a leaver still counts as employed on it. */
export function isEmployedOn(e: Employment, on: string): boolean {
  return e.startedOn <= on && (e.leftOn === null || e.leftOn >= on);
}

export function leavingViolation(e: Employment, leftOn: string): WorkforceViolation | null {
  if (e.leftOn !== null) return { rule: 'WORKFORCE.ALREADY_LEFT', message: `this staff member already left on ${e.leftOn}` };
  if (leftOn < e.startedOn)
    return { rule: 'WORKFORCE.LEFT_BEFORE_START', message: `leftOn ${leftOn} is before the start date ${e.startedOn}` };
  return null;
}

/** Zero-hours and bank contracts guarantee no hours; a permanent contract must guarantee some. */
export function contractViolation(contractType: ContractType, minutesPerWeek: number): WorkforceViolation | null {
  if (contractType === 'permanent' && minutesPerWeek === 0) {
    return {
      rule: 'WORKFORCE.PERMANENT_WITHOUT_HOURS',
      message: 'a permanent contract must guarantee some hours a week (contracted minutes above 0)',
    };
  }
  return null;
}

export function paidAtLeastRealLivingWage(hourlyPayPence: number, realLivingWagePencePerHour: number): boolean {
  return hourlyPayPence >= realLivingWagePencePerHour;
}

export function vacancyClosingViolation(v: { status: VacancyStatus; openedOn: string }, closedOn: string): WorkforceViolation | null {
  if (v.status !== 'open') return { rule: 'WORKFORCE.VACANCY_ALREADY_CLOSED', message: `the vacancy is already ${v.status}` };
  if (closedOn < v.openedOn)
    return { rule: 'WORKFORCE.CLOSED_BEFORE_OPENED', message: `closedOn ${closedOn} is before the vacancy opened on ${v.openedOn}` };
  return null;
}

/** Training with no expiry date never lapses; otherwise it is current up to and including its expiry date. */
export function trainingIsCurrent(t: { completedOn: string; expiresOn: string | null }, on: string): boolean {
  return t.completedOn <= on && (t.expiresOn === null || t.expiresOn >= on);
}

/** A share as a percentage to one decimal place, or null when there is nothing to share out. */
export function percentOf(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part * 1000) / whole) / 10;
}

export interface StaffFacts extends Employment {
  contractType: ContractType;
  hourlyPayPence: number;
}

export interface Period {
  from: string;
  to: string;
}

export function periodViolation(p: Period): WorkforceViolation | null {
  return p.from > p.to ? { rule: 'WORKFORCE.PERIOD_INVERTED', message: `to (${p.to}) must not be before from (${p.from})` } : null;
}

export interface WorkforceFigures {
  /** Employed on the last day of the period. */
  headcount: number;
  /** Employed on the first day of the period. */
  headcountAtStart: number;
  starters: number;
  leavers: number;
  /** Permanent and zero-hours staff whose last day fell in the twelve months ending on the period's last day. */
  leaversLast12Months: number;
  /**
   * The Skills for Care turnover rate, as the return defines it (`staff_turnover_percent`): leavers in
   * the last twelve months over the permanent and zero-hours (temporary) staff employed on the last
   * day, bank staff left out on both sides.
   */
  turnoverPercent: number | null;
  byContractType: Record<ContractType, number>;
  onZeroHours: number;
  zeroHoursPercent: number | null;
  paidAtLeastRealLivingWage: number;
  paidAtLeastRealLivingWagePercent: number | null;
  openVacancies: number;
  /** Vacancies as a share of all posts, filled and vacant (the Skills for Care definition). */
  vacancyRatePercent: number | null;
}

/**
 * The workforce figures a commissioner asks for, over a period. Headcount, contract mix and pay are
 * measured on the period's last day; starters and leavers count every start and leave date inside
 * the period, both ends included. Turnover is Skills for Care's twelve-month rate whatever the
 * period, so the summary and the return give one figure.
 */
export function workforceFigures(
  staff: StaffFacts[],
  period: Period,
  realLivingWagePencePerHour: number,
  openVacancies: number,
): WorkforceFigures {
  const atEnd = staff.filter((s) => isEmployedOn(s, period.to));
  const headcountAtStart = staff.filter((s) => isEmployedOn(s, period.from)).length;
  const within = (d: string | null) => d !== null && d >= period.from && d <= period.to;
  const leavers = staff.filter((s) => within(s.leftOn)).length;
  const twelveMonthsBefore = monthsBefore(period.to, 12);
  const notBank = (s: StaffFacts) => s.contractType !== 'bank';
  const leaversLast12Months = staff.filter(
    (s) => notBank(s) && s.leftOn !== null && s.leftOn > twelveMonthsBefore && s.leftOn <= period.to,
  ).length;
  const byContractType: Record<ContractType, number> = { permanent: 0, 'zero-hours': 0, bank: 0 };
  for (const s of atEnd) byContractType[s.contractType] += 1;
  const paid = atEnd.filter((s) => paidAtLeastRealLivingWage(s.hourlyPayPence, realLivingWagePencePerHour)).length;
  return {
    headcount: atEnd.length,
    headcountAtStart,
    starters: staff.filter((s) => within(s.startedOn)).length,
    leavers,
    leaversLast12Months,
    turnoverPercent: percentOf(leaversLast12Months, atEnd.filter(notBank).length),
    byContractType,
    onZeroHours: byContractType['zero-hours'],
    zeroHoursPercent: percentOf(byContractType['zero-hours'], atEnd.length),
    paidAtLeastRealLivingWage: paid,
    paidAtLeastRealLivingWagePercent: percentOf(paid, atEnd.length),
    openVacancies,
    vacancyRatePercent: percentOf(openVacancies, atEnd.length + openVacancies),
  };
}

/** The Italian Type B rule checked against the workers employed on a day. */
export interface DisadvantagedWorkersCheck {
  /** The rulebook's minimum share of disadvantaged workers, %; null when it has no such rule. */
  minimumPercent: number | null;
  workers: number;
  disadvantaged: number;
  /** To one decimal place; null when nobody is employed. */
  percent: number | null;
  /** Null when the rulebook has no such rule; false when nobody is employed (there are no workers to be 30% of). */
  met: boolean | null;
  /** The broken rule with its figures, when it is not met. */
  violation: WorkforceViolation | null;
}

/**
 * At least `minimumPercent` of the workers must be disadvantaged people (Law 381/1991 art. 4: 30% of
 * the co-op's workers). Compared exactly, not on the rounded percentage: 2 of 7 (28.57%) is short.
 */
export function disadvantagedWorkersCheck(
  workers: number,
  disadvantaged: number,
  minimumPercent: number | null,
): DisadvantagedWorkersCheck {
  const percent = percentOf(disadvantaged, workers);
  if (minimumPercent === null) return { minimumPercent, workers, disadvantaged, percent, met: null, violation: null };
  const met = workers > 0 && disadvantaged * 100 >= minimumPercent * workers;
  const violation = met
    ? null
    : {
        rule: 'WORKFORCE.DISADVANTAGED_WORKERS_SHORT',
        message:
          workers === 0
            ? `the rulebook needs at least ${minimumPercent}% of workers to be disadvantaged people, and nobody is employed`
            : `${disadvantaged} of ${workers} workers (${percent}%) are disadvantaged people; the rulebook needs at least ${minimumPercent}%`,
      };
  return { minimumPercent, workers, disadvantaged, percent, met, violation };
}
