export type ShareTransactionKind = 'purchase' | 'withdrawal';

export interface ShareLimits {
  shareMinimumPence: number;
  shareMaximumPence: number;
}

/**
 * A member's shareholding after a purchase or withdrawal must stay within the rulebook's limits:
 * withdrawable community shares, never below the minimum that membership needs (leaving is a
 * withdrawal of membership, not of shares) and never above the maximum. Returns the broken rule, or null.
 */
export function shareChangeViolation(
  balancePence: number,
  kind: ShareTransactionKind,
  amountPence: number,
  limits: ShareLimits,
): { rule: string; message: string } | null {
  const after = kind === 'purchase' ? balancePence + amountPence : balancePence - amountPence;
  if (after > limits.shareMaximumPence) {
    return {
      rule: 'MEMBERS.SHARES_ABOVE_MAXIMUM',
      message: `the holding would be ${after}p, over the rulebook's maximum of ${limits.shareMaximumPence}p`,
    };
  }
  if (after < limits.shareMinimumPence) {
    return {
      rule: 'MEMBERS.SHARES_BELOW_MINIMUM',
      message: `the holding would be ${after}p, under the rulebook's minimum of ${limits.shareMinimumPence}p (to take everything out, withdraw from membership)`,
    };
  }
  return null;
}
