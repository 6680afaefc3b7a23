import { parsePaymentCode, PAYMENT_CODE_RULE } from '@app/contracts';

/** A broken rule: a stable code and a message that says which rule and why. */
export interface ClearingViolation {
  rule: string;
  message: string;
}

export const CLEARING_STATUSES = ['forwarded', 'completed', 'reversed'] as const;
export type ClearingStatus = (typeof CLEARING_STATUSES)[number];

/** Co-ops that take part in the consortium's work, and so may pay and be paid. */
const ACTIVE = ['registered', 'trading'];

/**
 * Where a payment goes: to the co-op its code names, which must be another co-op of the consortium
 * that is registered or trading (as must the payer). Returns the receiving co-op, or the broken rule.
 */
export function routeOf(
  payingCoop: { id: string; status: string },
  paymentCode: string,
  statusOf: (coopId: string) => string | null,
): { receivingCoopId: string } | ClearingViolation {
  const parsed = parsePaymentCode(paymentCode);
  if (!parsed) return { rule: 'TIMECLEARING.NOT_A_PAYMENT_CODE', message: `paymentCode must be a payment code: ${PAYMENT_CODE_RULE}` };
  if (parsed.coopId === payingCoop.id)
    return {
      rule: 'TIMECLEARING.OWN_COOP',
      message: `the payment code is ${payingCoop.id}'s own: a co-op pays its own members in its own time bank`,
    };
  if (!ACTIVE.includes(payingCoop.status))
    return {
      rule: 'TIMECLEARING.COOP_NOT_ACTIVE',
      message: `the paying co-op ${payingCoop.id} is ${payingCoop.status}: only registered or trading co-ops clear time credits`,
    };
  const status = statusOf(parsed.coopId);
  if (status === null)
    return {
      rule: 'TIMECLEARING.UNKNOWN_COOP',
      message: `the payment code names ${parsed.coopId}, which is not a co-op of the consortium`,
    };
  if (!ACTIVE.includes(status))
    return {
      rule: 'TIMECLEARING.COOP_NOT_ACTIVE',
      message: `the receiving co-op ${parsed.coopId} is ${status}: only registered or trading co-ops clear time credits`,
    };
  return { receivingCoopId: parsed.coopId };
}

/**
 * The consortium's limit: no co-op's net clearing balance goes below minus the limit, so no co-op
 * draws without end on the others' time. What a co-op is owed has no limit: being paid never hurts
 * the others. A payment that would take the payer past the limit is refused, the limit named.
 */
export function clearingLimitViolation(
  coopId: string,
  balanceMinutes: number,
  minutes: number,
  limitMinutes: number,
): ClearingViolation | null {
  const after = balanceMinutes - minutes;
  if (after >= -limitMinutes) return null;
  return {
    rule: 'TIMECLEARING.LIMIT_REACHED',
    message:
      `${coopId} is at its clearing limit: it owes ${Math.max(0, -balanceMinutes)} minutes, and paying ${minutes} more would make it ${-after}, ` +
      `beyond the consortium's limit of ${limitMinutes} minutes (${hours(limitMinutes)} hours); ${headroom(balanceMinutes, limitMinutes)} minutes can still be paid`,
  };
}

/** What a co-op can still pay out before it reaches the limit. */
export function headroom(balanceMinutes: number, limitMinutes: number): number {
  return Math.max(0, balanceMinutes + limitMinutes);
}

/**
 * The hub's step when the receiving node answers a forwarded payment (its receipt): complete it or
 * reverse it while it is forwarded; anything else is an answer heard before, and changes nothing.
 */
export function answerStep(status: ClearingStatus, outcome: 'applied' | 'rejected'): 'complete' | 'reverse' | 'nothing' {
  if (status !== 'forwarded') return 'nothing';
  return outcome === 'applied' ? 'complete' : 'reverse';
}

export interface ClearingEntry {
  coopId: string;
  minutes: number;
}

export interface ClearingPosition {
  coopId: string;
  /** Negative: the co-op owes the consortium hours; positive: it is owed. */
  balanceMinutes: number;
  /** What it can still pay out under the limit. */
  headroomMinutes: number;
}

/**
 * Each co-op's position from the ledger's entries, and whether the ledger balances: in double entry
 * every co-op's debt is another's credit, so the balances always sum to zero.
 */
export function clearingPositions(
  entries: readonly ClearingEntry[],
  limitMinutes: number,
): { positions: ClearingPosition[]; totalMinutes: number; balanced: boolean } {
  const balances = new Map<string, number>();
  let total = 0;
  for (const e of entries) {
    balances.set(e.coopId, (balances.get(e.coopId) ?? 0) + e.minutes);
    total += e.minutes;
  }
  const positions = [...balances.entries()]
    .map(([coopId, balanceMinutes]) => ({ coopId, balanceMinutes, headroomMinutes: headroom(balanceMinutes, limitMinutes) }))
    .sort((a, b) => a.coopId.localeCompare(b.coopId));
  return { positions, totalMinutes: total, balanced: total === 0 };
}

function hours(minutes: number): string {
  return (minutes / 60).toFixed(minutes % 60 === 0 ? 0 : 2);
}
