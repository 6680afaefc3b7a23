import { Module } from '@nestjs/common';

import { MembersModule } from '../members';
import { RulebookModule } from '../rulebook';
import { BallotQueries } from './ballot.queries';
import { BallotStore } from './ballot.store';
import { BallotCloser } from './ballot-closer.job';
import { BoardQueries } from './board.queries';
import { CastVote } from './cast-vote.use-case';
import { CloseBallot } from './close-ballot.use-case';
import { CreateBallot } from './create-ballot.use-case';
import { GovernanceController } from './governance.controller';
import { ProposeRulebookChange } from './propose-rulebook-change.use-case';
import { SetBoard } from './set-board.use-case';

/** Motions, board elections and rulebook changes decided by secret ballot; the board itself. */
@Module({
  imports: [MembersModule, RulebookModule],
  controllers: [GovernanceController],
  providers: [BallotCloser, BallotQueries, BallotStore, BoardQueries, CastVote, CloseBallot, CreateBallot, ProposeRulebookChange, SetBoard],
  exports: [CloseBallot, BallotQueries, BoardQueries, CastVote, CreateBallot],
})
export class GovernanceModule {}
