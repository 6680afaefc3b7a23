import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { Roles } from '@app/platform';

import { OnboardingFiguresView } from './onboarding-figures.dto';
import { OnboardingFiguresQueries } from './onboarding-figures.queries';

@ApiTags('onboarding')
@ApiBearerAuth()
@Controller('onboarding/figures')
export class OnboardingFiguresController {
  constructor(private readonly queries: OnboardingFiguresQueries) {}

  /** Time in each stage and to trading, per journey and across the consortium; stalled journeys; co-ops with no runner lately. */
  @Get()
  @Roles('consortium-staff', 'commissioner')
  @ApiOkResponse({ type: OnboardingFiguresView })
  figures(): Promise<OnboardingFiguresView> {
    return this.queries.figures();
  }
}
