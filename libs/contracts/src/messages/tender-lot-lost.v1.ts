import { IsIn, IsUUID } from 'class-validator';

import { defineMessage } from '../message-definition';

/**
 * Why a co-op's offer on a lot came to nothing once the council decided:
 * - `lost`: the council did not award the lot to the consortium;
 * - `not-allocated`: the consortium won the lot (whole or in part), but none of the hours awarded
 *   went to this co-op (it was not in the bid for that lot, or a part award went to others first).
 */
export const LOT_LOST_OUTCOMES = ['lost', 'not-allocated'] as const;
export type LotLostOutcome = (typeof LOT_LOST_OUTCOMES)[number];

/**
 * Hub to each co-op that had a live offer on a lot and won no contract on it, sent with the award.
 * A co-op that won hours on a lot gets `tendering.contract-awarded` instead; together the two tell
 * every co-op that offered what became of each of its offers, so the node can stop holding those
 * hours back from its other tenders.
 */
export class TenderLotLostV1 {
  @IsUUID('4')
  tenderId: string;

  @IsUUID('4')
  lotId: string;

  @IsIn(LOT_LOST_OUTCOMES)
  outcome: LotLostOutcome;
}

export const TENDERING_LOT_LOST_V1 = defineMessage({
  type: 'tendering.lot-lost',
  version: 1,
  direction: 'hub-to-coop',
  transport: 'durable',
  payload: TenderLotLostV1,
});
