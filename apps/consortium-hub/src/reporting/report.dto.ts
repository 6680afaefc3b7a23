import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { METRIC_ID_PATTERN, QUARTER_LABEL_PATTERN, QUARTER_LABEL_RULE } from '@app/contracts';
import type { ReportBasis } from './consolidated-reports';

export const REPORT_BASES: readonly ReportBasis[] = ['approved', 'submitted'];

export class ReportQuery {
  @ApiPropertyOptional({ enum: REPORT_BASES, default: 'approved', description: 'submitted: every current return, approved or not (consortium staff only)' })
  @IsOptional()
  @IsIn(REPORT_BASES)
  basis?: ReportBasis;
}

export class TrendQuery extends ReportQuery {
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
