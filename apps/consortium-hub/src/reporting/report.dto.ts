import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

import { METRIC_ID_PATTERN, QUARTER_LABEL_PATTERN, QUARTER_LABEL_RULE } from '@app/contracts';
import { toInt } from '@app/platform';

import type { ReportBasis } from './consolidated-reports.queries';

export const REPORT_BASES: readonly ReportBasis[] = ['approved', 'submitted'];

/** A live look instead of a published release: consortium staff only. */
export class BasisQuery {
  @ApiPropertyOptional({
    enum: REPORT_BASES,
    description: 'A live look instead of the published release (consortium staff only): approved returns, or every current return',
  })
  @IsOptional()
  @IsIn(REPORT_BASES)
  basis?: ReportBasis;
}

export class ReportQuery extends BasisQuery {
  @ApiPropertyOptional({ example: 1, description: 'An earlier release by its number; the latest when left out' })
  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'release must be a whole number from 1' })
  @Min(1, { message: 'release must be a whole number from 1' })
  @Max(100_000, { message: 'release must be a whole number from 1' })
  release?: number;
}

export class TrendQuery extends BasisQuery {
  @ApiProperty({ example: 'people_supported', description: 'A metric id of the return definition' })
  @Matches(METRIC_ID_PATTERN, { message: 'metric must be a snake_case metric id' })
  metric: string;

  @ApiPropertyOptional({ example: '2026-Q1', description: 'First period, included' })
  @IsOptional()
  @Matches(QUARTER_LABEL_PATTERN, { message: `from must be ${QUARTER_LABEL_RULE}` })
  from?: string;

  @ApiPropertyOptional({ example: '2026-Q4', description: 'Last period, included' })
  @IsOptional()
  @Matches(QUARTER_LABEL_PATTERN, { message: `to must be ${QUARTER_LABEL_RULE}` })
  to?: string;
}
