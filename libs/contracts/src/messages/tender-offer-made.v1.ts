import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

import { defineMessage } from '../message-definition';
import { TENDER_LIMITS } from './tender-invitation.v1';

/**
 * Co-op to hub: its offer on one lot. A later offer on the same lot replaces the earlier one (the
 * hub keeps both); 0 hours withdraws the co-op's offer. The hub judges the offer by the time the
 * co-op signed it (the envelope's `occurredAt`) against the deadline, within a clock-skew limit.
 */
export class TenderOfferMadeV1 {
  @IsUUID('4')
  tenderId: string;

  @IsUUID('4')
  lotId: string;

  /** The version of the lot's terms this offer answers: an offer on changed terms is refused. */
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  lotVersion: number;

  @IsInt()
  @Min(0)
  @Max(TENDER_LIMITS.maxHoursPerWeek)
  hoursPerWeek: number;

  @IsInt()
  @Min(1)
  @Max(TENDER_LIMITS.maxPencePerHour)
  pricePencePerHour: number;

  /**
   * The most this co-op can take on across all lots of the tender (the same carers cannot be in
   * two places). The latest value the co-op stated applies to the whole tender; an offer without
   * one leaves the earlier value standing, and a co-op that never stated one is capped by the sum
   * of its lot offers. The node always states one (by default its spare hours).
   */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(TENDER_LIMITS.maxHoursPerWeek)
  totalHoursPerWeek?: number;
}

export const TENDERING_OFFER_MADE_V1 = defineMessage({
  type: 'tendering.offer-made',
  version: 1,
  direction: 'coop-to-hub',
  transport: 'durable',
  payload: TenderOfferMadeV1,
});
