import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, Matches, Max, Min } from 'class-validator';

import { QUARTER_LABEL_PATTERN, QUARTER_LABEL_RULE } from '@app/contracts';
import { IsOptionalNotNull, IsTimestampWithZone } from '@app/platform';

import { DEFAULT_LOCK_AFTER_DAYS, MAX_LOCK_AFTER_DAYS } from './review.rules';

export class OpenCycleDto {
  @ApiProperty({ example: '2026-Q3' })
  @Matches(QUARTER_LABEL_PATTERN, { message: `period must be ${QUARTER_LABEL_RULE}` })
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
