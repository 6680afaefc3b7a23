import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  Equals,
  IsEmail,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';

import { COOP_ID_PATTERN, COOP_ID_RULE, SERVICE_TYPES, ServiceType } from '@app/contracts';
import { IsCalendarDate } from '@app/platform';

import { HUB_ANSWER_STATES, HubAnswerState } from './onboarding.rules';

/** The runner: a worker of this co-op, and the details of theirs they agreed the consortium may show. */
export class RunnerDto {
  @ApiProperty({ format: 'uuid', description: 'A current staff member of this co-op; stays on this node' })
  @IsUUID('4')
  staffId: string;

  @ApiProperty({ minLength: 2, maxLength: 120, description: 'The name the runner agreed to be shown by', example: 'Beth C.' })
  @IsString()
  @Length(2, 120)
  displayName: string;

  @ApiPropertyOptional({ minLength: 2, maxLength: 80, example: 'senior carer' })
  @IsOptional()
  @IsString()
  @Length(2, 80)
  roleTitle?: string;

  @ApiPropertyOptional({ maxLength: 254, description: 'An address the runner agreed to show' })
  @IsOptional()
  @IsString()
  @MaxLength(254)
  @IsEmail({ allow_display_name: false })
  publicEmail?: string;

  @ApiPropertyOptional({ example: '01484 000000', description: 'A number the runner agreed to show' })
  @IsOptional()
  @IsString()
  @Matches(/^\+?[0-9][0-9 ()-]{4,28}[0-9]$/, { message: 'publicPhone must be a phone number' })
  publicPhone?: string;

  @ApiProperty({ type: Boolean, description: 'Must be true: the runner agreed to show exactly these details to the consortium' })
  @Equals(true, { message: 'agreed must be true: the runner must agree to show exactly these details' })
  agreed: true;
}

export class TargetsDto {
  @ApiPropertyOptional({ example: '2027-03-31', description: 'Registered as a society by' })
  @IsOptional()
  @IsCalendarDate()
  registeredBy?: string;

  @ApiPropertyOptional({ example: '2027-09-30', description: 'Trading (its first person supported) by' })
  @IsOptional()
  @IsCalendarDate()
  tradingBy?: string;
}

export class ProposeSpinOffDto {
  @ApiProperty({ example: 'huddersfield', description: `The proposed co-op's id: ${COOP_ID_RULE}` })
  @Matches(COOP_ID_PATTERN, { message: `coopId must be a co-op id: ${COOP_ID_RULE}` })
  coopId: string;

  @ApiProperty({ minLength: 2, maxLength: 120, example: 'Huddersfield Care Co-op' })
  @IsString()
  @Length(2, 120)
  name: string;

  @ApiProperty({ type: [String], minItems: 1, maxItems: 50, example: ['Lindley', 'Birkby'] })
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsString({ each: true })
  @Length(2, 80, { each: true })
  localities: string[];

  @ApiProperty({ enum: SERVICE_TYPES, isArray: true })
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

  @ApiPropertyOptional({ type: TargetsDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => TargetsDto)
  targets?: TargetsDto;
}

/** The runner as the consortium sees them: only what they agreed to show. */
export class RunnerPublicView {
  @ApiProperty() displayName: string;
  @ApiPropertyOptional() roleTitle?: string;
  @ApiPropertyOptional() publicEmail?: string;
  @ApiPropertyOptional() publicPhone?: string;
}

export class TargetsView {
  @ApiPropertyOptional({ example: '2027-03-31' }) registeredBy?: string;
  @ApiPropertyOptional({ example: '2027-09-30' }) tradingBy?: string;
}

/** What the hub made of one of our messages. */
export class HubAnswerView {
  @ApiProperty({ format: 'uuid' }) messageId: string;
  @ApiProperty({
    enum: HUB_ANSWER_STATES,
    description: 'sending: no receipt yet; confirmed: the hub applied it; rejected: refused (reason)',
  })
  state: HubAnswerState;
  @ApiPropertyOptional({ nullable: true, type: String, description: "The hub's reason when it refused the message" })
  reason: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'When the hub answered' })
  answeredAt: string | null;
}

export class SpinOffView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() coopId: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: [String] }) localities: string[];
  @ApiProperty({ enum: SERVICE_TYPES, isArray: true }) services: ServiceType[];
  @ApiProperty({ format: 'uuid', description: 'The runner on this node (never sent to the hub)' }) runnerStaffId: string;
  @ApiProperty({ type: RunnerPublicView, description: 'Exactly what the hub was told about the runner' }) runner: RunnerPublicView;
  @ApiProperty({ description: 'When the runner’s agreement to show those details was recorded' }) runnerAgreedAt: string;
  @ApiProperty({ type: TargetsView }) targets: TargetsView;
  @ApiProperty() proposedAt: string;
  @ApiProperty({ type: HubAnswerView, description: "The hub's answer to the proposal" }) hub: HubAnswerView;
  @ApiPropertyOptional({
    type: HubAnswerView,
    nullable: true,
    description: 'The latest sharing of this co-op’s rulebook and policies as templates for the spin-off',
  })
  templates: HubAnswerView | null;
}
