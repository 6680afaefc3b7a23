import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One choice on a ballot and its running tally. There is no row per vote, so no vote can be traced. */
@Entity('ballot_option')
export class BallotOption {
  @PrimaryColumn('uuid', { name: 'ballot_id' })
  ballotId: string;

  @PrimaryColumn('text', { name: 'option_key' })
  optionKey: string;

  @Column('int')
  position: number;

  @Column('text')
  label: string;

  @Column('uuid', { name: 'candidate_member_id', nullable: true })
  candidateMemberId: string | null;

  @Column('int')
  votes: number;
}
