import type { RuleViolation } from './volunteer.rules';

export const EXPENSE_KINDS = ['mileage', 'childcare', 'meals', 'travel', 'other'] as const;
export type ExpenseKind = (typeof EXPENSE_KINDS)[number];

export const EXPENSE_STATUSES = ['submitted', 'approved', 'paid', 'rejected'] as const;
export type ExpenseStatus = (typeof EXPENSE_STATUSES)[number];

export const EXPENSE_ACTIONS = ['approve', 'reject', 'pay'] as const;
export type ExpenseAction = (typeof EXPENSE_ACTIONS)[number];

/**
 * HMRC's approved mileage allowance for a car or van, first 10,000 business miles a year. Paying
 * at or under it keeps the payment a reimbursement rather than income, which matters to volunteers
 * on benefits.
 */
export const HMRC_MILEAGE_RATE_PENCE = 45;

/** submitted → approved → paid, or submitted → rejected. Paid and rejected are final. */
const TRANSITIONS: Record<ExpenseStatus, Partial<Record<ExpenseAction, ExpenseStatus>>> = {
  submitted: { approve: 'approved', reject: 'rejected' },
  approved: { pay: 'paid' },
  paid: {},
  rejected: {},
};

export function expenseTransition(status: ExpenseStatus, action: ExpenseAction): { next: ExpenseStatus } | { violation: RuleViolation } {
  const next = TRANSITIONS[status][action];
  if (next) return { next };
  return {
    violation: { rule: 'VOLUNTEERING.EXPENSE_TRANSITION_REFUSED', message: `a claim that is ${status} cannot be ${pastTense(action)}` },
  };
}

/** The actions a claim in this state still allows, for the refusal's details. */
export function allowedExpenseActions(status: ExpenseStatus): ExpenseAction[] {
  return Object.keys(TRANSITIONS[status]) as ExpenseAction[];
}

/**
 * Miles are kept to a tenth; pence are rounded up, so that no volunteer is ever out of pocket by a
 * fraction of a penny. Integer arithmetic throughout, matching the database's ceil(miles × rate).
 */
export function mileagePence(miles: number, ratePencePerMile: number): number {
  const tenths = Math.round(miles * 10);
  return Math.floor((tenths * ratePencePerMile + 9) / 10);
}

export interface ClaimAmountInput {
  kind: ExpenseKind;
  amountPence?: number;
  miles?: number;
  ratePencePerMile?: number;
}

export interface ClaimAmount {
  amountPence: number;
  miles: number | null;
  ratePencePerMile: number | null;
}

/**
 * A mileage claim states miles (and a rate, HMRC's by default) and the amount follows from them;
 * every other claim states its amount. Sending both, or the wrong one, is refused naming the field.
 */
export function claimAmount(input: ClaimAmountInput): ClaimAmount | { violation: RuleViolation } {
  if (input.kind === 'mileage') {
    if (input.amountPence !== undefined)
      return invalid('amountPence is worked out from miles × ratePencePerMile for a mileage claim; do not send it');
    if (input.miles === undefined) return invalid('miles is required for a mileage claim');
    const rate = input.ratePencePerMile ?? HMRC_MILEAGE_RATE_PENCE;
    return { amountPence: mileagePence(input.miles, rate), miles: Math.round(input.miles * 10) / 10, ratePencePerMile: rate };
  }
  if (input.miles !== undefined) return invalid(`miles applies only to a mileage claim, not ${input.kind}`);
  if (input.ratePencePerMile !== undefined) return invalid(`ratePencePerMile applies only to a mileage claim, not ${input.kind}`);
  if (input.amountPence === undefined) return invalid(`amountPence is required for a ${input.kind} claim`);
  return { amountPence: input.amountPence, miles: null, ratePencePerMile: null };
}

function invalid(message: string): { violation: RuleViolation } {
  return { violation: { rule: 'VOLUNTEERING.EXPENSE_AMOUNT', message } };
}

function pastTense(action: ExpenseAction): string {
  return { approve: 'approved', reject: 'rejected', pay: 'paid' }[action];
}
