import { ArrayMaxSize, ArrayUnique, IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

import { defineMessage } from '../message-definition';

export const LOT_WITHDRAWAL_REASONS = ['lot-changed', 'lot-split', 'tender-cancelled', 'no-longer-invited'] as const;
export type LotWithdrawalReason = (typeof LOT_WITHDRAWAL_REASONS)[number];

/**
 * Hub to a co-op invited to a lot: that version of the lot is gone and any offer on it was
 * withdrawn. After a change or a split the co-ops that serve the new terms get a fresh invitation
 * (`tendering.invitation` with `reinvitation`), which they answer with a new offer.
 */
export class TenderLotWithdrawnV1 {
  @IsUUID('4')
  tenderId: string;

  @IsUUID('4')
  lotId: string;

  /** The version withdrawn: a co-op ignores this if it already holds a later version of the lot. */
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  lotVersion: number;

  @IsIn(LOT_WITHDRAWAL_REASONS)
  reason: LotWithdrawalReason;

  /** After a split: the lots that replace it. */
  @IsOptional()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsUUID('4', { each: true })
  replacedBy?: string[];
}

export const TENDERING_LOT_WITHDRAWN_V1 = defineMessage({
  type: 'tendering.lot-withdrawn',
  version: 1,
  direction: 'hub-to-coop',
  transport: 'durable',
  payload: TenderLotWithdrawnV1,
});
