import { Module } from '@nestjs/common';

import { HubConfig } from '../config/hub.config';
import { HUB_CONFIG } from '../config/hub-config.token';
import { RegistryModule } from '../registry';
import { AcceptHireRequest } from './accept-hire-request.use-case';
import { AnswerMatches } from './answer-matches.use-case';
import { ApplicationStore } from './application.store';
import { ApplyHireRequest } from './apply-hire-request.use-case';
import { ApplyVacancyChange } from './apply-vacancy-change.use-case';
import { CandidateController } from './candidate.controller';
import { CandidateQueries } from './candidate.queries';
import { CandidateStore } from './candidate.store';
import { CandidateRequestsController } from './candidate-requests.controller';
import { CandidateRequestQueries } from './candidate-requests.queries';
import { CandidateRetentionJob } from './candidate-retention.job';
import { CloseRequestsOnLeaving } from './close-requests-on-leaving.use-case';
import { CorrectApplication } from './correct-application.use-case';
import { DeclineHireRequest } from './decline-hire-request.use-case';
import { EraseCandidate } from './erase-candidate.use-case';
import { GivePoolConsent } from './give-pool-consent.use-case';
import { HireRequestStore } from './hire-request.store';
import { FileCodeSender, MissingCodeSender, ONE_TIME_CODE_SENDER } from './one-time-code-sender.service';
import { PoolQueries } from './pool.queries';
import { PoolFiguresController } from './pool-figures.controller';
import { PoolFiguresQueries } from './pool-figures.queries';
import { PoolProfileStore } from './pool-profile.store';
import { PoolStaffController } from './pool-staff.controller';
import { PoolStaffQueries } from './pool-staff.queries';
import { PurgeInactiveCandidate } from './purge-inactive-candidate.use-case';
import { RecordApplicationDelivery } from './record-application-delivery.use-case';
import { RemindInactiveCandidate } from './remind-inactive-candidate.use-case';
import { RequestSignInCode } from './request-sign-in-code.use-case';
import { RetentionStore } from './retention.store';
import { SaveApplication } from './save-application.use-case';
import { SignInController } from './sign-in.controller';
import { SignInCodeStore } from './sign-in-code.store';
import { VerifySignInCode } from './verify-sign-in-code.use-case';
import { WithdrawPoolConsent } from './withdraw-pool-consent.use-case';

/**
 * The shared recruitment pool: candidates sign in with a one-time code, keep their own application,
 * consent to the pool (and withdraw), export and erase what the hub holds about them; co-ops pool
 * vacancies, are shown the candidates who fit as pseudonymous profiles, and ask to hire; a candidate who
 * accepts has their application sent sealed to that co-op's node alone, and their record on the hub ends
 * once the node has it.
 */
@Module({
  imports: [RegistryModule],
  controllers: [SignInController, CandidateController, CandidateRequestsController, PoolFiguresController, PoolStaffController],
  providers: [
    AcceptHireRequest,
    AnswerMatches,
    ApplicationStore,
    ApplyHireRequest,
    ApplyVacancyChange,
    CandidateQueries,
    CandidateRequestQueries,
    CandidateStore,
    CloseRequestsOnLeaving,
    CorrectApplication,
    DeclineHireRequest,
    EraseCandidate,
    GivePoolConsent,
    PoolProfileStore,
    PoolQueries,
    RecordApplicationDelivery,
    HireRequestStore,
    PoolFiguresQueries,
    PoolStaffQueries,
    RequestSignInCode,
    SaveApplication,
    SignInCodeStore,
    VerifySignInCode,
    WithdrawPoolConsent,
    // retention: reminders, the purge of inactive candidates, old sign-in codes
    CandidateRetentionJob,
    PurgeInactiveCandidate,
    RemindInactiveCandidate,
    RetentionStore,
    {
      provide: ONE_TIME_CODE_SENDER,
      useFactory: (config: HubConfig) =>
        config.RECRUITMENT_CODE_DIR ? new FileCodeSender(config.RECRUITMENT_CODE_DIR) : new MissingCodeSender(),
      inject: [HUB_CONFIG],
    },
  ],
  exports: [PoolStaffQueries, PoolFiguresQueries],
})
export class RecruitmentModule {}
