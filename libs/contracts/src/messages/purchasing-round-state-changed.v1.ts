import { IsIn, IsISO8601, IsOptional, IsString, Length } from 'class-validator';

import { defineMessage } from '../message-definition';
import { RoundHeaderV1 } from './purchasing-round.payload';

/** The states a node hears about by this notice (it learns of 'open' and 'ordered' from their own messages). */
export const ROUND_STATE_NOTICES = ['closed', 'delivered', 'cancelled'] as const;
export type RoundStateNotice = (typeof ROUND_STATE_NOTICES)[number];

/** Hub to each invited co-op: the round closed (no more commitments), was delivered, or was cancelled. */
export class PurchasingRoundStateChangedV1 extends RoundHeaderV1 {
  @IsIn(ROUND_STATE_NOTICES)
  state: RoundStateNotice;

  /** When it happened on the hub; for 'closed', the instant commitments stopped counting. */
  @IsISO8601({ strict: true })
  at: string;

  /** Why a round was cancelled, in the consortium staff's words (about the purchase, never a person). */
  @IsOptional()
  @IsString()
  @Length(1, 500)
  reason?: string;
}

export const PURCHASING_ROUND_STATE_CHANGED_V1 = defineMessage({
  type: 'purchasing.round-state-changed',
  version: 1,
  direction: 'hub-to-coop',
  transport: 'durable',
  payload: PurchasingRoundStateChangedV1,
});
