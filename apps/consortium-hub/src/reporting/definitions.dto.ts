import { ApiProperty } from '@nestjs/swagger';

import {
  BREAKDOWN_DIMENSIONS,
  BreakdownDimension,
  PERIOD_TYPES,
  PeriodType,
  REPORT_SECTIONS,
  REPORT_UNITS,
  ReportSection,
  ReportUnit,
} from '@app/contracts';

export class PeriodTypeView {
  @ApiProperty({ enum: PERIOD_TYPES }) type: PeriodType;
  @ApiProperty({ example: 'a calendar month written YYYY-MM, e.g. 2026-05 (May 2026)' }) rule: string;
}

export class MetricValidationView {
  @ApiProperty({ enum: ['integer', 'decimal'] }) type: 'integer' | 'decimal';
  @ApiProperty() min: number;
  @ApiProperty() max: number;
  @ApiProperty({ required: false, description: 'Most decimal places a decimal value may carry' }) decimals?: number;
  @ApiProperty({ description: 'Whether null is a valid value' }) nullable: boolean;
  @ApiProperty({ example: 'a whole number from 0 to 1,000,000' }) rule: string;
}

export class MetricConsolidationView {
  @ApiProperty({ enum: ['sum', 'ratio', 'weighted-mean', 'distribution'] }) kind: string;
  @ApiProperty({ description: 'How the hub combines the co-ops’ figures, in words' }) rule: string;
}

export class MetricDescriptionView {
  @ApiProperty({ example: 'care_hours_delivered' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: REPORT_SECTIONS }) section: ReportSection;
  @ApiProperty({ description: 'What is counted, from which records, on which days' }) definition: string;
  @ApiProperty({ enum: REPORT_UNITS }) unit: ReportUnit;
  @ApiProperty() countsPeople: boolean;
  @ApiProperty({ description: 'Whether every return must hold it' }) required: boolean;
  @ApiProperty({ enum: BREAKDOWN_DIMENSIONS, isArray: true }) breakdowns: readonly BreakdownDimension[];
  @ApiProperty({ type: [String], example: ['locality × service_type'], description: 'Two-way breakdowns, rows × columns' })
  crossBreakdowns: readonly string[];
  @ApiProperty({ type: MetricValidationView }) validation: MetricValidationView;
  @ApiProperty({ type: MetricConsolidationView }) consolidation: MetricConsolidationView;
  @ApiProperty({ description: 'How disclosure control treats it, in words, with the thresholds this app applies' }) disclosure: string;
  @ApiProperty({ description: 'Its definition reads differently from the version before: trends mark a break in series' })
  changedFromPreviousVersion: boolean;
}

export class DefinitionDescriptionView {
  @ApiProperty({ example: 'ccm-quarterly' }) id: string;
  @ApiProperty({ example: 3 }) version: number;
  @ApiProperty() title: string;
  @ApiProperty({ description: 'The definition new cycles ask for' }) current: boolean;
  @ApiProperty({ type: [PeriodTypeView], description: 'The periods a cycle may ask this definition for' })
  periodTypes: readonly PeriodTypeView[];
  @ApiProperty({ type: [MetricDescriptionView] }) metrics: readonly MetricDescriptionView[];
}
