import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';

import { ENQUIRY_LIMITS, TENDER_LIMITS } from '@app/contracts';

export class LotOfferDto {
  @ApiProperty()
  @IsUUID('4')
  lotId: string;

  @ApiProperty({ example: 30, description: 'Whole hours a week; 0 withdraws an earlier offer on the lot' })
  @IsInt()
  @Min(0)
  @Max(TENDER_LIMITS.maxHoursPerWeek)
  hoursPerWeek: number;

  @ApiProperty({ example: 2380, description: "Pence an hour, at most the lot's ceiling" })
  @IsInt()
  @Min(1)
  @Max(TENDER_LIMITS.maxPencePerHour)
  pricePencePerHour: number;
}

export class SendOffersDto {
  @ApiProperty({
    type: [LotOfferDto],
    description: 'One offer per lot; start from the suggestion in GET /tendering/invitations and adjust',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(TENDER_LIMITS.maxLots)
  @ValidateNested({ each: true })
  @Type(() => LotOfferDto)
  offers: LotOfferDto[];

  @ApiPropertyOptional({
    example: 40,
    description:
      "The most this co-op can take on across all lots of the tender. Without it the node states its spare hours for this tender (see the invitation's suggestedTotalHoursPerWeek), and never more than a total stated on the tender before",
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(TENDER_LIMITS.maxHoursPerWeek)
  totalHoursPerWeek?: number;
}

export class CapacityView {
  @ApiProperty({ description: 'Weekly contracted hours of current carers' }) contractedHoursPerWeek: number;
  @ApiProperty({ description: 'Weekly hours of planned visits (the busier of the last four weeks and the next four)' })
  plannedVisitHoursPerWeek: number;
  @ApiProperty() contractHoursPerWeek: number;
  @ApiProperty({ description: 'Hours a week on offer on other tenders still awaiting their outcome' }) offeredElsewhereHoursPerWeek: number;
  @ApiProperty({ description: 'What is left, in whole hours, never below 0' }) spareHoursPerWeek: number;
  @ApiPropertyOptional({ nullable: true, type: Number }) estimatedCostPencePerHour: number | null;
}

export class SuggestedOfferView {
  @ApiProperty() lotId: string;
  @ApiProperty() hoursPerWeek: number;
  @ApiProperty() pricePencePerHour: number;
  @ApiProperty({ description: 'The ceiling is below what an hour costs this co-op' }) belowCost: boolean;
}

export class LastOfferView {
  @ApiProperty() messageId: string;
  @ApiProperty() lotVersion: number;
  @ApiProperty() hoursPerWeek: number;
  @ApiProperty() pricePencePerHour: number;
  @ApiPropertyOptional({ nullable: true, type: Number }) totalHoursPerWeek: number | null;
  @ApiProperty() sentAt: string;
  @ApiProperty({ enum: ['accepted', 'refused', 'awaited'] }) hubAnswer: 'accepted' | 'refused' | 'awaited';
  @ApiPropertyOptional({ nullable: true, type: String }) reason: string | null;
}

export class InvitedLotView {
  @ApiProperty() lotId: string;
  @ApiProperty() lotVersion: number;
  @ApiProperty() reference: string;
  @ApiProperty() title: string;
  @ApiProperty() locality: string;
  @ApiProperty() serviceType: string;
  @ApiProperty() hoursPerWeek: number;
  @ApiProperty() ceilingPencePerHour: number;
  @ApiProperty() startsOn: string;
  @ApiProperty() endsOn: string;
  @ApiProperty({ enum: ['open', 'withdrawn'] }) status: 'open' | 'withdrawn';
  @ApiPropertyOptional({ nullable: true, type: String }) withdrawnReason: string | null;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'What the council decided, as far as this co-op is concerned: awarded (a contract), lost, or not-allocated',
  })
  outcome: string | null;
  @ApiProperty({ description: "When offers on the lot close: its own deadline or the tender's" }) deadline: string;
  @ApiPropertyOptional({ nullable: true, type: SuggestedOfferView }) suggestion: SuggestedOfferView | null;
  @ApiPropertyOptional({ nullable: true, type: LastOfferView }) lastOffer: LastOfferView | null;
}

export class AskEnquiryDto {
  @ApiPropertyOptional({ description: 'The lot the question is about; omitted: the whole tender' })
  @IsOptional()
  @IsUUID('4')
  lotId?: string;

  @ApiProperty({
    example: 'May the hours of lot 2 be delivered as two shorter visits a day?',
    description: "About the council's terms; it goes to every invited co-op with its answer, without saying who asked. Name no one.",
  })
  @IsString()
  @Length(...ENQUIRY_LIMITS.question)
  question: string;
}

export class EnquiryAskedView {
  @ApiProperty({ description: "The question's id: its answer comes back under it" }) enquiryId: string;
  @ApiProperty() tenderId: string;
}

export class EnquiryView {
  @ApiProperty() id: string;
  @ApiProperty({ nullable: true, type: String }) lotId: string | null;
  @ApiProperty() question: string;
  @ApiProperty({ description: 'Asked by this co-op (the others do not know)' }) ours: boolean;
  @ApiProperty({ nullable: true, type: String, description: 'When this co-op asked it; null for the others' }) askedAt: string | null;
  @ApiProperty({
    enum: ['awaited', 'accepted', 'refused', 'answered'],
    description: "This co-op's question: the hub's answer to it, then its reply; another's question is always answered",
  })
  status: 'awaited' | 'accepted' | 'refused' | 'answered';
  @ApiProperty({ nullable: true, type: String, description: 'Why the hub refused the question' }) reason: string | null;
  @ApiProperty({ nullable: true, type: String }) answer: string | null;
  @ApiProperty({ nullable: true, type: String }) answeredAt: string | null;
}

export class EnquiryPeriodView {
  @ApiProperty({ nullable: true, type: String, description: 'null: from the invitation' }) startDate: string | null;
  @ApiProperty() endDate: string;
}

export class InvitationView {
  @ApiProperty() tenderId: string;
  @ApiProperty() title: string;
  @ApiProperty() buyer: string;
  @ApiProperty() deadline: string;
  @ApiProperty({ nullable: true, type: EnquiryPeriodView, description: 'When questions may be asked; null: none' })
  enquiryPeriod: EnquiryPeriodView | null;
  @ApiProperty({ type: [EnquiryView], description: 'Questions and answers on the tender' }) enquiries: EnquiryView[];
  @ApiPropertyOptional({ nullable: true, type: String }) offersClosedAt: string | null;
  @ApiProperty({ enum: ['open', 'closed', 'cancelled', 'withdrawn'] }) status: 'open' | 'closed' | 'cancelled' | 'withdrawn';
  @ApiProperty({ type: CapacityView }) capacity: CapacityView;
  @ApiProperty() suggestedTotalHoursPerWeek: number;
  @ApiProperty({ type: [InvitedLotView] }) lots: InvitedLotView[];
}

export class SentOfferView {
  @ApiProperty() messageId: string;
  @ApiProperty() lotId: string;
  @ApiProperty() lotVersion: number;
  @ApiProperty() hoursPerWeek: number;
  @ApiProperty() pricePencePerHour: number;
}

export class OffersSentView {
  @ApiProperty() tenderId: string;
  @ApiProperty() totalHoursPerWeek: number;
  @ApiProperty({ description: 'The node stated the total, as none was given' }) totalHoursPerWeekDefaulted: boolean;
  @ApiProperty({ type: [SentOfferView] }) offers: SentOfferView[];
}

export class ContractPeriodView {
  @ApiProperty() from: string;
  @ApiProperty() to: string;
  @ApiProperty() daysCovered: number;
}

export class ContractHoursView {
  @ApiProperty() contractId: string;
  @ApiProperty() tenderId: string;
  @ApiProperty() lotId: string;
  @ApiProperty() tenderTitle: string;
  @ApiProperty() buyer: string;
  @ApiProperty() locality: string;
  @ApiProperty() serviceType: string;
  @ApiProperty() hoursPerWeek: number;
  @ApiProperty() pricePencePerHour: number;
  @ApiProperty() startsOn: string;
  @ApiProperty() endsOn: string;
  @ApiProperty({ type: ContractPeriodView }) period: ContractPeriodView;
  @ApiProperty() contractedHours: number;
  @ApiProperty() plannedHours: number;
  @ApiProperty() deliveredHours: number;
  @ApiPropertyOptional({ nullable: true, type: Number }) deliveredPercent: number | null;
}
