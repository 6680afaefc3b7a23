import { IsIn, IsInt, IsString, IsUUID, Length, Matches, Max, Min, ValidateIf } from 'class-validator';

import { defineMessage } from '../message-definition';
import { PAYMENT_CODE_PATTERN, PAYMENT_CODE_RULE } from '../time-credits/payment-code';
import { COOP_ID_PATTERN, COOP_ID_RULE } from '../vocabulary';

/**
 * Time credits paid across co-ops. Three messages, one transfer id (made by the paying node) through
 * all of them, and no person in any: the payer stays on the paying node, the payee is only a one-time
 * payment code that the receiving node alone can read. Minutes, as every time-bank figure.
 *
 *   paying node --time-credits.sent--> hub --time-credits.forwarded--> receiving node
 *   paying node <--time-credits.settled-- hub <--receipt (applied, or rejected with the reason)--
 *
 * A payment to a co-op that leaves before it answers is given back; the hub then tells that co-op's
 * node it was withdrawn (time-credits.withdrawn), which the node reads if it ever comes back.
 */
export const TIME_CREDIT_TRANSFER_LIMITS = Object.freeze({ maxMinutes: 100_000, maxReason: 500 });

/** Co-op to hub: the paying node has debited its member and credited its clearing account. */
export class TimeCreditsSentV1 {
  @IsUUID('4')
  transferId: string;

  @IsString()
  @Matches(PAYMENT_CODE_PATTERN, { message: `paymentCode must be a payment code: ${PAYMENT_CODE_RULE}` })
  paymentCode: string;

  @IsInt()
  @Min(1)
  @Max(TIME_CREDIT_TRANSFER_LIMITS.maxMinutes)
  minutes: number;
}

export const TIME_CREDITS_SENT_V1 = defineMessage({
  type: 'time-credits.sent',
  version: 1,
  direction: 'coop-to-hub',
  transport: 'durable',
  payload: TimeCreditsSentV1,
});

/**
 * Hub to co-op: the hub has recorded the clearing entry and asks the receiving node to credit the
 * holder of the code: the payment as it was sent, and the co-op it comes from. The node's receipt is its answer: applied (credited) or rejected with the reason.
 */
export class TimeCreditsForwardedV1 extends TimeCreditsSentV1 {
  @Length(2, 63)
  @Matches(COOP_ID_PATTERN, { message: `fromCoopId must be a co-op id: ${COOP_ID_RULE}` })
  fromCoopId: string;
}

export const TIME_CREDITS_FORWARDED_V1 = defineMessage({
  type: 'time-credits.forwarded',
  version: 1,
  direction: 'hub-to-coop',
  transport: 'durable',
  payload: TimeCreditsForwardedV1,
});

export const TIME_CREDIT_OUTCOMES = ['completed', 'refused'] as const;
export type TimeCreditOutcome = (typeof TIME_CREDIT_OUTCOMES)[number];

/**
 * Hub to co-op: how a transfer the co-op sent ended. Completed, the receiving node credited its
 * member; refused, the receiving node refused it (the reason, in words, never a person) and the hub
 * has reversed its clearing entry, so the paying node gives its member the minutes back.
 */
export class TimeCreditsSettledV1 {
  @IsUUID('4')
  transferId: string;

  @IsIn(TIME_CREDIT_OUTCOMES)
  outcome: TimeCreditOutcome;

  @ValidateIf((s: TimeCreditsSettledV1) => s.outcome === 'refused' || s.reason !== undefined)
  @IsString()
  @Length(1, TIME_CREDIT_TRANSFER_LIMITS.maxReason)
  reason?: string;
}

export const TIME_CREDITS_SETTLED_V1 = defineMessage({
  type: 'time-credits.settled',
  version: 1,
  direction: 'hub-to-coop',
  transport: 'durable',
  payload: TimeCreditsSettledV1,
});

/**
 * Hub to co-op: a payment forwarded to this co-op was given back to the payer because the co-op left
 * the consortium before the hub heard its answer. Read by the node if it comes back: a payment it
 * credited meanwhile is taken back into the clearing account, and one that reaches it later is
 * refused, so the minutes are never paid twice. The reason in words, never a person.
 */
export class TimeCreditsWithdrawnV1 {
  @IsUUID('4')
  transferId: string;

  @IsString()
  @Length(1, TIME_CREDIT_TRANSFER_LIMITS.maxReason)
  reason: string;
}

export const TIME_CREDITS_WITHDRAWN_V1 = defineMessage({
  type: 'time-credits.withdrawn',
  version: 1,
  direction: 'hub-to-coop',
  transport: 'durable',
  payload: TimeCreditsWithdrawnV1,
});
