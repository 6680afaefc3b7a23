import { Module } from '@nestjs/common';

import { TenderingModule } from '../tendering';
import { WorkforceModule } from '../workforce';
import { AgreeCarePlan } from './agree-care-plan.use-case';
import { CarePlanQueries } from './care-plan.queries';
import { CarePlanStore } from './care-plan.store';
import { CarePlansController } from './care-plans.controller';
import { CareReportsController } from './care-reports.controller';
import { CareReportQueries } from './care-reports.queries';
import { EraseServiceUser } from './erase-service-user.use-case';
import { PlanVisit } from './plan-visit.use-case';
import { RecordCarePlanReview } from './record-care-plan-review.use-case';
import { RecordSafeguardingConcern } from './record-safeguarding-concern.use-case';
import { RecordVisitOutcome } from './record-visit-outcome.use-case';
import { RegisterServiceUser } from './register-service-user.use-case';
import { RescheduleVisit } from './reschedule-visit.use-case';
import { SafeguardingConcernQueries } from './safeguarding-concern.queries';
import { SafeguardingConcernsController } from './safeguarding-concerns.controller';
import { ServiceUserQueries } from './service-user.queries';
import { ServiceUserStore } from './service-user.store';
import { ServiceUserDataQueries } from './service-user-data.queries';
import { ServiceUsersController } from './service-users.controller';
import { UpdateSafeguardingConcern } from './update-safeguarding-concern.use-case';
import { UpdateServiceUser } from './update-service-user.use-case';
import { VisitQueries } from './visit.queries';
import { VisitStore } from './visit.store';
import { VisitParticipants } from './visit-participants.service';
import { VisitsController } from './visits.controller';

/**
 * Care delivery: the people supported, their co-designed plans and goals, visits by service type,
 * continuity of carers, safeguarding concerns. Personal data: none of it is published off the node.
 */
@Module({
  imports: [WorkforceModule, TenderingModule],
  controllers: [ServiceUsersController, CarePlansController, VisitsController, CareReportsController, SafeguardingConcernsController],
  providers: [
    AgreeCarePlan,
    CarePlanQueries,
    CarePlanStore,
    CareReportQueries,
    EraseServiceUser,
    PlanVisit,
    RecordCarePlanReview,
    RecordSafeguardingConcern,
    RecordVisitOutcome,
    RegisterServiceUser,
    RescheduleVisit,
    SafeguardingConcernQueries,
    ServiceUserDataQueries,
    ServiceUserQueries,
    ServiceUserStore,
    UpdateSafeguardingConcern,
    UpdateServiceUser,
    VisitParticipants,
    VisitQueries,
    VisitStore,
  ],
  exports: [
    CareReportQueries,
    RecordSafeguardingConcern,
    RegisterServiceUser,
    SafeguardingConcernQueries,
    ServiceUserQueries,
    UpdateSafeguardingConcern,
  ],
})
export class CareModule {}
