import { Column, Entity, PrimaryColumn } from 'typeorm';

import type { StakeholderClass } from '@app/contracts';

/** A member sitting on the board for their class, elected by a ballot or appointed at founding. */
@Entity('board_seat')
export class BoardSeat {
  @PrimaryColumn('uuid', { name: 'member_id' })
  memberId: string;

  @Column('text', { name: 'stakeholder_class' })
  stakeholderClass: StakeholderClass;

  @Column('date')
  since: string;

  @Column('uuid', { name: 'ballot_id', nullable: true })
  ballotId: string | null;
}
