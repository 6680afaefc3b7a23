import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsString, Length, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';

import { ONBOARDING_LIMITS } from '@app/contracts';
import { IsCalendarDate } from '@app/platform';

/** A version of one of the co-op's policies, as its board adopted it. */
export class AdoptPolicyDto {
  @ApiProperty({ minLength: 2, maxLength: 200, example: 'Safeguarding adults' })
  @IsString()
  @Length(2, 200)
  // Counted as the database counts (characters, not UTF-16 units): one emoji is two units but one character.
  @Matches(/^[\s\S]{2,}$/u, { message: 'title must be at least 2 characters' })
  title: string;

  @ApiProperty({ minimum: 1, maximum: 10_000, description: 'Higher than the version in force' })
  @IsInt()
  @Min(1)
  @Max(10_000)
  version: number;

  @ApiProperty({ minLength: 1, maxLength: ONBOARDING_LIMITS.maxPolicyChars, description: 'The policy as adopted; it names no person' })
  @IsString()
  @MinLength(1)
  @MaxLength(ONBOARDING_LIMITS.maxPolicyChars)
  text: string;

  @ApiProperty({ example: '2026-03-12', description: 'The day it was adopted: not in the future, nor before the version it replaces' })
  @IsCalendarDate()
  adoptedOn: string;
}

export class PolicySummaryView {
  @ApiProperty({ example: 'safeguarding-adults' }) key: string;
  @ApiProperty() title: string;
  @ApiProperty() version: number;
  @ApiProperty({ example: '2026-03-12' }) adoptedOn: string;
  @ApiProperty({ description: "'own', or 'sponsor:<co-op id>' when taken from the sponsor's template at the co-op's founding" })
  source: string;
  @ApiProperty() updatedAt: string;
}

export class PolicyView extends PolicySummaryView {
  @ApiProperty() text: string;
}
