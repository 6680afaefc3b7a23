import { IsInt, IsISO8601, IsUUID, Max, Min } from 'class-validator';

import { defineMessage } from '../message-definition';
import { PURCHASING_LIMITS } from './purchasing-round.payload';

/**
 * Co-op to hub: how many units of an item the co-op commits to buy in a round. A later commitment
 * for the same item replaces it (an amendment); 0 withdraws it. `committedAt` is the node's clock
 * when the admin made it, so a commitment made before the close still counts if the node was
 * offline and it arrives later (within the hub's clock-skew limit).
 */
export class PurchasingCommitmentMadeV1 {
  @IsUUID('4')
  roundId: string;

  @IsUUID('4')
  itemId: string;

  @IsInt()
  @Min(0)
  @Max(PURCHASING_LIMITS.maxQuantity)
  quantity: number;

  @IsISO8601({ strict: true })
  committedAt: string;
}

export const PURCHASING_COMMITMENT_MADE_V1 = defineMessage({
  type: 'purchasing.commitment-made',
  version: 1,
  direction: 'coop-to-hub',
  transport: 'durable',
  payload: PurchasingCommitmentMadeV1,
});
