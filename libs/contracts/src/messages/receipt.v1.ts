import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateIf } from 'class-validator';

import { defineMessage } from '../message-definition';

export const RECEIPT_OUTCOMES = ['applied', 'rejected'] as const;
export type ReceiptOutcome = (typeof RECEIPT_OUTCOMES)[number];

/**
 * The end-to-end receipt: sent by a receiver after its inbox transaction committed (applied) or
 * after it refused a message for good (rejected, with the reason). Only a receipt lets the sender
 * forget an outbox row; a JetStream acknowledgement does not. Receipts themselves need no receipt:
 * a lost one just makes the sender republish, which the receiver's inbox absorbs.
 */
export class ReceiptV1 {
  @IsUUID('4')
  messageId: string;

  @IsString()
  @MaxLength(80)
  messageType: string;

  @IsInt()
  @Min(1)
  @Max(1000)
  messageVersion: number;

  @IsIn(RECEIPT_OUTCOMES)
  outcome: ReceiptOutcome;

  @ValidateIf((r: ReceiptV1) => r.outcome === 'rejected')
  @IsString()
  @MaxLength(2000)
  @IsOptional()
  reason?: string;
}

export const COOP_RECEIPT_V1 = defineMessage({
  type: 'federation.receipt',
  version: 1,
  direction: 'coop-to-hub',
  transport: 'durable',
  receipt: false,
  payload: ReceiptV1,
});

export const HUB_RECEIPT_V1 = defineMessage({
  type: 'federation.receipt',
  version: 1,
  direction: 'hub-to-coop',
  transport: 'durable',
  receipt: false,
  payload: ReceiptV1,
});
