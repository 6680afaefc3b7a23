import { Module } from '@nestjs/common';

import { FoundingRulebook } from './founding-rulebook.bootstrap';
import { RulebookController } from './rulebook.controller';
import { RulebookStore } from './rulebook.store';

/** The co-op's governance rules: stakeholder classes, board seats and caps, quorum, majorities, limits. */
@Module({
  controllers: [RulebookController],
  providers: [FoundingRulebook, RulebookStore],
  exports: [RulebookStore],
})
export class RulebookModule {}
