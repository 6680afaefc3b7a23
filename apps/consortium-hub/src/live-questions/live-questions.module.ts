import { Module } from '@nestjs/common';

import { RegistryModule } from '../registry';
import { AskSpareCareHours } from './ask-spare-care-hours.use-case';
import { LiveQuestionsController } from './live-questions.controller';
import { ScatterGather } from './scatter-gather.service';

/** Live questions: scatter-gather over core NATS to every online co-op, with a deadline. Nothing is stored. */
@Module({
  imports: [RegistryModule],
  controllers: [LiveQuestionsController],
  providers: [AskSpareCareHours, ScatterGather],
})
export class LiveQuestionsModule {}
