import {
  birthViolation,
  carePlanDatesViolation,
  countImproved,
  goalImproved,
  GoalScores,
  isSupportedOn,
  localDateOf,
  monthBounds,
  percentOf,
  periodViolation,
  reviewViolation,
  supportEndingViolation,
  visitChangeViolation,
  visitContractViolation,
  visitDayViolation,
} from './care.rules';

const goal = (overrides: Partial<GoalScores> = {}): GoalScores => ({
  performanceAtStart: 4,
  satisfactionAtStart: 3,
  performanceAtReview: null,
  satisfactionAtReview: null,
  ...overrides,
});

describe('goals scored as in the Canadian Occupational Performance Measure', () => {
  it('has no verdict on a goal not yet reviewed', () => {
    expect(goalImproved(goal())).toBeNull();
  });

  it('counts a goal improved when either score rises by 2 points or more, the clinically meaningful change', () => {
    expect(goalImproved(goal({ performanceAtReview: 6, satisfactionAtReview: 3 }))).toBe(true);
    expect(goalImproved(goal({ performanceAtReview: 4, satisfactionAtReview: 5 }))).toBe(true);
    expect(goalImproved(goal({ performanceAtReview: 10, satisfactionAtReview: 1 }))).toBe(true);
  });

  it('does not count a 1-point rise, nor scores that stayed the same or fell', () => {
    expect(goalImproved(goal({ performanceAtReview: 5, satisfactionAtReview: 4 }))).toBe(false);
    expect(goalImproved(goal({ performanceAtReview: 4, satisfactionAtReview: 3 }))).toBe(false);
    expect(goalImproved(goal({ performanceAtReview: 2, satisfactionAtReview: 1 }))).toBe(false);
  });

  it('counts any rise when asked for the older meaning (1 point)', () => {
    expect(goalImproved(goal({ performanceAtReview: 5, satisfactionAtReview: 3 }), 1)).toBe(true);
    expect(goalImproved(goal({ performanceAtReview: 4, satisfactionAtReview: 3 }), 1)).toBe(false);
  });

  it('counts improved goals, leaving unreviewed ones out', () => {
    const goals = [
      goal(),
      goal({ performanceAtReview: 6, satisfactionAtReview: 3 }),
      goal({ performanceAtReview: 5, satisfactionAtReview: 3 }),
      goal({ performanceAtReview: 4, satisfactionAtReview: 3 }),
    ];
    expect(countImproved(goals)).toBe(1);
    expect(countImproved(goals, 1)).toBe(2);
  });
});

describe('care plans and reviews', () => {
  const plan = { agreedOn: '2026-04-01', reviewedOn: null, goalIds: ['a', 'b'] };

  it('needs the review due after the plan is agreed', () => {
    expect(carePlanDatesViolation('2026-04-01', '2026-04-01')?.rule).toBe('CARE.REVIEW_DUE_NOT_AFTER_AGREEMENT');
    expect(carePlanDatesViolation('2026-04-01', '2026-04-02')).toBeNull();
  });

  it('accepts a review that scores every goal once, on or after the day the plan was agreed', () => {
    expect(reviewViolation(plan, '2026-04-01', ['b', 'a'])).toBeNull();
  });

  it('refuses a second review, a review before agreement, and a review that misses, repeats or invents a goal', () => {
    expect(reviewViolation({ ...plan, reviewedOn: '2026-09-01' }, '2026-10-01', ['a', 'b'])?.rule).toBe('CARE.PLAN_ALREADY_REVIEWED');
    expect(reviewViolation(plan, '2026-03-31', ['a', 'b'])?.rule).toBe('CARE.REVIEW_BEFORE_AGREEMENT');
    expect(reviewViolation(plan, '2026-10-01', ['a'])?.rule).toBe('CARE.REVIEW_GOALS_MISMATCH');
    expect(reviewViolation(plan, '2026-10-01', ['a', 'a'])?.rule).toBe('CARE.REVIEW_GOALS_MISMATCH');
    expect(reviewViolation(plan, '2026-10-01', ['a', 'c'])?.rule).toBe('CARE.REVIEW_GOALS_MISMATCH');
    expect(reviewViolation(plan, '2026-10-01', ['a', 'b', 'c'])?.rule).toBe('CARE.REVIEW_GOALS_MISMATCH');
  });
});

describe('support', () => {
  it('runs from the first day to the last, both included', () => {
    const s = { startedOn: '2026-04-01', endedOn: '2026-04-30' };
    expect([
      isSupportedOn(s, '2026-03-31'),
      isSupportedOn(s, '2026-04-01'),
      isSupportedOn(s, '2026-04-30'),
      isSupportedOn(s, '2026-05-01'),
    ]).toEqual([false, true, true, false]);
    expect(isSupportedOn({ startedOn: '2026-04-01', endedOn: null }, '2099-01-01')).toBe(true);
  });

  it('cannot end before it started, nor start before the person was born', () => {
    expect(supportEndingViolation({ startedOn: '2026-04-01' }, '2026-03-31')?.rule).toBe('CARE.ENDED_BEFORE_START');
    expect(supportEndingViolation({ startedOn: '2026-04-01' }, '2026-04-01')).toBeNull();
    expect(supportEndingViolation({ startedOn: '2026-04-01' }, null)).toBeNull();
    expect(birthViolation('2026-04-02', '2026-04-01')?.rule).toBe('CARE.BORN_AFTER_START');
    expect(birthViolation('1940-01-01', '2026-04-01')).toBeNull();
  });
});

describe('visits', () => {
  it('changes only while planned: never twice delivered, nor after being missed or cancelled', () => {
    expect(visitChangeViolation('planned')).toBeNull();
    expect(visitChangeViolation('delivered')?.rule).toBe('CARE.VISIT_ALREADY_DELIVERED');
    expect(visitChangeViolation('missed')?.rule).toBe('CARE.VISIT_ALREADY_MISSED');
    expect(visitChangeViolation('cancelled')?.rule).toBe('CARE.VISIT_CANCELLED');
  });

  it('needs the person supported and the carer employed on the day', () => {
    const support = { startedOn: '2026-04-01', endedOn: null };
    expect(visitDayViolation('2026-04-01', support, true)).toBeNull();
    expect(visitDayViolation('2026-03-31', support, true)?.rule).toBe('CARE.SERVICE_USER_NOT_SUPPORTED');
    expect(visitDayViolation('2026-04-01', support, false)?.rule).toBe('CARE.CARER_NOT_EMPLOYED');
  });

  it("dates a visit by the co-op's clock, across the change to summer time", () => {
    expect(localDateOf(new Date('2026-01-15T23:30:00Z'))).toBe('2026-01-15');
    expect(localDateOf(new Date('2026-06-15T23:30:00Z'))).toBe('2026-06-16');
    expect(localDateOf(new Date('2026-06-15T00:30:00+01:00'))).toBe('2026-06-15');
  });
});

describe('periods', () => {
  it('gives the first day of a month and of the next, across a year end', () => {
    expect(monthBounds('2026-11')).toEqual({ first: '2026-11-01', next: '2026-12-01' });
    expect(monthBounds('2026-12')).toEqual({ first: '2026-12-01', next: '2027-01-01' });
  });

  it('refuses a period that ends before it starts', () => {
    expect(periodViolation({ from: '2026-02-01', to: '2026-01-31' })?.rule).toBe('CARE.PERIOD_INVERTED');
    expect(periodViolation({ from: '2026-02-01', to: '2026-02-01' })).toBeNull();
  });

  it('rounds shares to one decimal place and has none of nothing', () => {
    expect(percentOf(2, 3)).toBe(66.7);
    expect(percentOf(0, 0)).toBeNull();
  });
});

describe('a visit naming the consortium contract it delivers', () => {
  const contract = { serviceType: 'personal-care', startsOn: '2026-04-01', endsOn: '2027-03-31' };
  const visit = (overrides: Partial<{ serviceType: string; day: string }> = {}) => ({
    serviceType: 'personal-care',
    day: '2026-06-01',
    ...overrides,
  });

  it('is accepted for a contract the co-op holds, of its service, on a day it runs, both ends included', () => {
    expect(visitContractViolation(visit(), 'c1', contract)).toBeNull();
    expect(visitContractViolation(visit({ day: '2026-04-01' }), 'c1', contract)).toBeNull();
    expect(visitContractViolation(visit({ day: '2027-03-31' }), 'c1', contract)).toBeNull();
  });

  it('is refused for a contract the co-op does not hold', () => {
    expect(visitContractViolation(visit(), 'c9', null)).toEqual({
      rule: 'CARE.CONTRACT_NOT_HELD',
      message: 'the co-op holds no consortium contract c9',
    });
  });

  it('is refused for another service type', () => {
    expect(visitContractViolation(visit({ serviceType: 'gardening' }), 'c1', contract)?.rule).toBe('CARE.CONTRACT_SERVICE_MISMATCH');
  });

  it('is refused on a day the contract does not run', () => {
    expect(visitContractViolation(visit({ day: '2026-03-31' }), 'c1', contract)?.message).toBe(
      'contract c1 runs from 2026-04-01 to 2027-03-31, not on 2026-03-31',
    );
    expect(visitContractViolation(visit({ day: '2027-04-01' }), 'c1', contract)?.rule).toBe('CARE.CONTRACT_NOT_RUNNING');
  });
});
