import { Module } from '@nestjs/common';
import { ApplySubmission } from './apply-submission.use-case';
import { CycleQueries } from './cycle-queries';
import { OpenCycle } from './open-cycle.use-case';
import { ReportingController } from './reporting.controller';

/**
 * Aggregated reporting on the hub: return cycles, the returns co-ops send, completeness and
 * timeliness. (Consolidation with disclosure control, sign-off and exports build on this.)
 */
@Module({
  controllers: [ReportingController],
  providers: [ApplySubmission, CycleQueries, OpenCycle],
})
export class ReportingModule {}
