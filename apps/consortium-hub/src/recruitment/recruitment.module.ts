import { Module } from '@nestjs/common';

import { HubConfig } from '../config/hub.config';
import { HUB_CONFIG } from '../config/hub-config.token';
import { ApplicationStore } from './application.store';
import { CandidateController } from './candidate.controller';
import { CandidateQueries } from './candidate.queries';
import { CandidateStore } from './candidate.store';
import { CandidateRetentionJob } from './candidate-retention.job';
import { CorrectApplication } from './correct-application.use-case';
import { EraseCandidate } from './erase-candidate.use-case';
import { GivePoolConsent } from './give-pool-consent.use-case';
import { HireRequestStore } from './hire-request.store';
import { FileCodeSender, MissingCodeSender, ONE_TIME_CODE_SENDER } from './one-time-code-sender.service';
import { PurgeInactiveCandidate } from './purge-inactive-candidate.use-case';
import { RemindInactiveCandidate } from './remind-inactive-candidate.use-case';
import { RequestSignInCode } from './request-sign-in-code.use-case';
import { RetentionStore } from './retention.store';
import { SaveApplication } from './save-application.use-case';
import { SignInController } from './sign-in.controller';
import { SignInCodeStore } from './sign-in-code.store';
import { VerifySignInCode } from './verify-sign-in-code.use-case';
import { WithdrawPoolConsent } from './withdraw-pool-consent.use-case';

/**
 * The shared recruitment pool, first slice: candidates sign in with a one-time code, keep their own
 * application, consent to the pool (and withdraw), export and erase what the hub holds about them.
 */
@Module({
  controllers: [SignInController, CandidateController],
  providers: [
    ApplicationStore,
    CandidateQueries,
    CandidateStore,
    CorrectApplication,
    EraseCandidate,
    GivePoolConsent,
    HireRequestStore,
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
})
export class RecruitmentModule {}
