import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';

import { SAFEGUARDING_CATEGORIES, SAFEGUARDING_OUTCOMES, SafeguardingCategory, SafeguardingOutcome } from '@app/contracts';
import { IsCalendarDate, IsOptionalNotNull, PageQuery, PageView } from '@app/platform';

export class RecordSafeguardingConcernDto {
  @ApiProperty({ description: 'The person supported the concern is about' })
  @IsUUID('4')
  serviceUserId: string;

  @ApiProperty({ example: '2026-05-04', description: 'The day the concern was raised; not after today' })
  @IsCalendarDate()
  raisedOn: string;

  @ApiProperty({ enum: SAFEGUARDING_CATEGORIES, description: 'The Care Act 2014 category of abuse or neglect' })
  @IsIn(SAFEGUARDING_CATEGORIES)
  category: SafeguardingCategory;

  @ApiPropertyOptional({ maxLength: 2000, description: 'What was seen or heard; kept on the node, blanked when the person is erased' })
  @IsOptionalNotNull()
  @IsString()
  @Length(1, 2000)
  details?: string;

  @ApiPropertyOptional({
    nullable: true,
    example: '2026-05-05',
    description: 'The day it was referred to the council; absent or null: not referred',
  })
  @IsOptional()
  @IsCalendarDate()
  referredOn?: string | null;
}

/** A referral made, or the outcome once the concern closes. */
export class UpdateSafeguardingConcernDto {
  @ApiPropertyOptional({
    example: '2026-05-05',
    description: 'The day the concern was referred to the council (a referral cannot be withdrawn)',
  })
  @IsOptionalNotNull()
  @IsCalendarDate()
  referredOn?: string;

  @ApiPropertyOptional({ enum: SAFEGUARDING_OUTCOMES, description: 'A closing outcome closes the concern for good' })
  @IsOptionalNotNull()
  @IsIn(SAFEGUARDING_OUTCOMES)
  outcome?: SafeguardingOutcome;

  @ApiPropertyOptional({ example: '2026-06-20', description: 'Required with a closing outcome' })
  @IsOptionalNotNull()
  @IsCalendarDate()
  closedOn?: string;
}

export const SAFEGUARDING_STATES = ['open', 'closed'] as const;

export class ListSafeguardingConcernsQuery extends PageQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('4')
  serviceUserId?: string;

  @ApiPropertyOptional({ enum: SAFEGUARDING_CATEGORIES })
  @IsOptional()
  @IsIn(SAFEGUARDING_CATEGORIES)
  category?: SafeguardingCategory;

  @ApiPropertyOptional({ enum: SAFEGUARDING_STATES })
  @IsOptional()
  @IsIn(SAFEGUARDING_STATES)
  state?: (typeof SAFEGUARDING_STATES)[number];

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'Only those referred (or not) to the council' })
  @IsOptional()
  @IsIn(['true', 'false'])
  referred?: 'true' | 'false';

  @ApiPropertyOptional({ description: 'Raised on or after this day' })
  @IsOptional()
  @IsCalendarDate()
  raisedFrom?: string;

  @ApiPropertyOptional({ description: 'Raised on or before this day' })
  @IsOptional()
  @IsCalendarDate()
  raisedTo?: string;
}

export class SafeguardingConcernView {
  @ApiProperty() id: string;
  @ApiProperty() serviceUserId: string;
  @ApiProperty() raisedOn: string;
  @ApiProperty({ enum: SAFEGUARDING_CATEGORIES }) category: SafeguardingCategory;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Null if none was written, or once the person has been erased' })
  details: string | null;
  @ApiProperty() referredToCouncil: boolean;
  @ApiPropertyOptional({ nullable: true, type: String }) referredOn: string | null;
  @ApiProperty({ enum: SAFEGUARDING_OUTCOMES }) outcome: SafeguardingOutcome;
  @ApiPropertyOptional({ nullable: true, type: String }) closedOn: string | null;
}

export class SafeguardingConcernPage extends PageView(SafeguardingConcernView) {}
