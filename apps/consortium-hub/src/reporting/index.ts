export { ConsolidatedReports } from './consolidated-reports.queries';
export { CycleQueries } from './cycle.queries';
export type { FigureTable, PublishedFigure, Suppressed, SuppressionReason } from './disclosure-control.rules';
export { isSuppressed, publishSingleFigure, SUPPRESSED, SUPPRESSED_LABEL, suppressSmallCounts } from './disclosure-control.rules';
export type { ReportDocumentView } from './report.dto';
export { ReportQuery } from './report.dto';
export { metricTables } from './report-page.rules';
export { ReportingModule } from './reporting.module';
