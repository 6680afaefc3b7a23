import { Ballot } from './ballot.entity';
import { BallotOption } from './ballot-option.entity';
import { BallotParticipation } from './ballot-participation.entity';
import { BoardSeat } from './board-seat.entity';

export { BallotQueries } from './ballot.queries';
export { BoardQueries, BoardView } from './board.queries';
export { CastVote } from './cast-vote.use-case';
export { CloseBallot } from './close-ballot.use-case';
export { CreateBallot } from './create-ballot.use-case';
export { BallotView, CastVoteDto, CreateBallotDto, ListBallotsQuery } from './governance.dto';
export { GovernanceModule } from './governance.module';
export const GOVERNANCE_ENTITIES = [Ballot, BallotOption, BallotParticipation, BoardSeat];
export * from './governance.rules';
