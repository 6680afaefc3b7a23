import { parsePaymentCode, PAYMENT_CODE_RULE, TimeCreditOutcome } from '@app/contracts';

import type { RuleViolation } from './volunteer.rules';

/** How long a payment code is good for unless asked otherwise, and at most. */
export const PAYMENT_CODE_DEFAULT_HOURS = 72;
export const PAYMENT_CODE_MAX_HOURS = 30 * 24;

/**
 * The states of a transfer across co-ops on the paying node; a receiving node records only completed
 * ones, and marks one withdrawn if the hub gave it back while this co-op was out of the consortium.
 */
export const CROSS_COOP_STATUSES = ['sent', 'forwarded', 'completed', 'refused', 'withdrawn'] as const;
export type CrossCoopStatus = (typeof CROSS_COOP_STATUSES)[number];
export const CROSS_COOP_DIRECTIONS = ['outgoing', 'incoming'] as const;
export type CrossCoopDirection = (typeof CROSS_COOP_DIRECTIONS)[number];

/** When a code made at `now`, good for `hours`, stops being accepted. */
export function paymentCodeExpiry(now: Date, hours: number): Date {
  return new Date(now.getTime() + hours * 3_600_000);
}

/**
 * Whether the admin or a member may pay across co-ops: the admin always; a member only from their own
 * account (checked by the caller) and only when the rulebook lets members pay.
 */
export function payerViolation(role: 'coop-admin' | 'member', rulebookLetsMembersPay: boolean | undefined): RuleViolation | null {
  if (role === 'coop-admin' || rulebookLetsMembersPay === true) return null;
  return {
    rule: 'TIMEBANK.MEMBERS_MAY_NOT_PAY',
    message:
      "the rulebook does not let members pay other co-ops' members themselves (membersMayPayAcrossCoops): the co-op's admin pays for them",
  };
}

/**
 * A payment this node may send: to a payment code of another co-op (this co-op's own members are paid
 * with a transfer inside the time bank), from a volunteer who has not left. Returns the co-op the code
 * routes to, or the broken rule.
 */
export function outgoingViolation(
  ownCoopId: string,
  paymentCode: string,
  payer: { volunteerId: string; leftOn: string | null },
): { toCoopId: string } | RuleViolation {
  const parsed = parsePaymentCode(paymentCode);
  if (!parsed) return { rule: 'TIMEBANK.NOT_A_PAYMENT_CODE', message: `paymentCode must be a payment code: ${PAYMENT_CODE_RULE}` };
  if (parsed.coopId === ownCoopId)
    return {
      rule: 'TIMEBANK.CODE_OF_THIS_COOP',
      message: `the payment code is one of this co-op's own (${ownCoopId}): pay its member with a transfer in the time bank (POST /time-bank/transfers)`,
    };
  if (payer.leftOn !== null)
    return { rule: 'TIMEBANK.VOLUNTEER_LEFT', message: `the paying volunteer ${payer.volunteerId} left on ${payer.leftOn}` };
  return { toCoopId: parsed.coopId };
}

export interface StoredCode {
  expiresAt: Date;
  usedAt: Date | null;
  /** The transfer that used it, when used. */
  transferId: string | null;
  payeeLeftOn: string | null;
}

/**
 * Whether a payment arriving from another co-op may be credited to the holder of the code. The
 * messages name no person, so neither may the reasons: they go back through the hub to the payer's co-op.
 */
export function incomingCodeViolation(code: StoredCode | null, now: Date): RuleViolation | null {
  if (!code) return { rule: 'TIMEBANK.CODE_UNKNOWN', message: 'the payment code is not one this co-op made' };
  if (code.usedAt !== null)
    return {
      rule: 'TIMEBANK.CODE_USED',
      message: `the payment code was used already, on ${code.usedAt.toISOString()}: each code pays once`,
    };
  if (code.expiresAt.getTime() <= now.getTime())
    return { rule: 'TIMEBANK.CODE_EXPIRED', message: `the payment code expired on ${code.expiresAt.toISOString()}` };
  if (code.payeeLeftOn !== null)
    return { rule: 'TIMEBANK.PAYEE_LEFT', message: 'the member the payment code was made for has left the co-op' };
  return null;
}

/** The paying node hears from the hub that it accepted the transfer: sent becomes forwarded; anything later stays. */
export function statusAfterHubAccepted(status: CrossCoopStatus): CrossCoopStatus | null {
  return status === 'sent' ? 'forwarded' : null;
}

/**
 * What the paying node does with a transfer's ending (the hub refused it, or the receiving node
 * answered): 'complete', 'give-back' (credit the payer from the clearing account), 'nothing' (the
 * same ending heard again), or the broken rule when it contradicts the ending already recorded.
 */
export function settlementStep(status: CrossCoopStatus, outcome: TimeCreditOutcome): 'complete' | 'give-back' | 'nothing' | RuleViolation {
  if (status === 'sent' || status === 'forwarded') return outcome === 'completed' ? 'complete' : 'give-back';
  if ((status === 'completed') === (outcome === 'completed')) return 'nothing';
  return {
    rule: 'TIMEBANK.TRANSFER_ALREADY_SETTLED',
    message: `the transfer is already ${status} and cannot now be ${outcome}`,
  };
}

/**
 * A payment the hub gave back before this co-op answered (it had left the consortium) is not credited
 * when it reaches the node later: the payer has the minutes back already.
 */
export function withdrawnViolation(withdrawal: { reason: string } | null): RuleViolation | null {
  if (!withdrawal) return null;
  return { rule: 'TIMEBANK.PAYMENT_WITHDRAWN', message: `the payment was withdrawn by the hub: ${withdrawal.reason}` };
}
