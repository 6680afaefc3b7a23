import { Entity, PrimaryColumn } from 'typeorm';

/** That a member voted on a ballot (one vote each), never what they voted or when. */
@Entity('ballot_participation')
export class BallotParticipation {
  @PrimaryColumn('uuid', { name: 'ballot_id' })
  ballotId: string;

  @PrimaryColumn('uuid', { name: 'member_id' })
  memberId: string;
}
