import { IsISO8601, IsUUID } from 'class-validator';

import { defineMessage } from '../message-definition';

/**
 * Hub to every co-op with a live invitation to the tender: the tender stopped taking offers at
 * `closedAt`, either at its deadline or earlier because consortium staff closed it by hand to
 * assemble the bid. The node records it and refuses a new offer on the tender from then on; without
 * this notice a node would only learn of an early close when the hub refused its next offer.
 */
export class TenderOffersClosedV1 {
  @IsUUID('4')
  tenderId: string;

  /** When offers closed on the hub: the deadline, or the earlier moment staff closed them. */
  @IsISO8601({ strict: true })
  closedAt: string;
}

export const TENDERING_OFFERS_CLOSED_V1 = defineMessage({
  type: 'tendering.offers-closed',
  version: 1,
  direction: 'hub-to-coop',
  transport: 'durable',
  payload: TenderOffersClosedV1,
});
