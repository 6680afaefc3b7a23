import { Module } from '@nestjs/common';

import { PoliciesModule } from '../policies';
import { RulebookModule } from '../rulebook';
import { WorkforceModule } from '../workforce';
import { ProposeSpinOff } from './propose-spin-off.use-case';
import { ShareTemplatesOnRequest } from './share-templates-on-request.use-case';
import { SpinOffQueries } from './spin-off.queries';
import { SpinOffStore } from './spin-off.store';
import { SpinOffMessages } from './spin-off-messages.service';
import { SpinOffsController } from './spin-offs.controller';

/**
 * The co-op's side of "strawberry patch" onboarding as a sponsor: proposing a spin-off with one of its
 * workers as the runner, and sharing its rulebook and policies as the new co-op's templates.
 */
@Module({
  imports: [PoliciesModule, RulebookModule, WorkforceModule],
  controllers: [SpinOffsController],
  providers: [ProposeSpinOff, ShareTemplatesOnRequest, SpinOffMessages, SpinOffQueries, SpinOffStore],
})
export class OnboardingModule {}
