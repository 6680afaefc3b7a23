import { Module } from '@nestjs/common';

import { ApplySubmission } from './apply-submission.use-case';
import { ConsolidatedReports } from './consolidated-reports.queries';
import { CycleQueries } from './cycle.queries';
import { DefinitionsController } from './definitions.controller';
import { OpenCycle } from './open-cycle.use-case';
import { PublishRelease } from './publish-release.use-case';
import { ReportController } from './report.controller';
import { ReportingController } from './reporting.controller';
import { ReviewController } from './review.controller';
import { GrantException } from './review-exception.use-case';
import { ReviewReturn } from './review-return.use-case';

/**
 * Aggregated reporting on the hub: return cycles, the returns co-ops send, completeness and
 * timeliness, sign-off, and the consolidated report with disclosure control, trends and exports.
 */
@Module({
  controllers: [DefinitionsController, ReportController, ReportingController, ReviewController],
  providers: [ApplySubmission, ConsolidatedReports, CycleQueries, OpenCycle, GrantException, PublishRelease, ReviewReturn],
  exports: [ConsolidatedReports, CycleQueries, ReviewReturn, PublishRelease, GrantException],
})
export class ReportingModule {}
