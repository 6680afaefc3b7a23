import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';

import { defineMessage } from '../message-definition';
import { DAY_PATTERN as DAY, NestedEach } from '../validation';
import { SERVICE_TYPES, ServiceType } from '../vocabulary';

// Nested objects become instances so they are validated too (see return-figures.v1.ts for why not @Type).

/** Bounds shared by every tendering message and both apps' APIs. */
export const TENDER_LIMITS = {
  /** Whole hours a week: a council lot is tendered in hours, and a co-op offers whole hours. */
  maxHoursPerWeek: 10_000,
  /** £1,000 an hour: far above any care rate, so only a typing slip is refused. */
  maxPencePerHour: 100_000,
  maxLots: 200,
} as const;

/** Where, what, how much and when: the terms a lot and a contract share. */
export abstract class LotTermsV1 {
  @IsString()
  @Length(2, 80)
  locality: string;

  @IsIn(SERVICE_TYPES)
  serviceType: ServiceType;

  @IsInt()
  @Min(1)
  @Max(TENDER_LIMITS.maxHoursPerWeek)
  hoursPerWeek: number;

  @Matches(DAY, { message: 'startsOn must be a date, YYYY-MM-DD' })
  @IsISO8601({ strict: true })
  startsOn: string;

  @Matches(DAY, { message: 'endsOn must be a date, YYYY-MM-DD' })
  @IsISO8601({ strict: true })
  endsOn: string;
}

/** One lot as a co-op sees it in an invitation: the council's terms, nothing about anyone. */
export class InvitedLotV1 extends LotTermsV1 {
  @IsUUID('4')
  lotId: string;

  /** Goes up each time the lot's terms change; an offer names the version it answers. */
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  lotVersion: number;

  /** The lot's number in the tender, e.g. "2" or "2b" after a split. */
  @IsString()
  @Matches(/^[0-9A-Za-z.-]{1,20}$/, { message: 'reference must be 1 to 20 letters, digits, dots or hyphens' })
  reference: string;

  @IsString()
  @Length(2, 200)
  title: string;

  @IsInt()
  @Min(1)
  @Max(TENDER_LIMITS.maxPencePerHour)
  ceilingPencePerHour: number;
}

/** What every version of an invitation says of the tender itself. */
export abstract class TenderInvitationTermsV1 {
  @IsUUID('4')
  tenderId: string;

  @IsString()
  @Length(2, 200)
  title: string;

  /** The commissioning body, e.g. "Kirklees Council": an organisation, never a person. */
  @IsString()
  @Length(2, 200)
  buyer: string;

  @IsISO8601({ strict: true })
  deadline: string;

  /** Whether this re-invites the co-op after a change (offers on those lots were withdrawn). */
  @IsOptional()
  @IsBoolean()
  reinvitation?: boolean;
}

/**
 * Hub to one co-op: a council tender with the lots this co-op serves (its localities and services),
 * open for offers until `deadline`. Sent again when the deadline or a lot changes; the co-op keeps
 * the latest terms of each lot (by `lotVersion`). Superseded by v2 (lot deadlines, the enquiry
 * period); a node still applies v1.
 */
export class TenderInvitationV1 extends TenderInvitationTermsV1 {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(TENDER_LIMITS.maxLots)
  @ValidateNested({ each: true })
  @NestedEach(InvitedLotV1)
  lots: InvitedLotV1[];
}

export const TENDERING_INVITATION_V1 = defineMessage({
  type: 'tendering.invitation',
  version: 1,
  direction: 'hub-to-coop',
  transport: 'durable',
  payload: TenderInvitationV1,
});
