import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';

import {
  CONTRACT_TYPES,
  ContractType,
  FUNDING_TYPES,
  FundingType,
  IsPeriodLabel,
  PERIOD_LABEL_RULE,
  PERIOD_TYPES,
  PeriodType,
  SAFEGUARDING_CATEGORIES,
  SafeguardingCategory,
  SERVICE_TYPES,
  ServiceType,
  STAKEHOLDER_CLASSES,
  StakeholderClass,
} from '@app/contracts';
import { IsOptionalNotNull, IsTimestampWithZone } from '@app/platform';

import { DEFAULT_LOCK_AFTER_DAYS, MAX_LOCK_AFTER_DAYS } from './review.rules';

export class OpenCycleDto {
  @ApiProperty({ example: '2026/27-Q1', description: `The period: ${PERIOD_LABEL_RULE}` })
  @IsPeriodLabel()
  period: string;

  @ApiProperty({ example: '2026-10-31T17:00:00Z', description: 'When returns are due; after the period ends' })
  @IsTimestampWithZone()
  dueAt: string;

  @ApiPropertyOptional({
    example: DEFAULT_LOCK_AFTER_DAYS,
    default: DEFAULT_LOCK_AFTER_DAYS,
    minimum: 0,
    maximum: MAX_LOCK_AFTER_DAYS,
    description: 'Days after dueAt when the cycle locks; after that only a staff-granted exception (or a send-back) lets a co-op submit',
  })
  @IsOptionalNotNull()
  @IsInt()
  @Min(0)
  @Max(MAX_LOCK_AFTER_DAYS)
  lockAfterDays?: number;
}

export class CyclePeriodView {
  @ApiProperty({ example: '2026-Q3' }) label: string;
  @ApiPropertyOptional({
    enum: PERIOD_TYPES,
    description: 'month, calendar quarter, financial-year quarter, calendar year or financial year',
  })
  type?: PeriodType;
  @ApiProperty({ example: '2026-07-01' }) start: string;
  @ApiProperty({ example: '2026-09-30' }) end: string;
}

export class CycleOpenedView {
  @ApiProperty() id: string;
  @ApiProperty({ example: '2026-Q3' }) period: string;
  @ApiProperty({ type: [String], description: 'The co-ops asked for a return' }) asked: string[];
  @ApiProperty() locksAt: string;
}

export class CycleView {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'ccm-quarterly v1' }) definition: string;
  @ApiProperty({ type: CyclePeriodView }) period: CyclePeriodView;
  @ApiProperty() dueAt: string;
  @ApiProperty() openedAt: string;
  @ApiProperty() coopsSubmitted: number;
}

export class CoopCompletenessView {
  @ApiProperty() coopId: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['submitted', 'submitted-late', 'awaited', 'overdue'] }) state: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'When the node says it made the return' }) submittedAt: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'When the hub got it' }) receivedAt: string | null;
  @ApiProperty() submissions: number;
  @ApiPropertyOptional({ nullable: true, enum: ['pending', 'approved', 'sent-back'] }) review: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) reviewedAt: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Consortium staff only' }) comment?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Consortium staff only' }) exceptionUntil?: string | null;
}

export class CompletenessView {
  @ApiProperty() cycleId: string;
  @ApiProperty({ example: '2026-Q3' }) period: string;
  @ApiProperty() dueAt: string;
  @ApiProperty() lockAfterDays: number;
  @ApiProperty() locksAt: string;
  @ApiProperty() locked: boolean;
  @ApiProperty() asked: number;
  @ApiProperty() submitted: number;
  @ApiProperty() late: number;
  @ApiProperty() notAnswered: number;
  @ApiProperty() approved: number;
  @ApiProperty() sentBack: number;
  @ApiProperty() awaitingReview: number;
  @ApiProperty({ type: [CoopCompletenessView] }) coops: CoopCompletenessView[];
}

/** One cell of a one-way breakdown: one of these is set. */
export class FigureBreakdownView {
  @ApiPropertyOptional({ description: "One of the co-op's public localities" }) locality?: string;
  @ApiPropertyOptional({ enum: SERVICE_TYPES }) service_type?: ServiceType;
  @ApiPropertyOptional({ enum: FUNDING_TYPES }) funding_type?: FundingType;
  @ApiPropertyOptional({ enum: CONTRACT_TYPES }) contract_type?: ContractType;
  @ApiPropertyOptional({ enum: STAKEHOLDER_CLASSES }) stakeholder_class?: StakeholderClass;
  @ApiPropertyOptional({ description: "One of the co-op's consortium contracts, by the id the hub gave it" }) contract?: string;
  @ApiPropertyOptional({ enum: SAFEGUARDING_CATEGORIES }) safeguarding_category?: SafeguardingCategory;
}

export class SubmittedFigureView {
  @ApiProperty({ example: 'people_supported' }) metric: string;
  @ApiProperty({ nullable: true, type: FigureBreakdownView, description: "null: the metric's total" })
  breakdown: FigureBreakdownView | null;
  @ApiProperty({ nullable: true, type: Number, description: 'null: not recorded, nothing to divide by, or withheld on the node' })
  value: number | null;
  @ApiPropertyOptional({ enum: [true], type: Boolean, description: 'The node withheld this small count of people' })
  suppressedOnNode?: true;
}

/** A return as the co-op sent it (the message's payload, without the cycle id). */
export class SubmittedReturnView {
  @ApiProperty({ example: 'ccm-quarterly' }) definitionId: string;
  @ApiProperty({ example: 1 }) definitionVersion: number;
  @ApiProperty({ type: CyclePeriodView }) period: CyclePeriodView;
  @ApiProperty({ type: [SubmittedFigureView] }) figures: SubmittedFigureView[];
}

export class SubmissionView {
  @ApiProperty() messageId: string;
  @ApiProperty() coopId: string;
  @ApiProperty() submittedAt: string;
  @ApiProperty() receivedAt: string;
  @ApiProperty() current: boolean;
  @ApiPropertyOptional({ nullable: true, type: String }) supersededAt: string | null;
  @ApiProperty({ type: SubmittedReturnView, description: 'The return as the co-op sent it: definition, period and figures' })
  figures: SubmittedReturnView;
}
