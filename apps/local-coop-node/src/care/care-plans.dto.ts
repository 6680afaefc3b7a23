import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';

import { IsCalendarDate, PageQuery, PageView } from '@app/platform';

/** Scores on the Canadian Occupational Performance Measure's scale. */
const Score = (): PropertyDecorator => (target, key) => {
  IsInt()(target, key);
  Min(1)(target, key);
  Max(10)(target, key);
};

export class GoalDto {
  @ApiProperty({ maxLength: 500, example: 'Walk to the shop on my own' })
  @IsString()
  @Length(1, 500)
  description: string;

  @ApiProperty({ minimum: 1, maximum: 10, description: 'How much the goal matters to the person, as COPM asks first' })
  @Score()
  importance: number;

  @ApiProperty({ minimum: 1, maximum: 10 })
  @Score()
  performanceAtStart: number;

  @ApiProperty({ minimum: 1, maximum: 10 })
  @Score()
  satisfactionAtStart: number;
}

export class AgreeCarePlanDto {
  @ApiProperty({ example: '2026-04-01' })
  @IsCalendarDate()
  agreedOn: string;

  @ApiProperty({ example: '2026-10-01', description: 'After agreedOn' })
  @IsCalendarDate()
  reviewDueOn: string;

  @ApiProperty({ type: [GoalDto], description: 'The goals the person chose, 1 to 10' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => GoalDto)
  goals: GoalDto[];
}

export class GoalReviewDto {
  @ApiProperty()
  @IsUUID('4')
  goalId: string;

  @ApiProperty({ minimum: 1, maximum: 10 })
  @Score()
  performance: number;

  @ApiProperty({ minimum: 1, maximum: 10 })
  @Score()
  satisfaction: number;
}

export class ReviewCarePlanDto {
  @ApiProperty({ example: '2026-10-01' })
  @IsCalendarDate()
  reviewedOn: string;

  @ApiProperty({ type: [GoalReviewDto], description: "Every one of the plan's goals, scored again" })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => GoalReviewDto)
  goals: GoalReviewDto[];
}

export const CARE_PLAN_STATES = ['awaiting-review', 'reviewed'] as const;

export class ListCarePlansQuery extends PageQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('4')
  serviceUserId?: string;

  @ApiPropertyOptional({ enum: CARE_PLAN_STATES })
  @IsOptional()
  @IsIn(CARE_PLAN_STATES)
  state?: (typeof CARE_PLAN_STATES)[number];

  @ApiPropertyOptional({ description: 'Only plans whose review is due on or before this date' })
  @IsOptional()
  @IsCalendarDate()
  reviewDueBy?: string;
}

export class GoalView {
  @ApiProperty() id: string;
  @ApiProperty() position: number;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Null once the person has been erased' }) description: string | null;
  @ApiPropertyOptional({
    nullable: true,
    type: Number,
    description: 'Importance to the person, 1 to 10; null for a goal agreed before importance was recorded',
  })
  importance: number | null;
  @ApiProperty() performanceAtStart: number;
  @ApiProperty() satisfactionAtStart: number;
  @ApiPropertyOptional({ nullable: true, type: Number }) performanceAtReview: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) satisfactionAtReview: number | null;
  @ApiPropertyOptional({
    nullable: true,
    type: Boolean,
    description: "Either score 2 or more points higher at review than at start (COPM's meaningful change); null until reviewed",
  })
  improved: boolean | null;
}

export class CarePlanView {
  @ApiProperty() id: string;
  @ApiProperty() serviceUserId: string;
  @ApiProperty() agreedOn: string;
  @ApiProperty() reviewDueOn: string;
  @ApiPropertyOptional({ nullable: true, type: String }) reviewedOn: string | null;
  @ApiProperty({ type: [GoalView] }) goals: GoalView[];
  @ApiPropertyOptional({
    nullable: true,
    type: Number,
    description: 'Goals improved at review (a rise of 2 points or more); null until reviewed',
  })
  goalsImproved: number | null;
}

export class CarePlanPage extends PageView(CarePlanView) {}
