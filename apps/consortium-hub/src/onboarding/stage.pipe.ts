import { BadRequestException, Injectable, PipeTransform } from '@nestjs/common';

import { ONBOARDING_STAGES, OnboardingStage } from '@app/contracts';

/** The `:stage` of a journey's route: one of the journey's stages, by name. */
@Injectable()
export class StagePipe implements PipeTransform<string, OnboardingStage> {
  transform(value: string): OnboardingStage {
    if (!(ONBOARDING_STAGES as readonly string[]).includes(value))
      throw new BadRequestException([`stage must be one of: ${ONBOARDING_STAGES.join(', ')}`]);
    return value as OnboardingStage;
  }
}
