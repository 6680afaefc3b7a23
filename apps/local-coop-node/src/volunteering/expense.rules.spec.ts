import {
  allowedExpenseActions,
  claimAmount,
  EXPENSE_ACTIONS,
  EXPENSE_STATUSES,
  ExpenseAction,
  ExpenseStatus,
  expenseTransition,
  HMRC_MILEAGE_RATE_PENCE,
  mileagePence,
} from './expense.rules';

describe('the expense claim state machine', () => {
  const allowed: [ExpenseStatus, ExpenseAction, ExpenseStatus][] = [
    ['submitted', 'approve', 'approved'],
    ['submitted', 'reject', 'rejected'],
    ['approved', 'pay', 'paid'],
  ];

  it.each(allowed)('a %s claim may be %s-ed, becoming %s', (from, action, to) => {
    expect(expenseTransition(from, action)).toEqual({ next: to });
  });

  const refused = EXPENSE_STATUSES.flatMap((s) => EXPENSE_ACTIONS.map((a) => [s, a] as [ExpenseStatus, ExpenseAction])).filter(
    ([s, a]) => !allowed.some(([fs, fa]) => fs === s && fa === a),
  );

  it('refuses every other transition, and each state refuses at least one', () => {
    expect(refused).toHaveLength(EXPENSE_STATUSES.length * EXPENSE_ACTIONS.length - allowed.length);
    expect(new Set(refused.map(([s]) => s))).toEqual(new Set(EXPENSE_STATUSES));
  });

  it.each(refused)('refuses a %s claim the action %s', (status, action) => {
    const result = expenseTransition(status, action);
    expect(result).toEqual({
      violation: {
        rule: 'VOLUNTEERING.EXPENSE_TRANSITION_REFUSED',
        message: expect.stringContaining(`a claim that is ${status} cannot be`),
      },
    });
  });

  it('names the action in the refusal', () => {
    expect(expenseTransition('paid', 'approve')).toEqual({
      violation: { rule: 'VOLUNTEERING.EXPENSE_TRANSITION_REFUSED', message: 'a claim that is paid cannot be approved' },
    });
  });

  it('lists what each state still allows: paid and rejected are final', () => {
    expect(allowedExpenseActions('submitted')).toEqual(['approve', 'reject']);
    expect(allowedExpenseActions('approved')).toEqual(['pay']);
    expect(allowedExpenseActions('paid')).toEqual([]);
    expect(allowedExpenseActions('rejected')).toEqual([]);
  });
});

describe('mileage', () => {
  it('pays whole miles at the rate exactly', () => {
    expect(mileagePence(10, 45)).toBe(450);
    expect(mileagePence(1, 24)).toBe(24);
  });

  it('rounds a part-penny up so the volunteer is never short', () => {
    expect(mileagePence(12.3, 45)).toBe(554);
    expect(mileagePence(0.1, 45)).toBe(5);
    expect(mileagePence(0.1, 20)).toBe(2);
  });

  it('is not thrown by floating point on tenths of a mile', () => {
    expect(mileagePence(0.3, 10)).toBe(3);
    expect(mileagePence(2.2, 45)).toBe(99);
  });
});

describe('what a claim is for', () => {
  it("works a mileage claim out from miles at HMRC's rate unless another rate is given", () => {
    expect(HMRC_MILEAGE_RATE_PENCE).toBe(45);
    expect(claimAmount({ kind: 'mileage', miles: 12.3 })).toEqual({ amountPence: 554, miles: 12.3, ratePencePerMile: 45 });
    expect(claimAmount({ kind: 'mileage', miles: 20, ratePencePerMile: 20 })).toEqual({
      amountPence: 400,
      miles: 20,
      ratePencePerMile: 20,
    });
  });

  it('takes the amount of any other claim as stated', () => {
    expect(claimAmount({ kind: 'childcare', amountPence: 2400 })).toEqual({ amountPence: 2400, miles: null, ratePencePerMile: null });
  });

  it.each([
    [{ kind: 'mileage' as const, miles: 10, amountPence: 450 }, 'amountPence'],
    [{ kind: 'mileage' as const }, 'miles'],
    [{ kind: 'meals' as const, amountPence: 800, miles: 3 }, 'miles'],
    [{ kind: 'travel' as const, amountPence: 800, ratePencePerMile: 45 }, 'ratePencePerMile'],
    [{ kind: 'other' as const }, 'amountPence'],
  ])('refuses %p, naming %s', (input, field) => {
    const result = claimAmount(input);
    expect(result).toEqual({
      violation: { rule: 'VOLUNTEERING.EXPENSE_AMOUNT', message: expect.stringMatching(new RegExp(`^${field} `)) },
    });
  });
});
