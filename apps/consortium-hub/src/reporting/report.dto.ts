import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

import { METRIC_ID_PATTERN, QUARTER_LABEL_PATTERN, QUARTER_LABEL_RULE } from '@app/contracts';
import { toInt } from '@app/platform';

import type { ReportBasis } from './consolidated-reports.queries';
import { CyclePeriodView } from './reporting.dto';

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

export class ReportDefinitionView {
  @ApiProperty({ example: 'ccm-quarterly' }) id: string;
  @ApiProperty({ example: 1 }) version: number;
}

export class ReportReleaseRefView {
  @ApiProperty() number: number;
  @ApiProperty() publishedAt: string;
}

export class IncludedCoopView {
  @ApiProperty() coopId: string;
  @ApiProperty() name: string;
}

export class ReportCoverageView {
  @ApiProperty() coops: number;
  @ApiProperty({ type: [IncludedCoopView] }) included: IncludedCoopView[];
  @ApiProperty() statement: string;
}

/** A consolidated report: a published release, or (staff only, with `basis`) a live look at the returns. */
export class ReportDocumentView {
  @ApiProperty() cycleId: string;
  @ApiProperty({ type: ReportDefinitionView }) definition: ReportDefinitionView;
  @ApiProperty({ type: CyclePeriodView }) period: CyclePeriodView;
  @ApiPropertyOptional({ type: ReportReleaseRefView, description: 'A published release' }) release?: ReportReleaseRefView;
  @ApiPropertyOptional({ enum: ['approved', 'submitted'], description: 'A live look, not published' }) basis?: ReportBasis;
  @ApiProperty() generatedAt: string;
  @ApiProperty({ type: ReportCoverageView }) coverage: ReportCoverageView;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Thresholds, how many figures were suppressed, and why' })
  disclosure: Record<string, unknown>;
  @ApiProperty({ type: 'array', items: { type: 'object' }, description: 'Each metric: its total, breakdowns and distribution' })
  metrics: object[];
  @ApiPropertyOptional({ type: 'array', items: { type: 'object' }, description: 'Consortium staff only: why each figure was suppressed' })
  suppressions?: object[];
  @ApiPropertyOptional({ description: 'A live look only: how long consolidation took' }) consolidationMs?: number;
}

export class ReleaseSummaryView {
  @ApiProperty() number: number;
  @ApiProperty() publishedAt: string;
  @ApiProperty({ description: 'Co-ops covered' }) coops: number;
}

export class TrendMetricView {
  @ApiProperty() id: string;
  @ApiProperty() title: string;
  @ApiProperty() unit: string;
  @ApiProperty() definition: string;
  @ApiProperty() countsPeople: boolean;
}

export class TrendView {
  @ApiProperty({ type: TrendMetricView }) metric: TrendMetricView;
  @ApiProperty() source: string;
  @ApiProperty() note: string;
  @ApiProperty({
    type: 'array',
    items: { type: 'object' },
    description: 'Oldest first: period, release, coopsCovered, total, change, breakdowns, distribution',
  })
  points: object[];
}
