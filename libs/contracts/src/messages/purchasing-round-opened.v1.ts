import { ArrayMaxSize, ArrayMinSize, IsArray, IsISO8601, ValidateNested } from 'class-validator';

import { defineMessage } from '../message-definition';
import { NestedEach } from '../validation';
import { PURCHASING_LIMITS, RoundHeaderV1, RoundItemV1 } from './purchasing-round.payload';

/**
 * Hub to each invited co-op: a purchasing round is open. The co-op's admin commits quantities of
 * these items, at these prices, until `closesAt`.
 */
export class PurchasingRoundOpenedV1 extends RoundHeaderV1 {
  @IsISO8601({ strict: true })
  openedAt: string;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(PURCHASING_LIMITS.maxItemsPerRound)
  @ValidateNested({ each: true })
  @NestedEach(RoundItemV1)
  items: RoundItemV1[];
}

export const PURCHASING_ROUND_OPENED_V1 = defineMessage({
  type: 'purchasing.round-opened',
  version: 1,
  direction: 'hub-to-coop',
  transport: 'durable',
  payload: PurchasingRoundOpenedV1,
});
