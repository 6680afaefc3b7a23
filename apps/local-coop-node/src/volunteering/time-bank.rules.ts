import type { RuleViolation } from './volunteer.rules';

/** One time credit is one hour given; the ledger keeps whole minutes so nothing is lost to rounding. */
export const MINUTES_PER_CREDIT = 60;

/** What credits are spent on between volunteers. */
export const TRANSFER_PURPOSES = ['respite', 'help'] as const;
export type TransferPurpose = (typeof TRANSFER_PURPOSES)[number];

/**
 * Credits paid across co-ops, through the co-op's consortium clearing account: paid by a volunteer to
 * another co-op, paid to a volunteer from another co-op, and given back when the other co-op refused.
 */
export const ACROSS_COOP_PURPOSES = ['sent-to-coop', 'received-from-coop', 'returned-by-coop', 'withdrawn-by-hub'] as const;
export type AcrossCoopPurpose = (typeof ACROSS_COOP_PURPOSES)[number];

/** Every ledger transfer: credits earned from the co-op for hours given, spent between volunteers, or paid across co-ops. */
export const LEDGER_PURPOSES = ['earning', ...TRANSFER_PURPOSES, ...ACROSS_COOP_PURPOSES] as const;
export type LedgerPurpose = (typeof LEDGER_PURPOSES)[number];

export interface TransferParty {
  volunteerId: string;
  leftOn: string | null;
}

/**
 * Credits move from the volunteer who received help to the one who gave it. Moving credits to
 * oneself means nothing, a transfer of no time is no exchange, and someone who has left the
 * co-op neither pays nor is paid (their balance is frozen as it stood). Returns the broken rule, or null.
 */
export function transferViolation(from: TransferParty, to: TransferParty, minutes: number): RuleViolation | null {
  if (from.volunteerId === to.volunteerId)
    return { rule: 'TIMEBANK.SELF_TRANSFER', message: 'a volunteer cannot transfer credits to themselves' };
  if (!Number.isInteger(minutes) || minutes <= 0)
    return { rule: 'TIMEBANK.MINUTES_NOT_POSITIVE', message: `a transfer must be a whole, positive number of minutes, not ${minutes}` };
  if (from.leftOn !== null)
    return { rule: 'TIMEBANK.VOLUNTEER_LEFT', message: `the paying volunteer ${from.volunteerId} left on ${from.leftOn}` };
  if (to.leftOn !== null)
    return { rule: 'TIMEBANK.VOLUNTEER_LEFT', message: `the receiving volunteer ${to.volunteerId} left on ${to.leftOn}` };
  return null;
}

/**
 * A volunteer may spend into the rulebook's overdraft (help first, give back later) but no further.
 * Only the co-op's issuer account goes below it, and it is never checked here.
 */
export function overdraftViolation(balanceMinutes: number, minutes: number, overdraftMinutes: number): RuleViolation | null {
  const after = balanceMinutes - minutes;
  if (after < -overdraftMinutes) {
    return {
      rule: 'TIMEBANK.OVERDRAFT_EXCEEDED',
      message: `the balance would be ${after} minutes, below the rulebook's overdraft of -${overdraftMinutes} minutes (${availableMinutes(balanceMinutes, overdraftMinutes)} available)`,
    };
  }
  return null;
}

/** What a volunteer can still spend. */
export function availableMinutes(balanceMinutes: number, overdraftMinutes: number): number {
  return Math.max(0, balanceMinutes + overdraftMinutes);
}
