import { ArrayMaxSize, ArrayMinSize, IsArray, IsISO8601, IsOptional, ValidateNested } from 'class-validator';

import { defineMessage } from '../message-definition';
import { Nested, NestedEach } from '../validation';
import { InvitedLotV1, TENDER_LIMITS, TenderInvitationTermsV1 } from './tender-invitation.v1';

/** A lot in a v2 invitation: v1's terms and when offers on it close. */
export class InvitedLotV2 extends InvitedLotV1 {
  /** When offers on this lot close: its own deadline, at or before the tender's, or the tender's. */
  @IsISO8601({ strict: true })
  deadline: string;
}

/** When invited co-ops may ask questions about the tender (OCDS `tender.enquiryPeriod`). */
export class EnquiryPeriodV1 {
  /** Omitted: from the invitation. */
  @IsOptional()
  @IsISO8601({ strict: true })
  startDate?: string;

  @IsISO8601({ strict: true })
  endDate: string;
}

/**
 * Hub to one co-op: v1's invitation with the tender's timetable: each lot's own deadline, and the
 * enquiry period in which the co-op may ask questions (none: the tender takes no questions).
 */
export class TenderInvitationV2 extends TenderInvitationTermsV1 {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(TENDER_LIMITS.maxLots)
  @ValidateNested({ each: true })
  @NestedEach(InvitedLotV2)
  lots: InvitedLotV2[];

  @IsOptional()
  @ValidateNested()
  @Nested(EnquiryPeriodV1)
  enquiryPeriod?: EnquiryPeriodV1;
}

export const TENDERING_INVITATION_V2 = defineMessage({
  type: 'tendering.invitation',
  version: 2,
  direction: 'hub-to-coop',
  transport: 'durable',
  payload: TenderInvitationV2,
});
