import { Module } from '@nestjs/common';

import { TenderingModule } from '../tendering';
import { CareFigureQueries } from './care-figures.queries';
import { CommunityFigureQueries } from './community-figures.queries';
import { ComputeReturn } from './compute-return.use-case';
import { RecordReturnRequest } from './record-return-request.use-case';
import { RecordReturnReview } from './record-return-review.use-case';
import { ReportingController } from './reporting.controller';
import { ReturnRequestQueries } from './return-request.queries';
import { ReturnRequestsController } from './return-requests.controller';
import { SubmitReturn } from './submit-return.use-case';
import { TimeCreditFigureQueries } from './time-credit-figures.queries';
import { WorkforceFigureQueries } from './workforce-figures.queries';

/**
 * Aggregate returns: the node computes its figures from its own tables with SQL aggregates and
 * withholds small counts of people before anything would leave it. Nothing personal is read out
 * of the database here, only counts and sums.
 */
@Module({
  imports: [TenderingModule],
  controllers: [ReportingController, ReturnRequestsController],
  providers: [
    CareFigureQueries,
    CommunityFigureQueries,
    ComputeReturn,
    RecordReturnRequest,
    RecordReturnReview,
    ReturnRequestQueries,
    SubmitReturn,
    TimeCreditFigureQueries,
    WorkforceFigureQueries,
  ],
  exports: [ComputeReturn, ReturnRequestQueries, SubmitReturn],
})
export class ReportingModule {}
