import { Module } from '@nestjs/common';

import { RegistryModule } from '../registry';
import { ApplySpinOffProposal } from './apply-spin-off-proposal.use-case';
import { ApplyTemplatesShared } from './apply-templates-shared.use-case';
import { CloseStage } from './close-stage.use-case';
import { EnterSpinOff } from './enter-spin-off.use-case';
import { IssueJoinToken } from './issue-join-token.use-case';
import { JoinController } from './join.controller';
import { JoinTokenQueries } from './join-token.queries';
import { JoinTokenStore } from './join-token.store';
import { JourneyQueries } from './journey.queries';
import { JourneyStore } from './journey.store';
import { JourneysController } from './journeys.controller';
import { OnboardingFiguresController } from './onboarding-figures.controller';
import { OnboardingFiguresQueries } from './onboarding-figures.queries';
import { RedeemJoinToken } from './redeem-join-token.use-case';
import { ReopenStage } from './reopen-stage.use-case';
import { RevokeJoinToken } from './revoke-join-token.use-case';
import { SpinOffStore } from './spin-off.store';

/**
 * Strawberry-patch onboarding on the hub: spin-offs proposed by a sponsor's node or entered by staff,
 * the sponsor's templates, each journey's stages closed with evidence (the registry status following),
 * joining the mesh with one command, and the figures of how the consortium grows.
 */
@Module({
  imports: [RegistryModule],
  controllers: [JourneysController, JoinController, OnboardingFiguresController],
  providers: [
    ApplySpinOffProposal,
    ApplyTemplatesShared,
    CloseStage,
    EnterSpinOff,
    IssueJoinToken,
    JoinTokenQueries,
    JoinTokenStore,
    JourneyQueries,
    JourneyStore,
    OnboardingFiguresQueries,
    RedeemJoinToken,
    ReopenStage,
    RevokeJoinToken,
    SpinOffStore,
  ],
  exports: [JourneyQueries, CloseStage, ReopenStage, IssueJoinToken],
})
export class OnboardingModule {}
