import { Module } from '@nestjs/common';

import { ApplySpinOffProposal } from './apply-spin-off-proposal.use-case';
import { ApplyTemplatesShared } from './apply-templates-shared.use-case';
import { CloseStage } from './close-stage.use-case';
import { EnterSpinOff } from './enter-spin-off.use-case';
import { JourneyQueries } from './journey.queries';
import { JourneyStore } from './journey.store';
import { JourneysController } from './journeys.controller';
import { OnboardingFiguresController } from './onboarding-figures.controller';
import { OnboardingFiguresQueries } from './onboarding-figures.queries';
import { ReopenStage } from './reopen-stage.use-case';
import { SpinOffStore } from './spin-off.store';

/**
 * Strawberry-patch onboarding on the hub: spin-offs proposed by a sponsor's node or entered by staff,
 * the sponsor's templates, each journey's stages closed with evidence (the registry status following),
 * and the figures of how the consortium grows.
 */
@Module({
  controllers: [JourneysController, OnboardingFiguresController],
  providers: [
    ApplySpinOffProposal,
    ApplyTemplatesShared,
    CloseStage,
    EnterSpinOff,
    JourneyQueries,
    JourneyStore,
    OnboardingFiguresQueries,
    ReopenStage,
    SpinOffStore,
  ],
  exports: [JourneyQueries],
})
export class OnboardingModule {}
