import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Someone who gives time to the co-op; perhaps also a member. Personal data: it never leaves this node. */
@Entity('volunteer')
export class Volunteer {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text', { name: 'full_name' })
  fullName: string;

  @Column('uuid', { name: 'member_id', nullable: true })
  memberId: string | null;

  @Column('date', { name: 'joined_on' })
  joinedOn: string;

  @Column('date', { name: 'left_on', nullable: true })
  leftOn: string | null;

  @Column('text', { name: 'leaving_reason', nullable: true })
  leavingReason: string | null;

  @Column('date', { name: 'moved_into_paid_work_on', nullable: true })
  movedIntoPaidWorkOn: string | null;

  @Column('text', { name: 'paid_role', nullable: true })
  paidRole: string | null;

  /** When the volunteer's personal details were erased; hours, credits and claims are kept. */
  @Column('timestamptz', { name: 'erased_at', nullable: true })
  erasedAt: Date | null;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;
}
