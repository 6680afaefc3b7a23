import { Module } from '@nestjs/common';

import { OnboardingFiguresController } from './onboarding-figures.controller';
import { OnboardingFiguresQueries } from './onboarding-figures.queries';

/** Strawberry-patch onboarding: spin-off journeys, their stages and figures, and joining with one command. */
@Module({
  controllers: [OnboardingFiguresController],
  providers: [OnboardingFiguresQueries],
})
export class OnboardingModule {}
