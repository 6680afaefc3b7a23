import { Module } from '@nestjs/common';

import { PoliciesModule } from '../policies';
import { FoundingRulebook } from './founding-rulebook.bootstrap';
import { RulebookController } from './rulebook.controller';
import { RulebookStore } from './rulebook.store';

/** The co-op's governance rules: stakeholder classes, board seats and caps, quorum, majorities, limits. */
@Module({
  imports: [PoliciesModule],
  controllers: [RulebookController],
  providers: [FoundingRulebook, RulebookStore],
  exports: [RulebookStore],
})
export class RulebookModule {}
