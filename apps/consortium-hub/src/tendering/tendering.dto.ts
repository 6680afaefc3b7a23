import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';

import { COOP_ID_PATTERN, ENQUIRY_LIMITS, SERVICE_TYPES, ServiceType, TENDER_LIMITS } from '@app/contracts';
import { IsCalendarDate, IsOptionalNotNull, IsTimestampWithZone, PageQuery, PageView } from '@app/platform';

import { LOT_OUTCOMES, LotOutcome } from './award.rules';
import { LOT_STATUSES, LotStatus, MAX_SPLIT_PARTS } from './lot-change.rules';
import { CHALLENGE_OUTCOMES, ChallengeOutcome } from './standstill.rules';
import { TENDER_STAGES, TenderStage } from './tender-stage.rules';

const REFERENCE = /^[0-9A-Za-z.-]{1,20}$/;

export class LotDto {
  @ApiPropertyOptional({ example: '1', description: "The council's lot number; defaults to the lot's position (1, 2, ...)" })
  @IsOptional()
  @Matches(REFERENCE, { message: 'reference must be 1 to 20 letters, digits, dots or hyphens' })
  reference?: string;

  @ApiProperty({ example: 'Home care, Marsden' })
  @IsString()
  @Length(2, 200)
  title: string;

  @ApiProperty({ example: 'Marsden' })
  @IsString()
  @Length(2, 80)
  locality: string;

  @ApiProperty({ enum: SERVICE_TYPES })
  @IsIn(SERVICE_TYPES)
  serviceType: ServiceType;

  @ApiProperty({ example: 120, description: 'Whole hours a week' })
  @IsInt()
  @Min(1)
  @Max(TENDER_LIMITS.maxHoursPerWeek)
  hoursPerWeek: number;

  @ApiProperty({ example: 2450, description: 'The most the council pays, in pence an hour' })
  @IsInt()
  @Min(1)
  @Max(TENDER_LIMITS.maxPencePerHour)
  ceilingPencePerHour: number;

  @ApiProperty({ example: '2027-04-01' })
  @IsCalendarDate()
  startsOn: string;

  @ApiProperty({ example: '2029-03-31' })
  @IsCalendarDate()
  endsOn: string;

  @ApiPropertyOptional({
    example: '2027-01-08T12:00:00Z',
    description: "When offers on this lot close, at or before the tender's deadline; omitted: the tender's deadline",
  })
  @IsOptional()
  @IsTimestampWithZone()
  deadline?: string;
}

export class EnquiryPeriodDto {
  @ApiPropertyOptional({ example: '2026-12-01T09:00:00Z', description: 'When questions may first be asked; omitted: from the invitation' })
  @IsOptional()
  @IsTimestampWithZone()
  startDate?: string;

  @ApiProperty({ example: '2027-01-05T12:00:00Z', description: "When questions close: before the tender's deadline" })
  @IsTimestampWithZone()
  endDate: string;
}

export class CreateTenderDto {
  @ApiProperty({ example: 'Home care in the Colne and Holme valleys, 2027-2029' })
  @IsString()
  @Length(2, 200)
  title: string;

  @ApiProperty({ example: 'Kirklees Council', description: 'The commissioning body' })
  @IsString()
  @Length(2, 200)
  buyer: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  description?: string;

  @ApiProperty({ example: '2027-01-15T12:00:00Z', description: 'Offers close then' })
  @IsTimestampWithZone()
  deadline: string;

  @ApiPropertyOptional({
    type: EnquiryPeriodDto,
    description: 'When invited co-ops may ask questions, ending before the deadline; omitted: the tender takes no questions',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => EnquiryPeriodDto)
  enquiryPeriod?: EnquiryPeriodDto;

  @ApiProperty({ type: [LotDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(TENDER_LIMITS.maxLots)
  @ValidateNested({ each: true })
  @Type(() => LotDto)
  lots: LotDto[];
}

export class UpdateTenderDto {
  @ApiPropertyOptional() @IsOptionalNotNull() @IsString() @Length(2, 200) title?: string;
  @ApiPropertyOptional() @IsOptionalNotNull() @IsString() @Length(2, 200) buyer?: string;
  @ApiPropertyOptional() @IsOptionalNotNull() @IsString() @Length(1, 2000) description?: string;
  @ApiPropertyOptional({ description: 'A new deadline, in the future; co-ops already invited are told' })
  @IsOptionalNotNull()
  @IsTimestampWithZone()
  deadline?: string;

  @ApiPropertyOptional({
    type: EnquiryPeriodDto,
    description:
      'A new enquiry period, or one for a tender that had none: ending in the future and before the deadline; without a startDate it keeps the start it had. Questions open again if it had ended; co-ops already invited are told',
  })
  @IsOptionalNotNull()
  @ValidateNested()
  @Type(() => EnquiryPeriodDto)
  enquiryPeriod?: EnquiryPeriodDto;
}

export class UpdateLotDto {
  @ApiPropertyOptional() @IsOptionalNotNull() @IsString() @Length(2, 200) title?: string;
  @ApiPropertyOptional() @IsOptionalNotNull() @IsString() @Length(2, 80) locality?: string;
  @ApiPropertyOptional({ enum: SERVICE_TYPES }) @IsOptionalNotNull() @IsIn(SERVICE_TYPES) serviceType?: ServiceType;
  @ApiPropertyOptional() @IsOptionalNotNull() @IsInt() @Min(1) @Max(TENDER_LIMITS.maxHoursPerWeek) hoursPerWeek?: number;
  @ApiPropertyOptional() @IsOptionalNotNull() @IsInt() @Min(1) @Max(TENDER_LIMITS.maxPencePerHour) ceilingPencePerHour?: number;
  @ApiPropertyOptional() @IsOptionalNotNull() @IsCalendarDate() startsOn?: string;
  @ApiPropertyOptional() @IsOptionalNotNull() @IsCalendarDate() endsOn?: string;
  @ApiPropertyOptional({
    description: "The lot's own deadline for offers, at or before the tender's; changing it alone keeps the offers made",
  })
  @IsOptionalNotNull()
  @IsTimestampWithZone()
  deadline?: string;
}

export class SplitPartDto {
  @ApiProperty({ example: 40 })
  @IsInt()
  @Min(1)
  @Max(TENDER_LIMITS.maxHoursPerWeek)
  hoursPerWeek: number;

  @ApiPropertyOptional({ example: 'Home care, Marsden (mornings)' })
  @IsOptional()
  @IsString()
  @Length(2, 200)
  title?: string;
}

export class SplitLotDto {
  @ApiProperty({ type: [SplitPartDto], description: "The smaller lots; their hours must add up to the lot's" })
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(MAX_SPLIT_PARTS)
  @ValidateNested({ each: true })
  @Type(() => SplitPartDto)
  parts: SplitPartDto[];
}

export class InviteDto {
  @ApiPropertyOptional({
    type: [String],
    description:
      "Co-ops to invite besides those serving each lot's locality (to every lot whose service they offer); they count as not local",
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ArrayUnique()
  @Matches(COOP_ID_PATTERN, { each: true, message: 'alsoInvite must hold co-op ids' })
  alsoInvite?: string[];
}

export class LotDecisionDto {
  @ApiProperty()
  @IsUUID('4')
  lotId: string;

  @ApiProperty({ enum: LOT_OUTCOMES })
  @IsIn(LOT_OUTCOMES)
  outcome: LotOutcome;

  @ApiPropertyOptional({ description: 'Only for partial: the hours a week awarded, fewer than the bid offered' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(TENDER_LIMITS.maxHoursPerWeek)
  hoursPerWeek?: number;
}

export class AwardDto {
  @ApiProperty({ type: [LotDecisionDto], description: 'One decision for every open lot' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(TENDER_LIMITS.maxLots)
  @ValidateNested({ each: true })
  @Type(() => LotDecisionDto)
  lots: LotDecisionDto[];
}

export class CancelTenderDto {
  @ApiProperty({ example: 'The council withdrew the procurement' })
  @IsString()
  @Length(2, 500)
  reason: string;
}

export class ListTendersQuery extends PageQuery {
  @ApiPropertyOptional({ enum: TENDER_STAGES })
  @IsOptional()
  @IsIn(TENDER_STAGES)
  stage?: TenderStage;
}

export class TenderCreatedView {
  @ApiProperty() id: string;
}

export class TenderSummaryView {
  @ApiProperty() id: string;
  @ApiProperty() title: string;
  @ApiProperty() buyer: string;
  @ApiProperty() deadline: string;
  @ApiProperty({ enum: TENDER_STAGES }) stage: TenderStage;
  @ApiProperty({ description: 'Open lots' }) lots: number;
  @ApiProperty({ description: 'Hours a week over the open lots' }) hoursPerWeek: number;
  @ApiProperty() createdAt: string;
}

export class TenderPage extends PageView(TenderSummaryView) {}

export class BidLotCoverView {
  @ApiProperty() lotId: string;
  @ApiProperty() reference: string;
  @ApiProperty() locality: string;
  @ApiProperty({ enum: SERVICE_TYPES }) serviceType: ServiceType;
  @ApiProperty() hoursPerWeek: number;
  @ApiProperty() ceilingPencePerHour: number;
  @ApiProperty() allocatedHoursPerWeek: number;
  @ApiProperty() uncoveredHoursPerWeek: number;
  @ApiProperty() localHoursPerWeek: number;
  @ApiProperty() weeklyPricePence: number;
}

export class BidAllocationView {
  @ApiProperty() lotId: string;
  @ApiProperty() lotReference: string;
  @ApiProperty() coopId: string;
  @ApiProperty() coopName: string;
  @ApiProperty() hoursPerWeek: number;
  @ApiProperty() pricePencePerHour: number;
  @ApiProperty() local: boolean;
}

export class BidCoopView {
  @ApiProperty() coopId: string;
  @ApiProperty() coopName: string;
  @ApiProperty() allocatedHoursPerWeek: number;
}

/** The consortium's bid as staff see it; a commissioner sees only the lot coverage, hours and price, once submitted. */
export class TenderBidView {
  @ApiPropertyOptional({ description: 'Staff only' }) assembledAt?: string;
  @ApiPropertyOptional({ description: 'Staff only: an offer arrived after this bid was assembled' }) stale?: boolean;
  @ApiPropertyOptional({ description: 'Staff only' }) method?: string;
  @ApiProperty() requiredHoursPerWeek: number;
  @ApiProperty() allocatedHoursPerWeek: number;
  @ApiProperty() localHoursPerWeek: number;
  @ApiProperty() weeklyPricePence: number;
  @ApiPropertyOptional({ type: [BidAllocationView], description: 'Staff only' }) allocations?: BidAllocationView[];
  @ApiProperty({ type: [BidLotCoverView] }) lots: BidLotCoverView[];
  @ApiProperty({ type: [BidLotCoverView] }) uncoveredLots: BidLotCoverView[];
  @ApiPropertyOptional({ type: [BidCoopView], description: 'Staff only' }) coops?: BidCoopView[];
}

export class TenderLotAwardView {
  @ApiProperty({ enum: LOT_OUTCOMES }) outcome: LotOutcome;
  @ApiProperty({ description: 'Hours a week awarded; 0 when lost' }) hoursPerWeek: number;
}

/** A lot's terms as co-ops are invited to them, with its place in the tender. */
export class TenderLotView {
  @ApiProperty() id: string;
  @ApiProperty({ example: '1.2' }) reference: string;
  @ApiProperty() title: string;
  @ApiProperty() locality: string;
  @ApiProperty({ enum: SERVICE_TYPES }) serviceType: ServiceType;
  @ApiProperty() hoursPerWeek: number;
  @ApiProperty({ description: 'The most the council pays, in pence an hour' }) ceilingPencePerHour: number;
  @ApiProperty({ example: '2027-04-01' }) startsOn: string;
  @ApiProperty({ example: '2029-03-31' }) endsOn: string;
  @ApiProperty({ enum: LOT_STATUSES, description: 'split: replaced by smaller lots, which name it as their parent' }) status: LotStatus;
  @ApiProperty({ description: 'Goes up each time the terms change; offers name the version they answer' }) version: number;
  @ApiProperty({ nullable: true, type: String, description: 'The lot this one was split from' }) parentLotId: string | null;
  @ApiProperty({ type: [String], description: 'Co-ops with a live invitation to this lot' }) invited: string[];
  @ApiProperty({ nullable: true, type: TenderLotAwardView, description: 'Once awarded' }) award: TenderLotAwardView | null;
  @ApiProperty({ description: "When offers on the lot close: its own deadline or the tender's" }) deadline: string;
  @ApiProperty({ description: 'Whether the lot has a deadline of its own' }) ownDeadline: boolean;
  @ApiProperty({ nullable: true, type: String, description: 'When the lot closed for offers by its own deadline' }) offersClosedAt:
    string | null;
}

export class TenderInvitationView {
  @ApiProperty() lotId: string;
  @ApiProperty() lotReference: string;
  @ApiProperty() coopId: string;
  @ApiProperty({ description: 'The version of the lot invited to' }) lotVersion: number;
  @ApiProperty({ description: "Named by staff rather than serving the lot's locality" }) namedByStaff: boolean;
  @ApiProperty() invitedAt: string;
  @ApiProperty({ nullable: true, type: String }) withdrawnAt: string | null;
  @ApiProperty({ nullable: true, type: String }) withdrawnReason: string | null;
}

export const OFFER_STATUSES = ['current', 'superseded', 'withdrawn', 'withdrawn-by-coop'] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];

export class TenderOfferView {
  @ApiProperty({ description: 'The id of the message that carried it' }) messageId: string;
  @ApiProperty() lotId: string;
  @ApiProperty() lotReference: string;
  @ApiProperty() lotVersion: number;
  @ApiProperty() coopId: string;
  @ApiProperty() coopName: string;
  @ApiProperty({ description: '0: the co-op withdrew its offer' }) hoursPerWeek: number;
  @ApiProperty() pricePencePerHour: number;
  @ApiProperty({ nullable: true, type: Number, description: 'The most the co-op can take across the lots' }) totalHoursPerWeek:
    number | null;
  @ApiProperty() madeAt: string;
  @ApiProperty() receivedAt: string;
  @ApiProperty({ enum: OFFER_STATUSES, description: 'Which offer counts: the current one' }) status: OfferStatus;
  @ApiProperty({ nullable: true, type: String }) withdrawnReason: string | null;
}

export class TenderContractView {
  @ApiProperty() id: string;
  @ApiProperty() lotId: string;
  @ApiProperty() coopId: string;
  @ApiProperty() coopName: string;
  @ApiProperty() hoursPerWeek: number;
  @ApiProperty() pricePencePerHour: number;
  @ApiProperty({ example: '2027-04-01' }) startsOn: string;
  @ApiProperty({ example: '2029-03-31' }) endsOn: string;
  @ApiProperty() createdAt: string;
  @ApiProperty() lotReference: string;
  @ApiProperty({ nullable: true, type: String, description: "When it became final and went to the co-op's node; null: held" })
  releasedAt: string | null;
}

export class StageChangeView {
  @ApiProperty({ enum: TENDER_STAGES, nullable: true, description: 'null: the tender was created' }) from: TenderStage | null;
  @ApiProperty({ enum: TENDER_STAGES }) to: TenderStage;
  @ApiProperty() at: string;
  @ApiProperty({ description: 'Who changed it' }) by: string;
  @ApiProperty({ nullable: true, type: String }) note: string | null;
}

export class EnquiryView {
  @ApiProperty() id: string;
  @ApiProperty({ nullable: true, type: String }) lotId: string | null;
  @ApiProperty({ nullable: true, type: String }) lotReference: string | null;
  @ApiPropertyOptional({ description: 'The co-op that asked: staff only, never shared with other co-ops' }) coopId?: string;
  @ApiProperty() question: string;
  @ApiProperty() askedAt: string;
  @ApiProperty({ nullable: true, type: String }) answer: string | null;
  @ApiProperty({ nullable: true, type: String }) answeredAt: string | null;
  @ApiPropertyOptional({ type: [String], description: 'Staff only: co-ops the question and answer were sent to' }) sharedWith?: string[];
}

export class ChallengeView {
  @ApiProperty() id: string;
  @ApiProperty() challenger: string;
  @ApiProperty() madeAt: string;
  @ApiProperty() grounds: string;
  @ApiProperty() recordedBy: string;
  @ApiProperty() recordedAt: string;
  @ApiProperty({ enum: CHALLENGE_OUTCOMES, nullable: true, description: 'null: open, holding the contracts' })
  outcome: ChallengeOutcome | null;
  @ApiProperty({ nullable: true, type: String }) outcomeNote: string | null;
  @ApiProperty({ nullable: true, type: String }) outcomeAt: string | null;
}

export class EnquiryPeriodView {
  @ApiProperty({ nullable: true, type: String, description: 'From the invitation unless set; null: not invited yet' })
  startDate: string | null;
  @ApiProperty() endDate: string;
  @ApiProperty({ nullable: true, type: String, description: 'When its end was recorded by date' }) closedAt: string | null;
}

export class StandstillView {
  @ApiProperty({ description: 'The award decision' }) startDate: string;
  @ApiProperty({ description: 'Midnight, UK time, at the end of its eighth working day' }) endDate: string;
  @ApiProperty({ example: '2027-04-06', description: 'Its eighth working day (a weekday that is a bank holiday in no part of the UK)' })
  lastWorkingDay: string;
  @ApiProperty({ description: 'Challenges recorded and still open, holding the contracts' }) openChallenges: number;
}

export class TenderDetailView {
  @ApiProperty() id: string;
  @ApiProperty() title: string;
  @ApiProperty() buyer: string;
  @ApiProperty({ nullable: true, type: String }) description: string | null;
  @ApiProperty() deadline: string;
  @ApiProperty({ enum: TENDER_STAGES }) stage: TenderStage;
  @ApiProperty({ nullable: true, type: String }) invitedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) offersClosedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) assembledAt: string | null;
  @ApiProperty({ nullable: true, type: String }) submittedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) decidedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) cancelledAt: string | null;
  @ApiProperty({ nullable: true, type: String }) cancelReason: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty({ nullable: true, type: EnquiryPeriodView, description: 'null: the tender takes no questions' })
  enquiryPeriod: EnquiryPeriodView | null;
  @ApiProperty({ nullable: true, type: StandstillView, description: 'From the award decision on' }) standstill: StandstillView | null;
  @ApiProperty({ nullable: true, type: String, description: 'When the contracts became final' }) finalAt: string | null;
  @ApiProperty({ type: [EnquiryView], description: 'Questions and answers; a commissioner does not see who asked' })
  enquiries: EnquiryView[];
  @ApiProperty({ type: [ChallengeView] }) challenges: ChallengeView[];
  @ApiProperty({ type: [TenderLotView], description: 'Every lot, split ones included' }) lots: TenderLotView[];
  @ApiProperty({ type: [TenderInvitationView], description: 'Each invitation to a co-op, withdrawn ones included' })
  invitations: TenderInvitationView[];
  @ApiPropertyOptional({ type: [TenderOfferView], description: "The co-ops' offers: staff only" }) offers?: TenderOfferView[];
  @ApiProperty({
    nullable: true,
    type: TenderBidView,
    description: 'null before the first assembly; a commissioner sees it only once submitted, and only the lot coverage, hours and price',
  })
  bid: TenderBidView | null;
  @ApiProperty({ type: [TenderContractView] }) contracts: TenderContractView[];
  @ApiProperty({ type: [StageChangeView], description: 'Stage changes, oldest first' }) history: StageChangeView[];
}

export class ChangedLotView {
  @ApiProperty() id: string;
  @ApiProperty() reference: string;
  @ApiProperty() version: number;
}

export class LotChangeView {
  @ApiProperty({ type: [ChangedLotView] }) lots: ChangedLotView[];
  @ApiProperty({ type: [String], description: 'Co-ops whose invitation (and any offer) on the old terms was withdrawn' })
  withdrawnFrom: string[];
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'array', items: { type: 'string' } },
    description: 'Co-ops invited to the new terms, by lot id',
  })
  invited: Record<string, string[]>;
}

export class InvitedLotCoopsView {
  @ApiProperty() lotId: string;
  @ApiProperty() reference: string;
  @ApiProperty({ type: [String] }) invited: string[];
}

export class InvitationOutcomeView {
  @ApiProperty({ enum: ['inviting'] }) stage: 'inviting';
  @ApiProperty() deadline: string;
  @ApiProperty({ type: [InvitedLotCoopsView] }) lots: InvitedLotCoopsView[];
  @ApiProperty({ type: [String], description: 'Lots no co-op serves' }) lotsWithoutInvitees: string[];
}

export class BidSubmittedView {
  @ApiProperty({ enum: ['submitted'] }) stage: 'submitted';
  @ApiProperty() submittedAt: string;
}

export class AwardedContractView {
  @ApiProperty() contractId: string;
  @ApiProperty() lotId: string;
  @ApiProperty() lotReference: string;
  @ApiProperty() coopId: string;
  @ApiProperty() hoursPerWeek: number;
  @ApiProperty() pricePencePerHour: number;
  @ApiProperty() startsOn: string;
  @ApiProperty() endsOn: string;
}

export class AwardOutcomeView {
  @ApiProperty({ enum: ['standstill', 'lost'], description: 'standstill: the contracts are held until it ends' }) stage:
    'standstill' | 'lost';
  @ApiProperty({ nullable: true, type: String, description: 'When the standstill ends (midnight UK time after its eighth working day)' })
  standstillEndsAt: string | null;
  @ApiProperty({ type: [AwardedContractView], description: 'Held on the hub until the standstill ends with no challenge open' })
  contracts: AwardedContractView[];
}

export class AskedEnquiryAnswerDto {
  @ApiProperty({ example: 'Yes: visits may be split between two co-ops if both are named in the offer.' })
  @IsString()
  @Length(...ENQUIRY_LIMITS.answer)
  answer: string;
}

export class RecordChallengeDto {
  @ApiProperty({ example: 'Calder Home Care Ltd', description: 'Who challenges: an organisation, never a person' })
  @IsString()
  @Length(2, 200)
  challenger: string;

  @ApiProperty({ example: '2027-03-26T10:00:00Z', description: 'When the challenge was made (received by the council)' })
  @IsTimestampWithZone()
  madeAt: string;

  @ApiProperty({ example: 'The evaluation did not apply the published price weighting.' })
  @IsString()
  @Length(5, 4000)
  grounds: string;
}

export class ChallengeOutcomeDto {
  @ApiProperty({ enum: CHALLENGE_OUTCOMES, description: 'upheld sets the award decision aside; dismissed or withdrawn releases the hold' })
  @IsIn(CHALLENGE_OUTCOMES)
  outcome: ChallengeOutcome;

  @ApiProperty({ example: 'The council reviewed the evaluation and found it applied the weighting.' })
  @IsString()
  @Length(2, 2000)
  note: string;
}

export class ChallengeOutcomeView {
  @ApiProperty({
    enum: TENDER_STAGES,
    description: 'The tender after the outcome: standstill while it runs, awarded once final, submitted if the award was set aside',
  })
  stage: TenderStage;
}

export class ChallengeRecordedView {
  @ApiProperty() id: string;
}

export class EnquiryAnsweredView {
  @ApiProperty({ description: 'Messages sent: the question and answer to each invited co-op that had not had it' }) sharedWith: number;
}

export class TenderCancelledView {
  @ApiProperty({ enum: ['cancelled'] }) stage: 'cancelled';
  @ApiProperty({ type: [String], description: 'Co-ops told of the cancellation' }) told: string[];
}

export class OcdsPublisherView {
  @ApiProperty() name: string;
}

/** An OCDS 1.1.5 release package (https://standard.open-contracting.org/1.1/en/schema/release_package/). */
export class OcdsReleasePackageView {
  @ApiProperty() uri: string;
  @ApiProperty() version: string;
  @ApiProperty() publishedDate: string;
  @ApiProperty({ type: OcdsPublisherView }) publisher: OcdsPublisherView;
  @ApiProperty({ type: [String] }) extensions: string[];
  @ApiProperty({
    type: 'array',
    items: {
      type: 'object',
      description: 'An OCDS 1.1.5 release with the Lots extension: described by the OCDS release schema, not here',
      externalDocs: { description: 'The OCDS release schema', url: 'https://standard.open-contracting.org/1.1/en/schema/release/' },
    },
    description: 'One OCDS release',
  })
  releases: object[];
}
