import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsEmail,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';

import {
  COOP_ID_PATTERN,
  COOP_ID_RULE,
  COOP_STATUSES,
  CoopStatus,
  ONBOARDING_STAGES,
  OnboardingStage,
  SERVICE_TYPES,
  ServiceType,
} from '@app/contracts';
import { IsCalendarDate, PageQuery, PageView } from '@app/platform';

import type { StageAction, StageState } from './journey.rules';

// The bodies take what the proposal message (OnboardingSpinOffProposedV1) takes, field for field.

export class RunnerDto {
  @ApiProperty({ example: 'Amira Shah', minLength: 2, maxLength: 120, description: 'The name the runner agreed to show' })
  @IsString()
  @Length(2, 120)
  displayName: string;

  @ApiPropertyOptional({ example: 'senior carer', minLength: 2, maxLength: 80, description: 'What they do at the sponsor' })
  @IsOptional()
  @IsString()
  @Length(2, 80)
  roleTitle?: string;

  @ApiPropertyOptional({ example: 'runner@colnevalley.coop', maxLength: 254 })
  @IsOptional()
  @IsString()
  @MaxLength(254)
  @IsEmail({ allow_display_name: false })
  publicEmail?: string;

  @ApiPropertyOptional({ example: '01484 000000' })
  @IsOptional()
  @IsString()
  @Matches(/^\+?[0-9][0-9 ()-]{4,28}[0-9]$/, { message: 'publicPhone must be a phone number' })
  publicPhone?: string;
}

export class TargetsDto {
  @ApiPropertyOptional({ example: '2027-09-30', description: 'When the co-op means to be registered as a society' })
  @IsOptional()
  @IsCalendarDate()
  registeredBy?: string;

  @ApiPropertyOptional({ example: '2028-03-31', description: 'When it means to trade (not before registeredBy)' })
  @IsOptional()
  @IsCalendarDate()
  tradingBy?: string;
}

export class EnterSpinOffDto {
  @ApiProperty({ example: 'huddersfield', description: `The new co-op's id: ${COOP_ID_RULE}` })
  @Matches(COOP_ID_PATTERN, { message: `coopId must be a co-op id: ${COOP_ID_RULE}` })
  coopId: string;

  @ApiProperty({ example: 'Huddersfield Care Co-op', minLength: 2, maxLength: 120 })
  @IsString()
  @Length(2, 120)
  name: string;

  @ApiProperty({ example: 'colne-valley', description: 'The member co-op sending out the runner' })
  @Matches(COOP_ID_PATTERN, { message: `sponsorCoopId must be a co-op id: ${COOP_ID_RULE}` })
  sponsorCoopId: string;

  @ApiProperty({ type: [String], example: ['Lindley', 'Marsh'], minItems: 1, maxItems: 50 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsString({ each: true })
  @Length(2, 80, { each: true })
  localities: string[];

  @ApiProperty({ enum: SERVICE_TYPES, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(SERVICE_TYPES.length)
  @ArrayUnique()
  @IsIn(SERVICE_TYPES, { each: true })
  services: ServiceType[];

  @ApiProperty({ type: RunnerDto })
  @IsObject()
  @ValidateNested()
  @Type(() => RunnerDto)
  runner: RunnerDto;

  @ApiProperty({ type: TargetsDto })
  @IsObject()
  @ValidateNested()
  @Type(() => TargetsDto)
  targets: TargetsDto;
}

export class ListJourneysQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Only spin-offs of this sponsor' })
  @IsOptional()
  @Matches(COOP_ID_PATTERN, { message: `sponsor must be a co-op id: ${COOP_ID_RULE}` })
  sponsor?: string;

  @ApiPropertyOptional({ enum: COOP_STATUSES, description: "The spin-off's registry status" })
  @IsOptional()
  @IsIn(COOP_STATUSES)
  status?: CoopStatus;

  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description: 'Only journeys stalled (or not): no stage closed for ONBOARDING_STALL_DAYS',
  })
  @IsOptional()
  @IsIn(['true', 'false'])
  stalled?: 'true' | 'false';
}

export class EvidenceDto {
  @ApiProperty({ example: 'Minutes of the first public meeting, Lindley library', minLength: 2, maxLength: 500 })
  @IsString()
  @Length(2, 500)
  what: string;

  @ApiProperty({
    example: 'MIN-2027-01',
    minLength: 1,
    maxLength: 200,
    description: 'Where it can be found: a document reference, a URL, the society registration number for `registered`',
  })
  @IsString()
  @Length(1, 200)
  reference: string;

  @ApiProperty({
    example: '2027-02-01',
    description: "The evidence's date: not after today, not before the journey started or the stage before",
  })
  @IsCalendarDate()
  date: string;
}

export class CloseStageDto {
  @ApiProperty({ type: EvidenceDto })
  @IsObject()
  @ValidateNested()
  @Type(() => EvidenceDto)
  evidence: EvidenceDto;
}

export class ReopenStageDto {
  @ApiProperty({ example: 'The registration was refused: the rules go back to the FCA', minLength: 2, maxLength: 500 })
  @IsString()
  @Length(2, 500)
  reason: string;
}

export class RunnerView {
  @ApiProperty() displayName: string;
  @ApiPropertyOptional({ nullable: true, type: String }) roleTitle: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) publicEmail: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) publicPhone: string | null;
}

export class TargetsView {
  @ApiPropertyOptional({ nullable: true, type: String }) registeredBy: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) tradingBy: string | null;
}

export class EvidenceView {
  @ApiProperty() what: string;
  @ApiProperty() reference: string;
  @ApiProperty({ example: '2027-02-01' }) date: string;
}

export class StageView {
  @ApiProperty({ enum: ONBOARDING_STAGES }) stage: OnboardingStage;
  @ApiProperty({ description: '1 for the first stage, 10 for trading' }) position: number;
  @ApiProperty({ enum: ['open', 'closed'] }) state: StageState;
  @ApiPropertyOptional({ type: EvidenceView, nullable: true, description: 'While closed: what closed it' }) evidence: EvidenceView | null;
  @ApiPropertyOptional({ nullable: true, type: String }) closedBy: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) closedAt: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'While open after a reopening: why it was reopened' }) reopenReason:
    string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) reopenedBy: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) reopenedAt: string | null;
}

export class StageEventView {
  @ApiProperty({ enum: ONBOARDING_STAGES }) stage: OnboardingStage;
  @ApiProperty({ enum: ['closed', 'reopened'] }) action: StageAction;
  @ApiPropertyOptional({ type: EvidenceView, nullable: true, description: 'For a closing' }) evidence: EvidenceView | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'For a reopening' }) reason: string | null;
  @ApiProperty({ description: "The staff member's subject" }) by: string;
  @ApiProperty() at: string;
}

export class JourneySummaryView {
  @ApiProperty() id: string;
  @ApiProperty() coopId: string;
  @ApiProperty() name: string;
  @ApiProperty() sponsorCoopId: string;
  @ApiProperty({ enum: COOP_STATUSES, description: "The spin-off's registry status" }) status: CoopStatus;
  @ApiPropertyOptional({
    enum: ONBOARDING_STAGES,
    nullable: true,
    type: String,
    description: 'The first stage not closed; null once trading',
  })
  currentStage: OnboardingStage | null;
  @ApiProperty() stagesClosed: number;
  @ApiProperty() startedAt: string;
  @ApiProperty({ description: 'When a stage last closed, or the journey started' }) lastProgressAt: string;
  @ApiProperty() stalled: boolean;
  @ApiProperty({ description: 'Whether the sponsor has shared its rulebook and policy templates' }) templatesShared: boolean;
}

export class JourneyPage extends PageView(JourneySummaryView) {}

export class JourneyView extends JourneySummaryView {
  @ApiProperty() sponsorName: string;
  @ApiProperty({ description: "'coop:<sponsor>' when the sponsor's node proposed it, or the staff member's subject" }) proposedBy: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: "The sponsor's proposal id, when its node proposed it" })
  proposalId: string | null;
  @ApiProperty({ type: RunnerView }) runner: RunnerView;
  @ApiProperty({ type: TargetsView }) targets: TargetsView;
  @ApiPropertyOptional({ nullable: true, type: String }) templatesSharedAt: string | null;
  @ApiProperty({ type: [StageView], description: 'Every stage, in order' }) stages: StageView[];
  @ApiProperty({ type: [StageEventView], description: 'Every closing and reopening, oldest first' }) history: StageEventView[];
}
