import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { QUARTER_LABEL_PATTERN, QUARTER_LABEL_RULE } from '@app/contracts';
import { IsTimestampWithZone } from '@app/platform';

export class OpenCycleDto {
  @ApiProperty({ example: '2026-Q3' })
  @Matches(QUARTER_LABEL_PATTERN, { message: `period must be ${QUARTER_LABEL_RULE}` })
  period: string;

  @ApiProperty({ example: '2026-10-31T17:00:00Z', description: 'When returns are due; after the period ends' })
  @IsTimestampWithZone()
  dueAt: string;
}
