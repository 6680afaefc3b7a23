import { Module } from '@nestjs/common';

import { AnswerSpareCareHours } from './answer-spare-care-hours.use-case';
import { LiveQuestionResponder } from './live-question-responder.service';
import { SpareCareHoursQueries } from './spare-care-hours.queries';

/** Answers the hub's live questions (core NATS request/reply) with sums from the co-op's own records. */
@Module({
  providers: [AnswerSpareCareHours, LiveQuestionResponder, SpareCareHoursQueries],
})
export class LiveQuestionsModule {}
