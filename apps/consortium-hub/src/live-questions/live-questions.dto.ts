import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, Max, Min, ValidateBy } from 'class-validator';

import { isMonday, WEEK_START_RULE } from '@app/contracts';
import { IsOptionalNotNull } from '@app/platform';

export const DEFAULT_DEADLINE_MS = 3000;
const DEADLINE_RULE = 'deadlineMs must be a whole number of milliseconds from 200 to 15000';

export class AskSpareCareHoursDto {
  @ApiPropertyOptional({ example: '2026-03-30', description: 'The Monday of the week asked about; this week (Europe/London) if left out' })
  @IsOptionalNotNull()
  @ValidateBy({ name: 'isWeekStart', validator: { validate: isMonday, defaultMessage: () => `weekStart must be ${WEEK_START_RULE}` } })
  weekStart?: string;

  @ApiPropertyOptional({ example: DEFAULT_DEADLINE_MS, minimum: 200, maximum: 15000, description: 'How long to wait for answers' })
  @IsOptionalNotNull()
  @IsInt({ message: DEADLINE_RULE })
  @Min(200, { message: DEADLINE_RULE })
  @Max(15000, { message: DEADLINE_RULE })
  deadlineMs?: number;
}

export class LocalityHoursView {
  @ApiProperty({ example: 'Marsden' }) locality: string;
  @ApiProperty({ example: 12.5, description: 'Hours to the hundredth; negative when more is planned than contracted' }) spareHours: number;
}

export class RepliedCoopView {
  @ApiProperty() coopId: string;
  @ApiProperty() name: string;
  @ApiProperty({ example: 41.75 }) totalSpareHours: number;
  @ApiProperty({ type: [LocalityHoursView] }) localities: LocalityHoursView[];
}

export class NotRepliedCoopView {
  @ApiProperty() coopId: string;
  @ApiProperty() name: string;
  @ApiProperty({
    enum: ['offline', 'no-answer-in-time'],
    description: 'offline: not online, so not asked; no-answer-in-time: asked, silent until the deadline',
  })
  reason: 'offline' | 'no-answer-in-time';
}

export class SpareHoursTotalView {
  @ApiProperty({ example: 120.5, description: 'Sum of the totals of the co-ops that replied' }) spareHours: number;
  @ApiProperty({ type: [LocalityHoursView], description: 'Per locality across the co-ops that replied, alphabetical' })
  perLocality: LocalityHoursView[];
}

export class SpareCareHoursResultView {
  @ApiProperty() questionId: string;
  @ApiProperty({ example: '2026-03-30' }) weekStart: string;
  @ApiProperty() askedAt: string;
  @ApiProperty() deadlineMs: number;
  @ApiProperty({ description: 'From asking to the last answer, or to the deadline' }) elapsedMs: number;
  @ApiProperty({ type: [String], description: 'The member co-ops online when asked (registered or trading)' }) asked: string[];
  @ApiProperty({ type: [RepliedCoopView] }) replied: RepliedCoopView[];
  @ApiProperty({ type: [NotRepliedCoopView] }) notReplied: NotRepliedCoopView[];
  @ApiProperty({ description: 'Answers not counted: malformed, unsigned, signed with the wrong key, for another question, or repeated' })
  ignored: number;
  @ApiProperty({ type: SpareHoursTotalView }) total: SpareHoursTotalView;
}
