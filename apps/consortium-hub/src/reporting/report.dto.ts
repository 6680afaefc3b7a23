import { ApiProperty, ApiPropertyOptional, ApiPropertyOptions } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

import {
  BREAKDOWN_DIMENSIONS,
  BreakdownDimension,
  IsPeriodLabel,
  METRIC_ID_PATTERN,
  PERIOD_LABEL_RULE,
  PERIOD_TYPES,
  PeriodType,
  REPORT_SECTIONS,
  REPORT_UNITS,
  ReportSection,
  ReportUnit,
  TREND_BASES,
  TrendBasis,
} from '@app/contracts';
import { toInt } from '@app/platform';

import type { ReportValue } from './consolidation.rules';
import type { SuppressionReason } from './disclosure-control.rules';
import { CyclePeriodView } from './reporting.dto';

/**
 * A live look at the returns, for consortium staff while they review: `approved` (what the next
 * release would hold) or `submitted` (every current return, approved or not).
 */
export const REPORT_BASES = ['approved', 'submitted'] as const;
export type ReportBasis = (typeof REPORT_BASES)[number];

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

  @ApiPropertyOptional({ example: '2026-Q1', description: `The first period, included (by its first day): ${PERIOD_LABEL_RULE}` })
  @IsOptional()
  @IsPeriodLabel()
  from?: string;

  @ApiPropertyOptional({ example: '2026-Q4', description: 'The last period, included (by its last day), of any type' })
  @IsOptional()
  @IsPeriodLabel()
  to?: string;

  @ApiPropertyOptional({
    enum: PERIOD_TYPES,
    description: "The periods of the series: like with like. Default: from's (or to's) type, else calendar quarters",
  })
  @IsOptional()
  @IsIn(PERIOD_TYPES, { message: `periodType must be one of ${PERIOD_TYPES.join(', ')}` })
  periodType?: PeriodType;

  @ApiPropertyOptional({
    type: Boolean,
    description:
      "true: line up periods of every type, flows (hours, counts of events, spend) as a rate per week with each period's days, stocks and rates as they are",
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'align must be true or false' })
  align?: boolean;
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

/** A figure of the report: a number, suppressed (an object of its own, never a number), or null: not recorded, or nothing to divide by. */
const FIGURE: ApiPropertyOptions = {
  oneOf: [
    { type: 'number' },
    { type: 'object', properties: { suppressed: { type: 'boolean', enum: [true] } }, required: ['suppressed'], description: 'Suppressed' },
  ],
  nullable: true,
  example: { suppressed: true },
};

export class ReportCellView {
  @ApiProperty({ example: 'self-funder', description: 'A category of the dimension: a vocabulary value, a locality or a contract id' })
  category: string;
  @ApiProperty(FIGURE) value: ReportValue;
  @ApiPropertyOptional({ description: 'A readable name where the category is an id (a contract)' }) label?: string;
}

export class ReportBreakdownView {
  @ApiProperty({ enum: BREAKDOWN_DIMENSIONS }) dimension: BreakdownDimension;
  @ApiProperty({ type: [ReportCellView] }) cells: readonly ReportCellView[];
}

export class ReportCrossBreakdownView {
  @ApiProperty({ enum: BREAKDOWN_DIMENSIONS, example: 'locality' }) rows: BreakdownDimension;
  @ApiProperty({ enum: BREAKDOWN_DIMENSIONS, example: 'service_type' }) columns: BreakdownDimension;
  @ApiProperty({ type: [String], example: ['Golcar', 'Marsden'] }) rowCategories: readonly string[];
  @ApiProperty({ type: [String], example: ['personal-care', 'domestic-help'] }) columnCategories: readonly string[];
  @ApiProperty({
    type: 'array',
    items: {
      type: 'array',
      items: {
        nullable: true,
        oneOf: [
          { type: 'number' },
          { type: 'object', properties: { suppressed: { type: 'boolean', enum: [true] } }, required: ['suppressed'] },
        ],
      },
    },
    description: 'Rows by columns: a number, {"suppressed": true}, or null. The margins are the one-way breakdowns by each dimension.',
  })
  cells: readonly (readonly ReportValue[])[];
}

export class RatingCountView {
  @ApiProperty({ description: 'The coded level' }) value: number;
  @ApiProperty() label: string;
  @ApiProperty({ description: 'Co-ops at this level' }) coops: number;
}

export class ReportMetricView {
  @ApiProperty({ example: 'people_supported' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: REPORT_SECTIONS }) section: ReportSection;
  @ApiProperty({ enum: REPORT_UNITS }) unit: ReportUnit;
  @ApiProperty() definition: string;
  @ApiProperty() countsPeople: boolean;
  @ApiProperty({ nullable: true, type: Number, description: 'The disclosure threshold applied; null for figures shown as they are' })
  threshold: number | null;
  @ApiProperty(FIGURE) total: ReportValue;
  @ApiProperty({ type: [ReportBreakdownView] }) breakdowns: readonly ReportBreakdownView[];
  @ApiPropertyOptional({
    type: [ReportCrossBreakdownView],
    description: 'Two-way breakdowns (hours and people visited by locality and service type, from version 3)',
  })
  crossBreakdowns?: readonly ReportCrossBreakdownView[];
  @ApiProperty({ description: "How many of the report's co-ops the figure covers" }) reportedBy: number;
  @ApiPropertyOptional({ type: [RatingCountView], description: 'A rating only: how many co-ops are at each level' })
  distribution?: readonly RatingCountView[];
  @ApiPropertyOptional({ description: 'A rating only: how many co-ops recorded none' }) notRecordedBy?: number;
}

export class SuppressedColumnView {
  @ApiProperty({ enum: BREAKDOWN_DIMENSIONS }) dimension: BreakdownDimension;
  @ApiProperty() category: string;
}

export class SuppressedCellView {
  @ApiProperty({ enum: BREAKDOWN_DIMENSIONS }) dimension: BreakdownDimension;
  @ApiProperty() category: string;
  @ApiPropertyOptional({ type: SuppressedColumnView, description: 'A cell of a two-way breakdown: its column' })
  column?: SuppressedColumnView;
}

export class SuppressionNoteView {
  @ApiProperty({ description: 'The metric id' }) metric: string;
  @ApiProperty({ nullable: true, type: SuppressedCellView, description: "The cell suppressed; null for the metric's total" })
  breakdown: SuppressedCellView | null;
  @ApiProperty({
    type: String,
    pattern: '^(primary|secondary: .+|withheld: .+)$',
    example: 'primary',
    description: 'primary: a small count; secondary: why it would give a suppressed one away; withheld: a co-op withheld its part',
  })
  reason: SuppressionReason;
}

export class DisclosureView {
  @ApiProperty({ description: 'Counts of people from 1 to this are suppressed' }) threshold: number;
  @ApiProperty({ description: 'The same for workforce counts' }) workforceThreshold: number;
  @ApiProperty({ description: 'How many figures of the report are suppressed' }) suppressedFigures: number;
  @ApiProperty() note: string;
}

/** A consolidated report: a published release, or (staff only, with `basis`) a live look at the returns. */
export class ReportDocumentView {
  @ApiProperty() cycleId: string;
  @ApiProperty({ type: ReportDefinitionView }) definition: ReportDefinitionView;
  @ApiProperty({ type: CyclePeriodView }) period: CyclePeriodView;
  @ApiPropertyOptional({ type: ReportReleaseRefView, description: 'A published release' }) release?: ReportReleaseRefView;
  @ApiPropertyOptional({ enum: REPORT_BASES, description: 'A live look, not published' }) basis?: ReportBasis;
  @ApiProperty() generatedAt: string;
  @ApiProperty({ type: ReportCoverageView }) coverage: ReportCoverageView;
  @ApiProperty({ type: DisclosureView, description: 'Thresholds, how many figures were suppressed, and why' }) disclosure: DisclosureView;
  @ApiProperty({ type: [ReportMetricView], description: 'Each metric: its total, breakdowns and distribution' })
  metrics: readonly ReportMetricView[];
  @ApiPropertyOptional({ type: [SuppressionNoteView], description: 'Consortium staff only: why each figure was suppressed' })
  suppressions?: readonly SuppressionNoteView[];
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
  @ApiProperty({ enum: REPORT_UNITS }) unit: ReportUnit;
  @ApiProperty() definition: string;
  @ApiProperty() countsPeople: boolean;
}

export class TrendPointView {
  @ApiProperty({ example: '2026-Q1' }) period: string;
  @ApiProperty({ enum: PERIOD_TYPES }) periodType: PeriodType;
  @ApiProperty({ example: '2026-01-01' }) start: string;
  @ApiProperty({ example: '2026-03-31' }) end: string;
  @ApiProperty({ example: 90, description: "The period's days, both ends included" }) days: number;
  @ApiProperty({ example: 3, description: 'The version of the return definition the cycle asked for' }) definitionVersion: number;
  @ApiPropertyOptional({ ...FIGURE, description: 'A flow over the days of its period times 7, when periods of every type are lined up' })
  perWeek?: ReportValue;
  @ApiProperty({ description: "The metric's definition changed from the point before: a new series starts here, and change is null" })
  breakInSeries: boolean;
  @ApiPropertyOptional({ description: 'The release read: absent for a live look' }) release?: number;
  @ApiProperty() coopsCovered: number;
  @ApiProperty(FIGURE) total: ReportValue;
  @ApiProperty({
    nullable: true,
    type: Number,
    description:
      'The difference from the period before (percentage points for a rate); null when either figure is suppressed or not recorded',
  })
  change: number | null;
  @ApiProperty({ type: [ReportBreakdownView] }) breakdowns: readonly ReportBreakdownView[];
  @ApiPropertyOptional({ type: [RatingCountView], description: 'A rating only' }) distribution?: readonly RatingCountView[];
}

export class TrendView {
  @ApiProperty({ type: TrendMetricView }) metric: TrendMetricView;
  @ApiProperty() source: string;
  @ApiProperty() note: string;
  @ApiProperty({ enum: TREND_BASES, description: 'How the metric lines up across periods of different lengths' }) basis: TrendBasis;
  @ApiProperty() basisRule: string;
  @ApiProperty({ enum: [...PERIOD_TYPES, 'aligned'], description: "The points' period type, or aligned (every type, flows per week)" })
  periods: PeriodType | 'aligned';
  @ApiProperty({ type: [TrendPointView], description: 'Oldest first' }) points: TrendPointView[];
}
