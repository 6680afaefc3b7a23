export type { FigureTable, PublishedFigure, Suppressed, SuppressionReason } from './disclosure-control.rules';
export { isSuppressed, publishSingleFigure, SUPPRESSED, SUPPRESSED_LABEL, suppressSmallCounts } from './disclosure-control.rules';
export { ReportingModule } from './reporting.module';
