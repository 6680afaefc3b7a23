import { servesLocality } from '@app/contracts';

/** The largest single purchase the node records: £1,000,000,000, far above any co-op's, so a slip of the keyboard is caught. */
export const MAX_PURCHASE_PENCE = 100_000_000_000;

export interface PurchaseViolation {
  rule: string;
  message: string;
}

/**
 * A purchase is recorded on or before today, and a supplier is local only to a locality the co-op
 * serves (its public profile): "local" means local to the people it supports, not anywhere.
 */
export function purchaseViolation(
  p: { boughtOn: string; localTo: string | null },
  today: string,
  localities: readonly string[],
): PurchaseViolation | null {
  if (p.boughtOn > today) return { rule: 'PURCHASING.PURCHASE_IN_FUTURE', message: `boughtOn ${p.boughtOn} is after today (${today})` };
  if (p.localTo !== null && !servesLocality(localities, p.localTo))
    return {
      rule: 'PURCHASING.NOT_A_COOP_LOCALITY',
      message: `localTo ${p.localTo} is not one of the localities the co-op serves (${localities.join(', ')})`,
    };
  return null;
}

/** The co-op's own spelling of a locality it serves, so the records group as its profile names them. */
export function canonicalLocality(localities: readonly string[], locality: string): string {
  return localities.find((l) => servesLocality([l], locality)) ?? locality;
}
