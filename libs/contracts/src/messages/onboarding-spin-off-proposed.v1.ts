import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsEmail,
  IsIn,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';

import { defineMessage } from '../message-definition';
import { DAY_PATTERN as DAY, Nested } from '../validation';
import { COOP_ID_PATTERN, COOP_ID_RULE, SERVICE_TYPES, ServiceType } from '../vocabulary';

/** The runner as the public may know them: only the details the runner agreed to show. */
export class RunnerContactV1 {
  @IsString()
  @Length(2, 120)
  displayName: string;

  /** What they do at the sponsor, e.g. "senior carer". */
  @IsOptional()
  @IsString()
  @Length(2, 80)
  roleTitle?: string;

  @IsOptional()
  @IsString()
  @MaxLength(254)
  @IsEmail({ allow_display_name: false })
  publicEmail?: string;

  @IsOptional()
  @IsString()
  @Matches(/^\+?[0-9][0-9 ()-]{4,28}[0-9]$/, { message: 'publicPhone must be a phone number' })
  publicPhone?: string;
}

export class JourneyTargetsV1 {
  @IsOptional()
  @Matches(DAY, { message: 'registeredBy must be a date, YYYY-MM-DD' })
  @IsISO8601({ strict: true })
  registeredBy?: string;

  @IsOptional()
  @Matches(DAY, { message: 'tradingBy must be a date, YYYY-MM-DD' })
  @IsISO8601({ strict: true })
  tradingBy?: string;
}

/**
 * Co-op to hub: the sponsor proposes a spin-off co-op, with its runner (a worker of the sponsor, named only
 * by the public details they agreed to show) and target dates. The hub records the proposed co-op in the
 * registry as `proposed` under its sponsor, and its journey starts.
 */
export class OnboardingSpinOffProposedV1 {
  @IsUUID('4')
  proposalId: string;

  @Matches(COOP_ID_PATTERN, { message: `coopId must be a co-op id: ${COOP_ID_RULE}` })
  coopId: string;

  @IsString()
  @Length(2, 120)
  name: string;

  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsString({ each: true })
  @Length(2, 80, { each: true })
  localities: string[];

  @ArrayMinSize(1)
  @ArrayMaxSize(SERVICE_TYPES.length)
  @ArrayUnique()
  @IsIn(SERVICE_TYPES, { each: true })
  services: ServiceType[];

  @IsObject()
  @ValidateNested()
  @Nested(RunnerContactV1)
  runner: RunnerContactV1;

  @IsObject()
  @ValidateNested()
  @Nested(JourneyTargetsV1)
  targets: JourneyTargetsV1;
}

export const ONBOARDING_SPIN_OFF_PROPOSED_V1 = defineMessage({
  type: 'onboarding.spin-off-proposed',
  version: 1,
  direction: 'coop-to-hub',
  transport: 'durable',
  payload: OnboardingSpinOffProposedV1,
});
