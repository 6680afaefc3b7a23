import { Module } from '@nestjs/common';
import { CareFigureQueries } from './care-figures.queries';
import { CommunityFigureQueries } from './community-figures.queries';
import { ComputeReturn } from './compute-return.use-case';
import { ReportingController } from './reporting.controller';
import { WorkforceFigureQueries } from './workforce-figures.queries';

/**
 * Aggregate returns: the node computes its figures from its own tables with SQL aggregates and
 * withholds small counts of people before anything would leave it. Nothing personal is read out
 * of the database here, only counts and sums.
 */
@Module({
  controllers: [ReportingController],
  providers: [CareFigureQueries, CommunityFigureQueries, ComputeReturn, WorkforceFigureQueries],
  exports: [ComputeReturn],
})
export class ReportingModule {}
