import { ArrayMaxSize, IsArray, IsISO8601, ValidateNested } from 'class-validator';

import { defineMessage } from '../message-definition';
import { NestedEach } from '../validation';
import { AllocationLineV1, PURCHASING_LIMITS, RoundHeaderV1 } from './purchasing-round.payload';

/**
 * Hub to each invited co-op: the round was ordered, and this is the co-op's final share of it, item
 * by item (no lines if it committed nothing). Sent once, when the allocation can no longer change.
 */
export class PurchasingAllocationMadeV1 extends RoundHeaderV1 {
  @IsISO8601({ strict: true })
  orderedAt: string;

  @IsArray()
  @ArrayMaxSize(PURCHASING_LIMITS.maxItemsPerRound)
  @ValidateNested({ each: true })
  @NestedEach(AllocationLineV1)
  lines: AllocationLineV1[];
}

export const PURCHASING_ALLOCATION_MADE_V1 = defineMessage({
  type: 'purchasing.allocation-made',
  version: 1,
  direction: 'hub-to-coop',
  transport: 'durable',
  payload: PurchasingAllocationMadeV1,
});
