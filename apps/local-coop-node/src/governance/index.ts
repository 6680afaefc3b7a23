import { BallotOption } from './ballot-option.entity';
import { BallotParticipation } from './ballot-participation.entity';
import { Ballot } from './ballot.entity';
import { BoardSeat } from './board-seat.entity';

export { GovernanceModule } from './governance.module';
export { CloseBallot } from './close-ballot.use-case';
export const GOVERNANCE_ENTITIES = [Ballot, BallotOption, BallotParticipation, BoardSeat];
export * from './governance.rules';
