import { Module } from '@nestjs/common';

import { WorkforceModule } from '../workforce';
import { ApplicantQueries } from './applicant.queries';
import { ApplicantStore } from './applicant.store';
import { ApplicantsController } from './applicants.controller';
import { EraseApplicant } from './erase-applicant.use-case';
import { HireApplicant } from './hire-applicant.use-case';
import { HireRequestQueries } from './hire-request.queries';
import { HireRequestStore } from './hire-request.store';
import { HireRequestsController } from './hire-requests.controller';
import { PoolVacancy } from './pool-vacancy.use-case';
import { ReceiveApplication } from './receive-application.use-case';
import { RecordHireAnswer } from './record-hire-answer.use-case';
import { RecordHireReceipt } from './record-hire-receipt.use-case';
import { RecordNotHired } from './record-not-hired.use-case';
import { RequestHire } from './request-hire.use-case';
import { UnpoolVacancy } from './unpool-vacancy.use-case';
import { VacancyMatchesQueries } from './vacancy-matches.queries';
import { VacancyPoolController } from './vacancy-pool.controller';

/**
 * The co-op's side of the consortium's recruitment pool: vacancies put in the pool, the hub's matches
 * asked for live, requests to hire a candidate, and the applications candidates accept to send here,
 * opened with this node's own curve key and kept as applicants until hired or erased.
 */
@Module({
  imports: [WorkforceModule],
  controllers: [VacancyPoolController, HireRequestsController, ApplicantsController],
  providers: [
    ApplicantQueries,
    ApplicantStore,
    EraseApplicant,
    HireApplicant,
    HireRequestQueries,
    HireRequestStore,
    PoolVacancy,
    ReceiveApplication,
    RecordHireAnswer,
    RecordHireReceipt,
    RecordNotHired,
    RequestHire,
    UnpoolVacancy,
    VacancyMatchesQueries,
  ],
})
export class RecruitmentModule {}
