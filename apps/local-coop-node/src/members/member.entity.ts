import { Column, Entity, PrimaryColumn } from 'typeorm';

import type { StakeholderClass } from '@app/contracts';

/** A member of the co-op, in exactly one stakeholder class. Personal data: it never leaves this node. */
@Entity('member')
export class Member {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ type: 'int', name: 'member_number', insert: false, update: false })
  memberNumber: number;

  @Column('text', { name: 'stakeholder_class' })
  stakeholderClass: StakeholderClass;

  @Column('text', { name: 'full_name' })
  fullName: string;

  @Column('text', { nullable: true })
  email: string | null;

  @Column('text', { nullable: true })
  phone: string | null;

  @Column('text', { nullable: true })
  address: string | null;

  @Column('date', { name: 'date_of_birth', nullable: true })
  dateOfBirth: string | null;

  @Column('date', { name: 'admitted_on' })
  admittedOn: string;

  @Column('date', { name: 'withdrawn_on', nullable: true })
  withdrawnOn: string | null;

  @Column('text', { name: 'withdrawal_reason', nullable: true })
  withdrawalReason: string | null;

  /** When the member's personal details were erased; the register entry itself is kept. */
  @Column('timestamptz', { name: 'erased_at', nullable: true })
  erasedAt: Date | null;
}
